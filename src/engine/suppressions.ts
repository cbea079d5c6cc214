import { closest } from '../text.js';
import type { DockerfileModel } from '../parse/dockerfile.js';
import type { YamlFileModel, YamlDocumentModel } from '../parse/yaml.js';
import { nodeLocation } from '../parse/yaml.js';
import { locateInObject } from '../parse/kube.js';
import { joinPointer, valueAtPointer } from '../pointer.js';
import { isRecord } from '../values.js';
import type { KubeObject } from '../parse/kube.js';
import type { Finding, SourceRange } from '../types.js';
import { hadolintSuppressions, kubeLinterSuppressions } from './peer-suppressions.js';

export type { Suppression } from './suppression.js';
import type { Suppression } from './suppression.js';

export const IGNORE_ANNOTATION = 'genai-lint.io/ignore';

/** Lower-case words joined by `-` or `/`, as every rule id is. */
const RULE_ID_SHAPE = /^[a-z][a-z0-9]*(?:[-/][a-z0-9]+)+$/;

const DIRECTIVE = /^genai-lint\s+(ignore-file|ignore)\s*=/;

/** `genai-lint ignore=a,b -- reason`: the ids end at the first `--` (found with indexOf: no backtracking on long comments). */
export function parseDirective(commentText: string): { fileWide: boolean; ruleIds: string[]; reason?: string } | undefined {
  const text = commentText.trim();
  const m = DIRECTIVE.exec(text);
  if (!m) return undefined;
  const rest = text.slice(m[0].length);
  const dash = rest.indexOf('--');
  const ruleIds = (dash < 0 ? rest : rest.slice(0, dash))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return { fileWide: m[1] === 'ignore-file', ruleIds, reason: dash < 0 ? undefined : rest.slice(dash + 2).trim() || undefined };
}

function make(ids: string[], lines: Suppression['lines'], origin: SourceRange, reason?: string): Suppression {
  return { ruleIds: ids, lines, origin, reason, used: new Set() };
}

/**
 * `# genai-lint ignore=...` on the comment line(s) just above an instruction
 * covers that instruction; `# genai-lint ignore-file=...` covers the file.
 */
export function dockerfileSuppressions(model: DockerfileModel): Suppression[] {
  const out: Suppression[] = [];
  const commentLines = new Set(model.comments.map((c) => c.line));
  // The first line after each run of comment lines, in one backward pass.
  const after = new Map<number, number>();
  for (let k = model.comments.length - 1; k >= 0; k--) {
    const line = model.comments[k].line;
    after.set(line, commentLines.has(line + 1) ? (after.get(line + 1) ?? line + 1) : line + 1);
  }
  const instructionAt = new Map<number, DockerfileModel['instructions'][number]>();
  for (const i of model.instructions) if (!instructionAt.has(i.range.start.line)) instructionAt.set(i.range.start.line, i);
  for (const c of model.comments) {
    const d = parseDirective(c.text);
    if (!d) continue;
    if (d.fileWide) {
      out.push(make(d.ruleIds, undefined, c.range, d.reason));
      continue;
    }
    const next = after.get(c.line) ?? c.line + 1;
    const instr = instructionAt.get(next);
    // An ignore comment not directly above an instruction covers nothing (reported as unused).
    out.push(make(d.ruleIds, instr ? { from: instr.range.start.line, to: instr.range.end.line } : { from: 0, to: -1 }, c.range, d.reason));
  }
  out.push(...hadolintSuppressions(model));
  return out;
}

/**
 * YAML: the same comments just above a key (covering that key's node) or a
 * document (covering the document), and the `genai-lint.io/ignore`
 * annotation on an object or its pod template.
 */
export function yamlSuppressions(model: YamlFileModel, objects: readonly KubeObject[]): Suppression[] {
  const out: Suppression[] = [];
  // Most files hold no ignore comment: one search of the text spares them the line-by-line pass.
  if (model.text.includes('genai-lint')) commentSuppressions(model, out);
  annotationSuppressions(objects, out);
  return out;
}

function commentSuppressions(model: YamlFileModel, out: Suppression[]): void {
  const { index } = model;
  // For each line, the first line at or after it that is not a comment line: one backward pass.
  const nextCode = new Int32Array(index.lineCount + 2);
  nextCode[index.lineCount + 1] = index.lineCount + 1;
  for (let line = index.lineCount; line >= 1; line--) {
    nextCode[line] = /^[ \t]*#/.test(index.lineText(line)) ? nextCode[line + 1] : line;
  }
  const covered = new Map<number, Suppression['lines']>();
  for (let line = 1; line <= index.lineCount; line++) {
    const text = index.lineText(line);
    const m = /^([ \t]*)#(.*)$/.exec(text);
    if (!m) continue;
    const d = parseDirective(m[2]);
    if (!d) continue;
    const origin: SourceRange = { start: { line, column: m[1].length + 1 }, end: { line, column: text.length + 1 } };
    if (d.fileWide) {
      out.push(make(d.ruleIds, undefined, origin, d.reason));
      continue;
    }
    let next = nextCode[line + 1];
    const nextText = index.lineText(next).trim();
    if (nextText === '---' || nextText.startsWith('--- ')) next = nextCode[next + 1];
    let lines = covered.get(next);
    if (!lines) covered.set(next, (lines = coveredLines(model.documents, next)));
    out.push(make(d.ruleIds, { ...lines! }, origin, d.reason));
  }
}

function annotationSuppressions(objects: readonly KubeObject[], out: Suppression[]): void {
  for (const obj of objects) {
    const annotated: { metaPath: string; coverPath: string }[] = [
      { metaPath: '/metadata', coverPath: '' },
      { metaPath: '/spec/template/metadata', coverPath: '/spec/template' },
      { metaPath: '/spec/jobTemplate/spec/template/metadata', coverPath: '/spec/jobTemplate/spec/template' },
    ];
    for (const { metaPath, coverPath } of annotated) {
      const meta = valueAtPointer(obj.raw, metaPath);
      const annotations = isRecord(meta) && isRecord(meta.annotations) ? meta.annotations : undefined;
      const value = annotations?.[IGNORE_ANNOTATION];
      if (typeof value !== 'string') continue;
      const d = parseDirective(`genai-lint ignore=${value}`);
      if (!d) continue;
      const origin = locateInObject(obj, joinPointer(metaPath, 'annotations', IGNORE_ANNOTATION), 'key');
      const cover = coverPath === '' ? objectSpan(obj) : locateInObject(obj, coverPath, 'span');
      out.push(make(d.ruleIds, { from: cover.start.line, to: cover.end.line }, origin, d.reason));
    }
  }
  out.push(...kubeLinterSuppressions(objects, objectSpan));
}

function objectSpan(obj: KubeObject): SourceRange {
  return obj.basePath ? locateInObject(obj, '', 'span') : obj.document.range;
}

/** Lines covered by a comment placed just above `line`. */
function coveredLines(documents: readonly YamlDocumentModel[], line: number): Suppression['lines'] {
  const doc = documents.find((d) => d.range.start.line <= line && line <= d.range.end.line);
  if (!doc) return { from: 0, to: -1 };
  if (doc.range.start.line === line) return { from: doc.range.start.line, to: doc.range.end.line };
  let best: SourceRange | undefined;
  for (const offsets of doc.locations.values()) {
    if (doc.textIndex.positionAt(offsets[0] >= 0 ? offsets[0] : offsets[2]).line !== line) continue;
    const s = nodeLocation(doc, offsets).span;
    if (s.start.line !== line) continue;
    if (!best || s.end.line > best.end.line || (s.end.line === best.end.line && s.end.column > best.end.column)) best = s;
  }
  return best ? { from: best.start.line, to: best.end.line } : { from: line, to: line };
}

export interface SuppressionOutcome {
  kept: Finding[];
  unused: Finding[];
}

/**
 * Drops findings covered by a suppression and reports suppressions that
 * covered nothing. Unknown rule ids in a suppression are always reported;
 * ids of rules switched off are not (there is nothing for them to cover).
 */
export function applySuppressions(
  findings: readonly Finding[],
  suppressions: readonly Suppression[],
  file: string,
  knownRuleIds: ReadonlySet<string>,
  enabledRuleIds: ReadonlySet<string>,
): SuppressionOutcome {
  const kept: Finding[] = [];
  const byRule = new Map<string, Suppression[]>();
  for (const s of suppressions) {
    for (const id of new Set(s.ruleIds)) {
      const list = byRule.get(id);
      if (list) list.push(s);
      else byRule.set(id, [s]);
    }
  }
  for (const f of findings) {
    let suppressed = false;
    for (const s of byRule.get(f.ruleId) ?? []) {
      const line = f.range.start.line;
      if (s.lines && (line < s.lines.from || line > s.lines.to)) continue;
      s.used.add(f.ruleId);
      suppressed = true;
    }
    if (!suppressed) kept.push(f);
  }
  const unused: Finding[] = [];
  for (const s of suppressions) {
    if (s.peer !== undefined) {
      // Another linter's code stands for all the rules that cover it: unused when none of them fired.
      if (s.used.size || !s.ruleIds.some((id) => enabledRuleIds.has(id))) continue;
      unused.push({ ruleId: 'unused-suppression', severity: 'warning', message: `\`${s.peer}\` (${s.ruleIds.join(', ')}) suppresses nothing here; remove it`, file, range: s.origin });
      continue;
    }
    for (const id of s.ruleIds) {
      if (s.used.has(id)) continue;
      let message: string;
      // Comment text is echoed only when it has the shape of a rule id: anything else could be a value pasted by mistake.
      if (!knownRuleIds.has(id)) {
        const near = RULE_ID_SHAPE.test(id) ? closest(id, [...knownRuleIds]) : undefined;
        message = RULE_ID_SHAPE.test(id)
          ? `suppression names an unknown rule id \`${id}\`${near ? `; did you mean \`${near}\`?` : ''}`
          : 'suppression names something that is not a rule id';
      }
      else if (!enabledRuleIds.has(id)) continue;
      else message = `suppression of \`${id}\` suppresses nothing here; remove it`;
      unused.push({ ruleId: 'unused-suppression', severity: 'warning', message, file, range: s.origin });
    }
  }
  return { kept, unused };
}

