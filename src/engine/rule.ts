import type { DockerfileModel } from '../parse/dockerfile.js';
import type { KubeObject, LocationPart } from '../parse/kube.js';
import type { ComposeModel } from '../parse/compose.js';
import type { EnvEntry } from '../parse/dotenv.js';
import type { Autofix, Severity, SourceRange, TextEdit } from '../types.js';
import type { YamlEditor } from '../fix/yaml-edit.js';
import type { DockerfileEditor } from '../fix/dockerfile-edit.js';
import type { RunIndex } from './run-index.js';
import type { RunSettings } from '../config/index.js';
import type { BuildContextInfo } from './build-context.js';
import type { SchemaProblem } from './kube-schema.js';

export type { RuleMeta, RulePreset, RuleTarget } from './rule-meta.js';
import type { RuleMeta } from './rule-meta.js';

/** The part of a report that fixes it: a textual hint, and the edits that apply it (--fix). */
interface Fixable {
  /** A short, specific hint on how to fix this occurrence. */
  fix?: string;
  /**
   * The edits that fix this occurrence, built with the context's `edit`
   * helpers (see `safeFix` / `unsafeFix`). Leave it out when the fix is not
   * certain: a wrong edit is worse than none.
   */
  autofix?: Autofix;
}

export interface Report extends Fixable {
  message: string;
  range: SourceRange;
  /** This finding's severity when it differs from the rule's default (config still overrides). */
  severity?: Severity;
  /**
   * The literal secrets this finding is about (a value, and its encoded form
   * when the file holds it encoded). Never printed: the output boundary masks
   * every occurrence of them in every text of the run.
   */
  secrets?: readonly string[];
}

interface ContextBase<O> {
  readonly options: Readonly<O>;
  readonly settings: RunSettings;
  /** Display path of the file under check. */
  readonly file: string;
  /**
   * A one-line note for --verbose about something the rule saw and chose not
   * to report (a value skipped as a placeholder). Never a finding; never a secret.
   */
  notice(message: string, range?: SourceRange): void;
}

export interface BuildContextRequest {
  /** Context directory relative to the config file's directory; default: the Dockerfile's directory. */
  dir?: string;
  maxFiles: number;
}

export interface DockerfileContext<O> extends ContextBase<O> {
  readonly model: DockerfileModel;
  /**
   * What `docker build` would send from the build context (files the
   * .dockerignore does not exclude). Undefined when the Dockerfile has no
   * location on disk (stdin). The engine reads the disk, not the rule.
   */
  buildContext(request: BuildContextRequest): BuildContextInfo | undefined;
  /** Builds the edits of a fix in this Dockerfile. */
  readonly edit: DockerfileEditor;
  report(r: Report): void;
}

export interface K8sReport extends Fixable {
  message: string;
  /** Pointer inside the object; a missing path points at its nearest existing parent. */
  path?: string;
  part?: LocationPart;
  range?: SourceRange;
  severity?: Severity;
  /**
   * The literal secrets this finding is about (a value, and its encoded form
   * when the file holds it encoded). Never printed: the output boundary masks
   * every occurrence of them in every text of the run.
   */
  secrets?: readonly string[];
}

export interface K8sContext<O> extends ContextBase<O> {
  readonly object: KubeObject;
  /** Every Kubernetes object of the run, context-only ones included. */
  readonly index: RunIndex;
  locate(path: string, part?: LocationPart): SourceRange;
  /**
   * Schema problems of the object against the bundled strict Kubernetes
   * schemas or a configured schema; undefined when its kind has none (CRDs).
   * `apiVersion` validates the object as if it had that version (a fix that changes it).
   */
  validateSchema(apiVersion?: string): SchemaProblem[] | undefined;
  /** The exact range of `needle` inside the value at `path` (the whole value if not found verbatim). */
  locateText(path: string, needle: string): SourceRange;
  /** Builds the edits of a fix in this object's YAML; paths are relative to the object, as in `report`. */
  readonly edit: YamlEditor;
  report(r: K8sReport): void;
}

export interface ComposeContext<O> extends ContextBase<O> {
  readonly model: ComposeModel;
  /** Range of a pointer in the Compose file; a missing path falls back to its nearest parent. */
  locate(path: string, part?: LocationPart): SourceRange;
  locateText(path: string, needle: string): SourceRange;
  /**
   * Whether a path (relative to the Compose file) exists, whether git ignores
   * it, and, for a regular file inside the linted root, its dotenv entries
   * (the engine reads the disk, not the rule).
   */
  pathStatus(relativePath: string): { exists: boolean; gitIgnored: boolean; envEntries?: readonly EnvEntry[] } | undefined;
  /** Builds the edits of a fix in the Compose file; paths are pointers in the file, as in `report`. */
  readonly edit: YamlEditor;
  report(r: K8sReport): void;
}

/** A fix that keeps behaviour apart from the problem it fixes (applied by --fix); undefined when there are no edits. */
export function safeFix(edits: readonly TextEdit[] | undefined): Autofix | undefined {
  return edits?.length ? { applicability: 'safe', edits } : undefined;
}

/** A fix that changes behaviour a user should review (applied only with --unsafe-fixes). */
export function unsafeFix(edits: readonly TextEdit[] | undefined): Autofix | undefined {
  return edits?.length ? { applicability: 'unsafe', edits } : undefined;
}

/** The edits of several parts of one fix, or undefined when any part could not be built. */
export function allEdits(...parts: (readonly TextEdit[] | TextEdit | undefined)[]): TextEdit[] | undefined {
  const out: TextEdit[] = [];
  for (const p of parts) {
    if (!p) return undefined;
    if (Array.isArray(p)) out.push(...(p as TextEdit[]));
    else out.push(p as TextEdit);
  }
  return out;
}

export interface ComposeRule<O = Record<string, unknown>> {
  meta: RuleMeta & { target: 'compose' };
  check(ctx: ComposeContext<O>): void;
}

export function defineComposeRule<O = Record<string, unknown>>(rule: {
  meta: Omit<RuleMeta, 'target'>;
  check(ctx: ComposeContext<O>): void;
}): ComposeRule<O> {
  return { meta: { ...rule.meta, target: 'compose' }, check: rule.check };
}

export interface DockerfileRule<O = Record<string, unknown>> {
  meta: RuleMeta & { target: 'dockerfile' };
  check(ctx: DockerfileContext<O>): void;
}

export interface K8sRule<O = Record<string, unknown>> {
  meta: RuleMeta & { target: 'k8s' };
  check(ctx: K8sContext<O>): void;
}

/** A policy spans file types: one id, a check per kind of file it looks at. */
export interface PolicyRule<O = Record<string, unknown>> {
  meta: RuleMeta & { target: 'policy' };
  dockerfile?(ctx: DockerfileContext<O>): void;
  k8s?(ctx: K8sContext<O>): void;
  compose?(ctx: ComposeContext<O>): void;
}

export function definePolicyRule<O = Record<string, unknown>>(rule: Omit<PolicyRule<O>, 'meta'> & { meta: Omit<RuleMeta, 'target'> }): PolicyRule<O> {
  return { ...rule, meta: { ...rule.meta, target: 'policy' } };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = DockerfileRule<any> | K8sRule<any> | ComposeRule<any> | PolicyRule<any>;

export function defineDockerfileRule<O = Record<string, unknown>>(rule: {
  meta: Omit<RuleMeta, 'target'>;
  check(ctx: DockerfileContext<O>): void;
}): DockerfileRule<O> {
  return { meta: { ...rule.meta, target: 'dockerfile' }, check: rule.check };
}

export function defineK8sRule<O = Record<string, unknown>>(rule: {
  meta: Omit<RuleMeta, 'target'>;
  check(ctx: K8sContext<O>): void;
}): K8sRule<O> {
  return { meta: { ...rule.meta, target: 'k8s' }, check: rule.check };
}

/** Ids reported by the engine itself rather than by a rule module. */
export const ENGINE_RULES: readonly RuleMeta[] = [
  {
    id: 'parse-error',
    target: 'engine',
    severity: 'error',
    summary: 'A file that cannot be parsed, or YAML with duplicate keys.',
    rationale:
      'A Dockerfile or manifest that does not parse cannot be checked, and is rejected or misread by Docker and Kubernetes. Duplicate YAML keys silently keep only one value. A Dockerfile without FROM cannot be built and is reported at line 1 (templated Dockerfiles and files that hold no Dockerfile instructions are not).',
    fix: 'Fix the syntax error at the reported position; remove the duplicate key.',
  },
  {
    id: 'unused-suppression',
    target: 'engine',
    severity: 'warning',
    summary: 'A genai-lint ignore comment or annotation that suppresses nothing.',
    rationale: 'Stale suppressions hide future problems and mislead readers about what is being waived.',
    fix: 'Remove the suppression, or correct the rule id it names.',
  },
  {
    id: 'internal-error',
    target: 'engine',
    severity: 'error',
    summary: 'A rule failed on a file; the other rules and files were still checked.',
    rationale: 'Reported so that a crash inside one check never silently hides findings.',
    fix: 'Report the file and rule to the genai-lint maintainers; run with --verbose for the stack.',
  },
  {
    id: 'unreadable-file',
    target: 'engine',
    severity: 'error',
    summary: 'A file that could not be read or is not UTF-8 text.',
    rationale: 'Files that cannot be read are not checked; the run says so rather than skipping them silently.',
    fix: 'Check permissions and encoding (UTF-8), or exclude the file with ignorePaths.',
  },
];
