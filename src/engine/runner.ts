import { createHash } from 'node:crypto';
import { readSync, existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { isGitIgnored, kindByName, NOT_READ } from '../discover.js';
import { outsideRoot, readFileSafely, readTreeFile } from '../safe-read.js';
import type { DiscoveredFile } from '../discover.js';
import { missingFromProblem, parseDockerfile } from '../parse/dockerfile.js';
import type { DockerfileModel, DockerInstruction } from '../parse/dockerfile.js';
import { NodeTable, parseYaml } from '../parse/yaml.js';
import { structuralTemplate } from '../parse/template.js';
import { parseDotenv } from '../parse/dotenv.js';
import type { KustomizeFacts } from '../kustomize.js';
import type { TemplateKind } from '../parse/template.js';
import type { YamlDocumentModel, YamlFileModel } from '../parse/yaml.js';
import { isRecord } from '../values.js';
import { kubeObjectsOf, locateInDocument, locateInObject } from '../parse/kube.js';
import { COMPOSE_BASE_NAMES, composeModelOf, isComposeOverrideName, looksLikeCompose } from '../parse/compose.js';
import type { ComposeModel } from '../parse/compose.js';
import type { KubeObject, LocationPart } from '../parse/kube.js';
import { decodeText, TextIndex } from '../text.js';
import type { Autofix, Finding, FindingFix, Severity, SourceRange } from '../types.js';
import type { MappedLocation, RenderedSource } from '../render/source.js';
import { normalizedEdits } from '../fix/edits.js';
import { YamlEditor } from '../fix/yaml-edit.js';
import { DockerfileEditor } from '../fix/dockerfile-edit.js';
import { compareFindings } from '../types.js';
import { isRuleEnabled } from '../config/index.js';
import type { EffectiveConfig } from '../config/index.js';
import { ENGINE_RULES } from './rule.js';
import type { AnyRule, BuildContextRequest, ComposeRule, DockerfileRule, K8sRule, PolicyRule, Report, K8sReport } from './rule.js';
import { scanBuildContext } from './build-context.js';
import { KubeSchemaValidator } from './kube-schema.js';
import type { BuildContextInfo } from './build-context.js';
import { RunIndex } from './run-index.js';
import { applySuppressions, dockerfileSuppressions, yamlSuppressions } from './suppressions.js';
import { DEFAULT_FILE_LIMITS, FileWatchdog, TooComplexError } from './watchdog.js';
import type { FileLimits } from './watchdog.js';
import type { RunFacts } from './run-facts.js';
import type { Suppression } from './suppressions.js';

export interface FoundSecret {
  file: string;
  value: string;
}

export interface InternalError {
  ruleId: string;
  file: string;
  message: string;
  stack: string | undefined;
}

export interface RunResult {
  findings: Finding[];
  /** Files linted (context-only files excluded). */
  filesChecked: number;
  /** Display paths of the files linted, in order. */
  checkedFiles: string[];
  /** Kubernetes objects linted. */
  objectsChecked: number;
  /** Paths named on the command line that do not exist or cannot be read. */
  missingPaths: string[];
  notices: string[];
  /**
   * Parts of the input not linted that could hide findings (directories past
   * the depth bound, template documents): printed by default and counted.
   */
  skipped: string[];
  internalErrors: InternalError[];
  /** Literal secrets the rules found, with their file: never output, only masked in that file's texts (see src/redact.ts). */
  secrets: FoundSecret[];
}


export type StdinInput = { text: string; filename?: string } | { fd: number; filename?: string };

export interface SourcesInput {
  sources: readonly SourceInput[];
  config: EffectiveConfig;
  rules: readonly AnyRule[];
  /** Facts of the whole run (kustomizations, Compose build contexts); files among `sources` add their own. */
  facts?: RunFacts;
  limits?: FileLimits;
}

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

const FIRST_LINE: SourceRange = { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } };

/** A file inside a Helm chart's templates/ folder (a Chart.yaml sits beside templates/). */
export function isHelmTemplatePath(absPath: string): boolean {
  let dir = dirname(absPath);
  for (let depth = 0; depth < 8; depth++) {
    if (basename(dir) === 'templates' && existsSync(join(dirname(dir), 'Chart.yaml'))) return true;
    const parent = dirname(dir);
    if (parent === dir) return false;
    dir = parent;
  }
  return false;
}


/** One input to lint: a file's text, or why it could not be read. */
export interface SourceInput {
  /** Absolute path when the input is a file (used for Helm chart detection). */
  absPath?: string;
  displayPath: string;
  kind: DiscoveredFile['kind'];
  contextOnly: boolean;
  text?: string;
  /** Why there is no text: unreadable, not UTF-8, binary. */
  problem?: string;
  /** Reading a file named on the command line failed (the run exits 2). */
  readFailed?: boolean;
  /**
   * Rendered output (helm template, kubectl kustomize) read from a pipe:
   * findings in a document under `# Source: <template>` are reported
   * against that template, with lines counted within the document.
   */
  mapTemplateSources?: boolean;
  /** Real path of the linted root the file was found under (see DiscoveredFile.root). */
  root?: string;
  /**
   * A renderer's output (see render/source.ts): linted like rendered text,
   * each finding then re-pointed at the repository file its mapper names.
   */
  rendered?: RenderedSource;
}

/** A file's text from disk, or from `texts` (absolute path -> text) when it holds the file: a fix pass's result not yet written. */
export function readSource(file: DiscoveredFile, maxBytes: number, texts?: ReadonlyMap<string, string>): SourceInput {
  const base = { absPath: file.absPath, displayPath: file.displayPath, kind: file.kind, contextOnly: file.contextOnly, root: file.root };
  const given = texts?.get(file.absPath);
  if (given !== undefined) return { ...base, text: given };
  const read = readFileSafely(file.absPath, maxBytes);
  if (!read.ok) {
    if (read.code === 'EFBIG') return { ...base, problem: `${read.reason} (maxFileSizeMB); skipped` };
    return { ...base, problem: read.code === 'ENOTREG' ? `${read.reason}; skipped` : read.reason, readFailed: file.explicit };
  }
  const { text, problem } = decodeText(read.bytes);
  return problem ? { ...base, problem: `${problem}; skipped` } : { ...base, text };
}

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

/** Dockerfile or YAML, for input without a telling name. */
export function kindByContent(text: string): DiscoveredFile['kind'] {
  // Blanks within a line only: `\s*` at each line start would rescan every following blank line.
  if (/^[ \t]*(apiVersion|kind)[ \t]*:/m.test(text) || /^---[ \t]*$/m.test(text)) return 'yaml';
  return /^[ \t]*FROM[ \t]+\S/im.test(text) ? 'dockerfile' : 'yaml';
}

/** Reads a file descriptor (a pipe) to its end, or to one byte past `maxBytes`. */
export function readCapped(fd: number, maxBytes: number): { bytes: Buffer; overLimit: boolean } {
  const chunks: Buffer[] = [];
  let total = 0;
  const buf = Buffer.allocUnsafe(1 << 16);
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, buf, 0, buf.length, null);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      if (code === 'EOF') break;
      throw err;
    }
    if (n === 0) break;
    chunks.push(Buffer.from(buf.subarray(0, n)));
    total += n;
    if (total > maxBytes) return { bytes: Buffer.concat(chunks), overLimit: true };
  }
  return { bytes: Buffer.concat(chunks), overLimit: false };
}

export function stdinSource(stdin: StdinInput, maxBytes: number): SourceInput {
  const filename = stdin.filename;
  const base = { displayPath: filename ?? '<stdin>', contextOnly: false };
  let raw: string;
  if ('text' in stdin) raw = stdin.text;
  else {
    const kind = (filename ? kindByName(basename(filename)) : undefined) ?? 'yaml';
    let read;
    try {
      read = readCapped(stdin.fd, maxBytes);
    } catch (err) {
      return { ...base, kind, problem: `cannot read standard input: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, readFailed: true };
    }
    if (read.overLimit) {
      return { ...base, kind, problem: `standard input is over the ${(maxBytes / 2 ** 20).toFixed(0)} MB limit (maxFileSizeMB); skipped` };
    }
    const decoded = decodeText(read.bytes);
    if (decoded.problem) return { ...base, kind, problem: `${decoded.problem}; skipped` };
    raw = decoded.text;
  }
  if (Buffer.byteLength(raw) > maxBytes) {
    const kind = (filename ? kindByName(basename(filename)) : undefined) ?? 'yaml';
    return { ...base, kind, problem: `standard input is over the ${(maxBytes / 2 ** 20).toFixed(0)} MB limit (maxFileSizeMB); skipped` };
  }
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const kind = (filename ? kindByName(basename(filename)) : undefined) ?? kindByContent(text);
  return { ...base, kind, text, mapTemplateSources: kind === 'yaml' };
}

/** Whether an error means the input is too large or too deeply nested, rather than a defect of the linter. */
function isTooComplex(err: unknown): boolean {
  return err instanceof TooComplexError || (err instanceof RangeError && /call stack|Invalid string length|Array buffer allocation/i.test(err.message));
}

/**
 * The finding for a file whose parsing or linting failed: a parse-error
 * ("too complex") for input past the time, memory or nesting a file may
 * take, an internal-error (also recorded in `internalErrors`) otherwise.
 */
function fileFailure(err: unknown, file: string, step: string, internalErrors: InternalError[]): Finding {
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
function parseSource(file: SourceInput, notices: string[], watchdog = new FileWatchdog()): ParsedFile {
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
 * A reported fix as a finding carries it: edits in order, each with the range
 * it replaces. None when the text the rule saw is not the file's text (a
 * file read with its CustomResourceDefinitions blanked or its quoted
 * continuations re-indented) or when the edits overlap.
 */
function findingFix(autofix: Autofix | undefined, index: TextIndex, fixable: boolean): FindingFix | undefined {
  if (!autofix || !fixable) return undefined;
  const edits = normalizedEdits(autofix.edits, index.text.length);
  if (!edits?.length) return undefined;
  return {
    applicability: autofix.applicability,
    edits: edits.map((e) => ({ start: e.start, end: e.end, text: e.text, range: { start: index.positionAt(e.start), end: index.positionAt(e.end) } })),
  };
}

/** What a finding in rendered output says instead of carrying edits: the file to fix is the template. */
const RENDERED_NOT_FIXABLE = 'Not fixed automatically: found in rendered output; fix the template or its values.';

/** A document without its source positions, once its file has been linted. */
function releasedDocument(doc: KubeObject['document']): KubeObject['document'] {
  return { ...doc, locations: NodeTable.EMPTY, textIndex: TextIndex.EMPTY };
}

/** Re-points a finding in rendered Helm output at the template named by its document's `# Source:`. */
function mapToTemplateSource(f: Finding, model: YamlFileModel): void {
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
function suppressedInRepository(findings: Finding[], display: string, textOf: (file: string) => string | undefined, knownIds: ReadonlySet<string>, enabledIds: ReadonlySet<string>): Finding[] {
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

/** Re-points a finding of a rendered source at the repository file its mapper names (or the source's fallback); true when it is not judged (a placeholder, a value made at install time, a packaged dependency). */
function mapRenderedFinding(f: Finding, model: YamlFileModel, source: RenderedSource, at: { doc: YamlDocumentModel; pointer: string | undefined } | undefined): boolean {
  const line = f.range.start.line;
  const doc = at?.doc ?? model.documents.find((d) => d.range.start.line <= line && line <= d.range.end.line);
  const index = doc ? model.documents.indexOf(doc) : -1;
  const loc: MappedLocation = (doc && index >= 0 ? source.map({ index, range: doc.range, value: doc.value, source: doc.source, contentLine: doc.contentLine }, at?.pointer, f.range) : undefined) ?? source.fallback;
  f.file = loc.file;
  f.range = loc.range;
  if (loc.related?.length) f.related = loc.related.map((r) => ({ ...r }));
  return loc.placeholder === true || loc.notOwn !== undefined;
}

/**
 * What a Dockerfile finding is about, independent of its line: the
 * instruction's text, whitespace collapsed. Computed once per instruction
 * (a RUN line of 20,000 words with a finding per word shares one copy), and
 * instructions are found by binary search on their lines.
 */
function dockerfileLocator(model: DockerfileModel): (range: SourceRange) => string {
  const byInstruction = new Map<DockerInstruction, string>();
  const list = model.instructions;
  return (range) => {
    const line = range.start.line;
    let lo = 0;
    let hi = list.length - 1;
    let instr: DockerInstruction | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = list[mid].range;
      if (r.end.line < line) lo = mid + 1;
      else if (r.start.line > line) hi = mid - 1;
      else {
        instr = list[mid];
        break;
      }
    }
    if (!instr) return model.index.lineText(line).replace(/\s+/g, ' ').trim();
    let text = byInstruction.get(instr);
    if (text === undefined) byInstruction.set(instr, (text = `${instr.keyword} ${instr.argsText}`.replace(/\s+/g, ' ').trim()));
    return text;
  };
}

/** Locators up to this length enter fingerprints as they are; longer ones by their digest. */
const MAX_PLAIN_LOCATOR = 1024;

/**
 * Fingerprints: rule, file and locator (object + key path, or instruction
 * text), plus an occurrence counter for repeats; never the line number.
 */
function assignFingerprints(findings: Finding[], locators: WeakMap<Finding, string>, text: string): void {
  let lines: string[] | undefined;
  const lineOf = (f: Finding) => (lines ??= text.split(/\r?\n/))[f.range.start.line - 1]?.trim() ?? '';
  const seen = new Map<string, number>();
  // A long locator (a RUN line of thousands of words) is hashed once, however many findings share it.
  const digests = new Map<string, string>();
  const short = (locator: string) => {
    if (locator.length <= MAX_PLAIN_LOCATOR) return locator;
    let d = digests.get(locator);
    if (d === undefined) digests.set(locator, (d = `sha256:${createHash('sha256').update(locator).digest('hex')}`));
    return d;
  };
  for (const f of findings) {
    const base = `${f.ruleId}\u0000${f.file}\u0000${short(locators.get(f) ?? lineOf(f))}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    f.fingerprint = createHash('sha256').update(`${base}\u0000${n}`).digest('hex').slice(0, 32);
  }
}



/** Parses and lints inputs already in memory (files read, stdin, test snippets). */
export function lintSources(input: SourcesInput): RunResult {
  const notices: string[] = [];
  const watchdog = new FileWatchdog(input.limits);
  const facts = input.facts ?? {};
  const parsedFiles = input.sources.map((f) => markKustomized(parseSource(f, notices, watchdog), facts.kustomize));
  const index = new RunIndex(parsedFiles.flatMap((p) => p.objects));
  const result = lintParsed(parsedFiles, index, input.config, input.rules, withBuildContexts(facts, parsedFiles), input.limits);
  return { ...result, notices: [...notices, ...result.notices] };
}

/**
 * Objects of kustomize patches are partial (judged only on what they set);
 * objects of resources a kustomization lists take its namespace and carry
 * its image overrides. Done before any index is built.
 */
function markKustomized(parsed: ParsedFile, facts: KustomizeFacts | undefined): ParsedFile {
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

/** Phase 2: run the rules over parsed files, with every object of the run in `index`. */
export function lintParsed(
  parsedFiles: readonly ParsedFile[],
  index: RunIndex,
  config: EffectiveConfig,
  rules: readonly AnyRule[],
  facts: RunFacts = {},
  limits: FileLimits = DEFAULT_FILE_LIMITS,
): RunResult {
  const input = { config, rules };
  const notices: string[] = [];
  const enabled = input.rules.filter((r) => isRuleEnabled(config, r.meta));
  // Policy rules contribute one check per file type, under their one id.
  const policies = enabled.filter((r): r is PolicyRule => r.meta.target === 'policy');
  const dockerRules: DockerfileRule[] = [
    ...enabled.filter((r): r is DockerfileRule => r.meta.target === 'dockerfile'),
    ...policies.filter((r) => r.dockerfile).map((r) => ({ meta: { ...r.meta, target: 'dockerfile' as const }, check: r.dockerfile!.bind(r) })),
  ];
  const k8sRules: K8sRule[] = [
    ...enabled.filter((r): r is K8sRule => r.meta.target === 'k8s'),
    ...policies.filter((r) => r.k8s).map((r) => ({ meta: { ...r.meta, target: 'k8s' as const }, check: r.k8s!.bind(r) })),
  ];
  const composeRules: ComposeRule[] = [
    ...enabled.filter((r): r is ComposeRule => r.meta.target === 'compose'),
    ...policies.filter((r) => r.compose).map((r) => ({ meta: { ...r.meta, target: 'compose' as const }, check: r.compose!.bind(r) })),
  ];
  const knownIds = new Set([...input.rules.map((r) => r.meta.id), ...ENGINE_RULES.map((r) => r.id)]);
  const enabledIds = new Set([...enabled.map((r) => r.meta.id), ...ENGINE_RULES.map((r) => r.id)]);

  const findings: Finding[] = [];
  const internalErrors: InternalError[] = [];
  const secrets: FoundSecret[] = [];
  const skipped: string[] = [];
  const contextCache = new Map<string, BuildContextInfo>();
  const locators = new WeakMap<Finding, string>();
  // Findings of rendered sources: the document and node each is about, for the source's mapper.
  const placed = new WeakMap<Finding, { doc: YamlDocumentModel; pointer: string | undefined }>();
  let schemaValidator: KubeSchemaValidator | undefined;
  const noted = new Set<string>();
  const noteOnce = (n: string) => {
    if (noted.has(n)) return;
    noted.add(n);
    notices.push(n);
  };
  const ruleNotice = (ruleId: string, file: string) => (message: string, range?: SourceRange) =>
    noteOnce(`${file}${range ? `:${range.start.line}` : ''}: ${ruleId}: ${message}`);
  let filesChecked = 0;
  let objectsChecked = 0;
  const checkedFiles: string[] = [];

  const optionsOf = (meta: AnyRule['meta']) => config.rules.get(meta.id)?.options ?? meta.defaultOptions ?? {};
  const severityOf = (ruleId: string, own: Severity): Severity | undefined => {
    const setting = config.rules.get(ruleId);
    if (setting?.severity === 'off') return undefined;
    return setting?.configured ? (setting.severity as Severity) : own;
  };

  const watchdog = new FileWatchdog(limits);
  const guarded = (ruleId: string, file: string, range: SourceRange, run: () => void, out: Finding[]) => {
    watchdog.check();
    try {
      run();
    } catch (err) {
      // A file past its allowance stops as a whole (see the per-file guard below).
      if (err instanceof TooComplexError) throw err;
      const e = err as Error;
      internalErrors.push({ ruleId, file, message: e?.message ?? String(err), stack: e?.stack });
      out.push({
        ruleId: 'internal-error',
        severity: 'error',
        message: `rule ${ruleId} failed on this file: ${e?.message ?? String(err)}`,
        file,
        range,
      });
    }
  };

  for (const p of parsedFiles) {
    if (p.file.contextOnly) continue;
    filesChecked++;
    const display = p.file.displayPath;
    checkedFiles.push(display);
    skipped.push(...p.skipped);
    internalErrors.push(...(p.internalErrors ?? []));
    watchdog.start();
    try {
      findings.push(...lintFile(p));
    } catch (err) {
      findings.push(fileFailure(err, display, 'linting', internalErrors));
    }
    // Done with this file: keep its objects' data for other files' rules, release the rest.
    p.dockerfile = undefined;
    p.yaml = undefined;
    p.compose = undefined;
    p.file.text = undefined;
    for (const obj of p.objects) obj.document = releasedDocument(obj.document);
  }

  /** Rules, suppressions, template mapping and fingerprints of one file, under its watchdog. */
  function lintFile(p: ParsedFile): Finding[] {
    const display = p.file.displayPath;
    const raw: Finding[] = [...p.findings];
    let suppressions: Suppression[] = [];
    if (p.file.kind === 'dockerfile' && p.file.text !== undefined) {
      p.dockerfile = parseDockerfile(p.file.text);
      const noFrom = missingFromProblem(p.dockerfile);
      if (noFrom) raw.push({ ruleId: 'parse-error', severity: 'error', message: noFrom, file: display, range: FIRST_LINE });
    }
    watchdog.check(true);

    if (p.dockerfile) {
      const model = p.dockerfile;
      const locate = dockerfileLocator(model);
      const edit = new DockerfileEditor(model);
      const absPath = p.file.absPath;
      const buildContext = (req: BuildContextRequest): BuildContextInfo | undefined => {
        if (!absPath) return undefined;
        // An explicit option wins, then the context a Compose file in the run gives, then the Dockerfile's folder.
        const dir = req.dir !== undefined ? resolve(config.baseDir, req.dir) : (facts.buildContexts?.[absPath] ?? dirname(absPath));
        const key = `${dir}\u0000${absPath}\u0000${req.maxFiles}`;
        let info = contextCache.get(key);
        // A context is walked only inside the root the Dockerfile was found under (`build.context: ../..` is not).
        const outside = p.file.root ? outsideRoot(dir, p.file.root) : undefined;
        if (outside) {
          noteOnce(`${NOT_READ}build context of ${display}: ${outside}`);
          return undefined;
        }
        if (!info) {
          const root = p.file.root;
          info = scanBuildContext(dir, absPath, req.maxFiles, root, (f, why) => noteOnce(`${NOT_READ}${f === join(dir, '.dockerignore') ? '.dockerignore of the build context' : basename(f)} of ${display}: ${why}`));
          contextCache.set(key, info);
        }
        return info;
      };
      for (const rule of dockerRules) {
        guarded(rule.meta.id, display, FIRST_LINE, () =>
          rule.check({
            model,
            file: display,
            buildContext,
            edit,
            options: optionsOf(rule.meta),
            settings: config.settings,
            notice: ruleNotice(rule.meta.id, display),
            report: (r: Report) => {
              if (r.secrets) for (const value of r.secrets) secrets.push({ file: display, value });
              const f: Finding = { ruleId: rule.meta.id, severity: r.severity ?? rule.meta.severity, message: r.message, file: display, range: r.range, fix: r.fix };
              const autofix = findingFix(r.autofix, model.index, model.text === p.file.text);
              if (autofix) f.autofix = autofix;
              locators.set(f, locate(r.range));
              raw.push(f);
            },
          }),
        raw);
      }
      suppressions = dockerfileSuppressions(model);
    } else if (p.compose) {
      const model = p.compose;
      const doc = model.document;
      const at = (path: string, part: LocationPart = 'key') => locateInDocument(doc, path, part);
      const absDir = p.file.absPath ? dirname(p.file.absPath) : undefined;
      const edit = new YamlEditor(doc);
      for (const rule of composeRules) {
        guarded(rule.meta.id, display, FIRST_LINE, () =>
          rule.check({
            model,
            file: display,
            options: optionsOf(rule.meta),
            settings: config.settings,
            notice: ruleNotice(rule.meta.id, display),
            locate: at,
            edit,
            locateText: (path, needle) => {
              const within = at(path, 'value');
              return doc.textIndex.find(needle, within) ?? within;
            },
            pathStatus: (rel) => {
              if (!absDir) return undefined;
              const abs = resolve(absDir, rel);
              const exists = existsSync(abs);
              const text = exists ? readTreeFile(abs, p.file.root ?? absDir) : undefined;
              return { exists, gitIgnored: isGitIgnored(abs), envEntries: text === undefined ? undefined : parseDotenv(text) };
            },
            report: (r: K8sReport) => {
              if (r.secrets) for (const value of r.secrets) secrets.push({ file: display, value });
              const range = r.range ?? at(r.path ?? '', r.part ?? 'key');
              const f: Finding = { ruleId: rule.meta.id, severity: r.severity ?? rule.meta.severity, message: r.message, file: display, range, fix: r.fix };
              const autofix = findingFix(r.autofix, doc.textIndex, doc.textIndex.text === p.file.text);
              if (autofix) f.autofix = autofix;
              locators.set(f, r.path !== undefined ? `compose#${r.path}` : doc.textIndex.lineText(range.start.line).trim());
              raw.push(f);
            },
          }),
        raw);
      }
    }
    if (p.yaml && p.objects.length) {
      for (const obj of p.objects) {
        objectsChecked++;
        let editor: YamlEditor | undefined;
        for (const rule of k8sRules) {
          if (rule.meta.kinds && !rule.meta.kinds.includes(obj.kind)) continue;
          // A patch is a partial object: only rules that judge what is written run on it, never what is missing.
          if (obj.patch && !rule.meta.judgesPatches) continue;
            const objRange = locateInObject(obj, '', 'key');
          guarded(rule.meta.id, display, objRange, () =>
            rule.check({
              object: obj,
              index,
              file: display,
              options: optionsOf(rule.meta),
              settings: config.settings,
              notice: ruleNotice(rule.meta.id, display),
              locate: (path, part) => locateInObject(obj, path, part),
              get edit() {
                return (editor ??= new YamlEditor(obj.document, obj.basePath));
              },
              validateSchema: (apiVersion = obj.apiVersion) => {
                schemaValidator ??= new KubeSchemaValidator(config.settings.kubernetesVersion, config.settings.customSchemas);
                if (schemaValidator.version !== config.settings.kubernetesVersion) {
                  noteOnce(`no schemas bundled for Kubernetes ${config.settings.kubernetesVersion}; validating against ${schemaValidator.version}`);
                }
                const problems = schemaValidator.validate(apiVersion, obj.kind, apiVersion === obj.apiVersion ? obj.raw : { ...obj.raw, apiVersion }, { partial: obj.patch });
                if (!problems && apiVersion === obj.apiVersion) noteOnce(`no schema for ${obj.apiVersion} ${obj.kind}; not validated (add one under \`schemas:\` in the config)`);
                return problems;
              },
              locateText: (path, needle) => {
                const within = locateInObject(obj, path, 'value');
                return obj.document.textIndex.find(needle, within) ?? within;
              },
              report: (r: K8sReport) => {
                if (r.secrets) for (const value of r.secrets) secrets.push({ file: display, value });
                const range = r.range ?? locateInObject(obj, r.path ?? '', r.part ?? 'key');
                const f: Finding = { ruleId: rule.meta.id, severity: r.severity ?? rule.meta.severity, message: r.message, file: display, range, fix: r.fix };
                const autofix = findingFix(r.autofix, obj.document.textIndex, obj.document.textIndex.text === p.file.text);
                if (autofix) f.autofix = autofix;
                const id = `${obj.kind}/${obj.namespace ?? ''}/${obj.name ?? ''}`;
                locators.set(f, r.path !== undefined ? `${id}#${r.path}` : `${id}#${obj.document.textIndex.lineText(range.start.line).trim()}`);
                if (p.file.rendered) placed.set(f, { doc: obj.document, pointer: r.path !== undefined || !r.range ? obj.basePath + (r.path ?? '') : undefined });
                raw.push(f);
              },
            }),
          raw);
        }
      }
    }
    watchdog.check(true);
    if (p.yaml) suppressions = yamlSuppressions(p.yaml, p.objects);

    let { kept, unused } = applySuppressions(raw, suppressions, display, knownIds, enabledIds);
    if (p.yaml && p.file.mapTemplateSources) {
      for (const f of [...kept, ...unused]) {
        // A finding without a locator is fingerprinted by its line: the line of the rendered stream, read before the mapping.
        if (!locators.has(f)) locators.set(f, p.yaml.index.lineText(f.range.start.line).trim());
        mapToTemplateSource(f, p.yaml);
        if (f.file !== display && f.autofix) {
          delete f.autofix;
          f.fix = f.fix ? `${f.fix} ${RENDERED_NOT_FIXABLE}` : RENDERED_NOT_FIXABLE;
        }
      }
      // The secrets of the rendered stream belong to every template its findings now name.
      const found = secrets.filter((s) => s.file === display);
      for (const file of new Set([...kept, ...unused].map((f) => f.file))) {
        if (file !== display) for (const s of found) secrets.push({ file, value: s.value });
      }
    }
    if (p.yaml && p.file.rendered) {
      const rendered = p.file.rendered;
      const placeholders = new Set<Finding>();
      for (const f of [...kept, ...unused]) {
        if (!locators.has(f)) locators.set(f, p.yaml.index.lineText(f.range.start.line).trim());
        if (mapRenderedFinding(f, p.yaml, rendered, placed.get(f))) placeholders.add(f);
        // The rendered text is not a file: its edits would land nowhere.
        if (f.autofix) {
          delete f.autofix;
          f.fix = f.fix ? `${f.fix} ${RENDERED_NOT_FIXABLE}` : RENDERED_NOT_FIXABLE;
        }
      }
      if (placeholders.size) {
        kept = kept.filter((f) => !placeholders.has(f));
        unused = unused.filter((f) => !placeholders.has(f));
      }
      // A render that drops comments: the suppression comments of the files findings now name still count.
      if (rendered.repositoryText) kept = suppressedInRepository(kept, display, rendered.repositoryText, knownIds, enabledIds);
      const found = secrets.filter((s) => s.file === display);
      const files = new Set([...kept, ...unused].flatMap((f) => [f.file, ...(f.related ?? []).map((r) => r.file)]));
      for (const file of files) {
        if (file !== display) for (const s of found) secrets.push({ file, value: s.value });
      }
    }
    const fileFindings: Finding[] = [];
    for (const f of [...kept, ...unused]) {
      const severity = severityOf(f.ruleId, f.severity);
      if (!severity) continue;
      f.severity = severity;
      fileFindings.push(f);
    }
    fileFindings.sort(compareFindings);
    assignFingerprints(fileFindings, locators, p.file.text ?? '');
    return fileFindings;
  }

  findings.sort(compareFindings);
  return { findings, filesChecked, checkedFiles, objectsChecked, missingPaths: [], notices, skipped, internalErrors, secrets };
}
