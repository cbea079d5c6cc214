/** Phase 1b, parse: a source's text into a model (YAML documents and objects, a Dockerfile, a Compose project), with the templates skipped and the kustomize facts applied. */
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { NOT_READ } from '../discover.js';
import { outsideRoot, readFileSafely } from '../safe-read.js';
import type { DiscoveredFile } from '../discover.js';
import type { DockerfileModel } from '../parse/dockerfile.js';
import { parseYaml } from '../parse/yaml.js';
import { structuralTemplate } from '../parse/template.js';
import type { KustomizeFacts } from '../kustomize.js';
import type { TemplateKind } from '../parse/template.js';
import type { YamlDocumentModel, YamlFileModel } from '../parse/yaml.js';
import { isRecord } from '../values.js';
import { kubeObjectsOf } from '../parse/kube.js';
import { COMPOSE_BASE_NAMES, composeModelOf, isComposeOverrideName, looksLikeCompose } from '../parse/compose.js';
import type { ComposeModel } from '../parse/compose.js';
import type { KubeObject } from '../parse/kube.js';
import { decodeText } from '../text.js';
import type { Finding, SourceRange } from '../types.js';
import type { EffectiveConfig } from '../config/index.js';
import { FileWatchdog, TooComplexError } from './watchdog.js';
import type { RunFacts } from './run-facts.js';
import type { SourceInput } from './sources.js';
import { isHelmTemplatePath, readSource } from './sources.js';
import type { InternalError } from './run-result.js';

export interface ParsedFile {
  file: SourceInput;
  compose?: ComposeModel;
  dockerfile?: DockerfileModel;
  yaml?: YamlFileModel;
  objects: KubeObject[];
  /** Findings produced while reading and parsing. */
  findings: Finding[];
  /** Parts of the file not linted, in words (reported in the default output: they can hide findings). */
  skipped: string[];
  /** Failures of the linter itself while parsing. */
  internalErrors?: InternalError[];
}

export const FIRST_LINE: SourceRange = { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } };

/** Services of the base Compose file in a directory, for override files linted beside it. */
function readBaseServices(dir: string, displayDir: string, root: string | undefined, notices: string[]): Map<string, Record<string, unknown>> | undefined {
  for (const name of COMPOSE_BASE_NAMES) {
    const path = join(dir, name);
    if (!existsSync(path)) continue;
    const outside = root ? outsideRoot(path, root) : undefined;
    const read = outside ? { ok: false as const, reason: outside } : readFileSafely(path);
    if (!read.ok) {
      notices.push(`${NOT_READ}${displayDir === '.' ? '' : displayDir + '/'}${name}: ${read.reason}`);
      return undefined;
    }
    try {
      const { text } = decodeText(read.bytes);
      const base = composeModelOf(parseYaml(text));
      return new Map((base?.services ?? []).map((s) => [s.name, s.raw as Record<string, unknown>]));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * Where Compose says each Dockerfile is built from: `build: ./dir` or
 * `build: {context, dockerfile}`, resolved from the Compose file's folder.
 */
export function composeBuildContexts(parsed: readonly ParsedFile[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of parsed) {
    if (!p.compose || !p.file.absPath) continue;
    const base = dirname(p.file.absPath);
    for (const s of p.compose.services) {
      const build = s.raw.build;
      const spec = typeof build === 'string' ? { context: build } : isRecord(build) ? build : undefined;
      if (!spec) continue;
      const context = resolve(base, typeof spec.context === 'string' ? spec.context : '.');
      const dockerfile = resolve(context, typeof spec.dockerfile === 'string' ? spec.dockerfile : 'Dockerfile');
      out[dockerfile] = context;
    }
  }
  return out;
}

/** The run facts with the build contexts that Compose files among `parsed` give their Dockerfiles. */
export function withBuildContexts(facts: RunFacts, parsed: readonly ParsedFile[]): RunFacts {
  const buildContexts = composeBuildContexts(parsed);
  return Object.keys(buildContexts).length ? { ...facts, buildContexts } : facts;
}

/** Whether an error means the input is too large or too deeply nested, rather than a defect of the linter. */
export function isTooComplex(err: unknown): boolean {
  return err instanceof TooComplexError || (err instanceof RangeError && /call stack|Invalid string length|Array buffer allocation/i.test(err.message));
}

/**
 * The finding for a file whose parsing or linting failed: a parse-error
 * ("too complex") for input past the time, memory or nesting a file may
 * take, an internal-error (also recorded in `internalErrors`) otherwise.
 */
export function fileFailure(err: unknown, file: string, step: string, internalErrors: InternalError[]): Finding {
  const e = err as Error;
  if (isTooComplex(err)) {
    const why = err instanceof TooComplexError ? e.message : 'nested too deeply';
    return { ruleId: 'parse-error', severity: 'error', message: `file is too complex to lint (${step} ${why}); not linted`, file, range: FIRST_LINE };
  }
  internalErrors.push({ ruleId: step, file, message: e?.message ?? String(err), stack: e?.stack });
  return { ruleId: 'internal-error', severity: 'error', message: `${step} failed on this file: ${e?.message ?? String(err)}`, file, range: FIRST_LINE };
}

/**
 * Parses a file's text; a failure (or a file past its time and memory
 * allowance) becomes a finding for that file alone.
 */
export function parseSource(file: SourceInput, notices: string[], watchdog = new FileWatchdog()): ParsedFile {
  const parsed: ParsedFile = { file, objects: [], findings: [], skipped: [] };
  watchdog.start();
  try {
    readParsed(parsed, notices);
    watchdog.check(true);
  } catch (err) {
    parsed.compose = undefined;
    parsed.yaml = undefined;
    parsed.objects = [];
    parsed.findings = file.contextOnly ? [] : [fileFailure(err, file.displayPath, 'parsing', parsed.internalErrors = [])];
  }
  return parsed;
}

/** The lines of one document of a file. */
function documentLines(model: YamlFileModel, doc: YamlDocumentModel): string[] {
  const lines: string[] = [];
  for (let line = doc.range.start.line; line <= doc.range.end.line; line++) lines.push(model.index.lineText(line));
  return lines;
}

function readParsed(parsed: ParsedFile, notices: string[]): void {
  const file = parsed.file;
  const fail = (ruleId: string, message: string, range: SourceRange = FIRST_LINE) => {
    if (!file.contextOnly) parsed.findings.push({ ruleId, severity: 'error', message, file: file.displayPath, range });
  };
  if (file.text === undefined) {
    fail('unreadable-file', file.problem ?? 'cannot read file');
    return;
  }
  const text = file.text;
  // Dockerfiles need no run-wide context: they are parsed when linted, one at a time.
  if (file.kind === 'dockerfile') return;
  if (file.absPath && isHelmTemplatePath(file.absPath)) {
    notices.push(`skipped Helm template ${file.displayPath} (render it with \`helm template\` to lint it)`);
    return;
  }
  const model = parseYaml(text);
  parsed.yaml = model;
  // A document shaped by template syntax (Helm, CL2, Jinja, Terraform) is not the manifest that
  // gets applied: it is skipped, said once per file, and the file's other documents are linted.
  const broken: YamlDocumentModel[] = [];
  const templated = new Set<YamlDocumentModel>();
  let templateKind: TemplateKind | undefined;
  let templatedManifest = false;
  for (const d of model.documents) {
    const lines = documentLines(model, d);
    // A document that does not parse and holds `${...}` is a Terraform or envsubst template input.
    const kind = structuralTemplate(lines) ?? (d.errors.length && lines.some((l) => l.includes('${')) ? '${ } template' : undefined);
    if (kind) {
      templated.add(d);
      templateKind ??= kind;
      // Said only for templates of manifests: a templated values file was never going to be linted.
      templatedManifest ||= lines.some((l) => /^(apiVersion|kind|services)\s*:/.test(l));
    } else if (d.errors.length) broken.push(d);
  }
  if (templateKind && templatedManifest && !file.contextOnly) {
    const which = model.documents.length > 1 ? `${templated.size} of ${model.documents.length} documents` : 'the document';
    parsed.skipped.push(`skipped ${file.displayPath}: ${templateKind} syntax shapes ${which}; render the template to lint what it produces`);
  }
  if (broken.length) {
    const first = broken[0].errors[0];
    const more = broken.reduce((n, d) => n + d.errors.length, 0) - 1;
    fail('parse-error', `invalid YAML: ${first.message}${more > 0 ? ` (and ${more} more YAML error${more > 1 ? 's' : ''})` : ''}`, first.range);
  }
  // Each document is read by its own shape: a Compose file (the first usable document, when the
  // name or that document's shape says Compose) and Kubernetes objects (documents with apiVersion and kind).
  const firstValue = model.documents.find((d) => !d.errors.length)?.value;
  const usedDocs = new Set<YamlDocumentModel>();
  if (file.kind === 'compose' || looksLikeCompose(firstValue)) {
    parsed.compose = composeModelOf(model);
    if (parsed.compose && templated.has(parsed.compose.document)) parsed.compose = undefined;
    if (parsed.compose) {
      usedDocs.add(parsed.compose.document);
      if (file.absPath && isComposeOverrideName(basename(file.absPath))) {
        parsed.compose.baseServices = readBaseServices(dirname(file.absPath), dirname(file.displayPath), file.root, notices);
      }
    }
  }
  parsed.objects = kubeObjectsOf(model, file.displayPath, file.contextOnly).filter((o) => o.document !== parsed.compose?.document && !templated.has(o.document));
  for (const o of parsed.objects) usedDocs.add(o.document);
  // Duplicate keys matter only in the documents that are linted.
  for (const doc of model.documents) {
    if (usedDocs.has(doc)) for (const w of doc.warnings) fail('parse-error', w.message, w.range);
  }
}

/**
 * Objects of kustomize patches are partial (judged only on what they set);
 * objects of resources a kustomization lists take its namespace and carry
 * its image overrides. Done before any index is built.
 */
export function markKustomized(parsed: ParsedFile, facts: KustomizeFacts | undefined): ParsedFile {
  const abs = parsed.file.absPath;
  if (!facts || !abs) return parsed;
  const patch = facts.patchFiles.includes(abs);
  const listed = facts.resources[abs];
  for (const obj of parsed.objects) {
    if (patch) obj.patch = true;
    if (listed) {
      // kustomize sets the namespace of every resource it builds, replacing the one written.
      if (listed.namespace) obj.namespace = listed.namespace;
      if (listed.images.length) obj.imageOverrides = listed.images;
    }
  }
  return parsed;
}

/** Phase 1: read and parse files (in a worker thread or in the main one). */
export function parseFiles(files: readonly DiscoveredFile[], config: EffectiveConfig, facts: RunFacts, notices: string[]): ParsedFile[] {
  return files.map((f) => markKustomized(parseSource(readSource(f, config.maxFileSizeMB * 2 ** 20), notices), facts.kustomize));
}
