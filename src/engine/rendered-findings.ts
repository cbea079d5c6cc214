/** Findings of rendered output (helm template, kustomize build), carried back to the repository files where the fix belongs. */
import { parseYaml } from '../parse/yaml.js';
import type { YamlDocumentModel, YamlFileModel } from '../parse/yaml.js';
import { kubeObjectsOf } from '../parse/kube.js';
import type { Finding } from '../types.js';
import type { MappedLocation, RenderedSource } from '../render/source.js';
import { applySuppressions, yamlSuppressions } from './suppressions.js';

/** What a finding in rendered output says instead of carrying edits: the file to fix is the template. */
export const RENDERED_NOT_FIXABLE = 'Not fixed automatically: found in rendered output; fix the template or its values.';

/** Re-points a finding in rendered Helm output at the template named by its document's `# Source:`. */
export function mapToTemplateSource(f: Finding, model: YamlFileModel): void {
  const line = f.range.start.line;
  const doc = model.documents.find((d) => d.source && d.range.start.line <= line && line <= d.range.end.line);
  if (!doc?.source) return;
  const shift = doc.contentLine - 1;
  f.file = doc.source;
  f.range = {
    start: { line: f.range.start.line - shift, column: f.range.start.column },
    end: { line: Math.max(1, f.range.end.line - shift), column: f.range.end.column },
  };
}

/**
 * Findings mapped to repository files, less those the suppression comments
 * of those files cover. A comment that covers nothing is not reported here:
 * the same file may be reached through other renders.
 */
export function suppressedInRepository(findings: Finding[], display: string, textOf: (file: string) => string | undefined, knownIds: ReadonlySet<string>, enabledIds: ReadonlySet<string>): Finding[] {
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.file === display) continue;
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }
  const dropped = new Set<Finding>();
  for (const [file, list] of byFile) {
    const text = textOf(file);
    if (text === undefined) continue;
    const model = parseYaml(text);
    const suppressions = yamlSuppressions(model, kubeObjectsOf(model, file, false));
    if (!suppressions.length) continue;
    const { kept } = applySuppressions(list, suppressions, file, knownIds, enabledIds);
    const keep = new Set(kept);
    for (const f of list) if (!keep.has(f)) dropped.add(f);
  }
  return dropped.size ? findings.filter((f) => !dropped.has(f)) : findings;
}

/** Re-points a finding of a rendered source at the repository file its mapper names (or the source's fallback); why it is not judged, if it is not (a placeholder, a value made at install time, a packaged dependency). */
export function mapRenderedFinding(f: Finding, model: YamlFileModel, source: RenderedSource, at: { doc: YamlDocumentModel; pointer: string | undefined } | undefined): 'placeholder' | MappedLocation['notOwn'] {
  const line = f.range.start.line;
  const doc = at?.doc ?? model.documents.find((d) => d.range.start.line <= line && line <= d.range.end.line);
  const index = doc ? model.documents.indexOf(doc) : -1;
  const loc: MappedLocation = (doc && index >= 0 ? source.map({ index, range: doc.range, value: doc.value, source: doc.source, contentLine: doc.contentLine }, at?.pointer, f.range) : undefined) ?? source.fallback;
  f.file = loc.file;
  f.range = loc.range;
  if (loc.related?.length) f.related = loc.related.map((r) => ({ ...r }));
  return loc.placeholder ? 'placeholder' : loc.notOwn;
}
