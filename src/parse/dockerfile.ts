import { createRequire } from 'node:module';
import type { Instruction, Flag, Property } from 'dockerfile-ast';
import { TextIndex } from '../text.js';
import type { SourceRange } from '../types.js';

/** A variable visible at some point of a Dockerfile. */
export interface VarBinding {
  /** Resolved value; undefined when declared without a value (a build arg given at build time). */
  value: string | undefined;
  source: 'arg' | 'env';
  line: number;
}
/** The variables visible at one point of a Dockerfile (a Map fits). */
export interface VarScope {
  get(name: string): VarBinding | undefined;
}

/**
 * The variables of one stage (or of the global ARGs) through time: every
 * binding is kept with the step that made it, and a view at step N sees
 * the bindings made before it. Instructions share one store instead of each
 * holding a copy of all variables, so a file of 20,000 ENV lines costs
 * 20,000 bindings, not 200 million. A stage built FROM an earlier one sees
 * that stage's ENV variables as they were at its end.
 */
class ScopeStore {
  private readonly history = new Map<string, { steps: number[]; bindings: VarBinding[] }>();
  private step = 0;
  private readonly inheritedCache = new Map<string, VarBinding | null>();

  constructor(private readonly inherited?: VarScope) {}

  set(name: string, binding: VarBinding): void {
    this.step++;
    let h = this.history.get(name);
    if (!h) this.history.set(name, (h = { steps: [], bindings: [] }));
    h.steps.push(this.step);
    h.bindings.push(binding);
  }

  /** The variables as they are now: views taken before a binding do not see it. */
  view(): VarScope {
    const at = this.step;
    return { get: (name) => this.lookup(name, at) };
  }

  private lookup(name: string, at: number): VarBinding | undefined {
    const h = this.history.get(name);
    if (h) {
      // Last binding made at a step <= at.
      let lo = 0;
      let hi = h.steps.length - 1;
      let found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (h.steps[mid] <= at) {
          found = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      if (found >= 0) return h.bindings[found];
    }
    if (!this.inherited) return undefined;
    let known = this.inheritedCache.get(name);
    if (known === undefined) {
      const b = this.inherited.get(name);
      known = b?.source === 'env' ? b : null;
      this.inheritedCache.set(name, known);
    }
    return known ?? undefined;
  }
}

export interface DockerFlag {
  name: string;
  value: string | null;
  /** Comma-separated key=value options, e.g. --mount=type=secret,id=hf. */
  options: Record<string, string>;
  range: SourceRange;
}

export interface DockerHeredoc {
  name: string;
  body: string;
  range: SourceRange | undefined;
}

export interface DockerProperty {
  name: string;
  /** The value as written, quotes removed, variables not expanded; null for `ARG NAME`. */
  value: string | null;
  /** The value with variables expanded in the instruction's scope. */
  resolved: string | null;
  /** Names of variables the value references that have no value in scope. */
  unresolved: string[];
  /** Names of all variables the value references. */
  references: string[];
  nameRange: SourceRange;
  valueRange: SourceRange | undefined;
  range: SourceRange;
}

export interface DockerInstruction {
  /** Upper-case keyword: RUN, COPY, ... */
  keyword: string;
  range: SourceRange;
  keywordRange: SourceRange;
  /** Index of the stage it belongs to; -1 before the first FROM. */
  stageIndex: number;
  /** Arguments as written (flags removed, line continuations joined, heredoc bodies included). */
  argsText: string;
  /** Whitespace-separated arguments (flags removed). */
  args: string[];
  flags: DockerFlag[];
  /** The exec-form (JSON array) arguments, when the instruction uses that form. */
  jsonArgs: string[] | undefined;
  heredocs: DockerHeredoc[];
  /** ENV, ARG and LABEL key/value pairs. */
  properties: DockerProperty[];
  /** Variables visible to this instruction (before its own effect). */
  scope: VarScope;
}

export interface BaseImage {
  /** The image reference as written in FROM. */
  raw: string;
  /** The reference with ARG values substituted. */
  resolved: string;
  /** Whether ARG references in the reference remained unresolved. */
  hasUnresolved: boolean;
  /** Repository part of the resolved reference (registry and path), lower-cased. */
  repository: string;
  tag: string | undefined;
  digest: string | undefined;
  /** Index of the earlier stage this FROM builds on, when it names one. */
  stageRef: number | undefined;
  isScratch: boolean;
  range: SourceRange;
}

export interface DockerStage {
  index: number;
  /** Stage name from `AS name`, lower-cased as Docker does. */
  name: string | undefined;
  from: DockerInstruction;
  base: BaseImage;
  platform: string | undefined;
  /** Instructions after FROM that belong to this stage. */
  instructions: DockerInstruction[];
}

export interface FullLineComment {
  line: number;
  /** Text after the `#`, trimmed. */
  text: string;
  range: SourceRange;
}

export interface DockerfileModel {
  kind: 'dockerfile';
  text: string;
  index: TextIndex;
  escapeChar: string;
  instructions: DockerInstruction[];
  stages: DockerStage[];
  /** ARGs declared before the first FROM. */
  globalArgs: DockerInstruction[];
  comments: FullLineComment[];
}

const BUILTIN_ARGS = new Set([
  'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT',
  'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT',
  'HTTP_PROXY', 'HTTPS_PROXY', 'FTP_PROXY', 'NO_PROXY', 'ALL_PROXY',
  'http_proxy', 'https_proxy', 'ftp_proxy', 'no_proxy', 'all_proxy',
]);

export interface Expansion {
  value: string;
  references: string[];
  unresolved: string[];
}

/** Upper bound of an expanded value's length: a chain of `ENV A=$A$A` lines cannot double it forever. */
export const MAX_EXPANDED_LENGTH = 1 << 20;

/**
 * Positions of the `}` closing each `{`, found in one pass (-1: unclosed).
 * A closed `${...}` holds balanced braces, so the pairs found over the
 * whole text are the ones its parts would find on their own.
 */
function matchBraces(text: string): Int32Array | undefined {
  if (!text.includes('${')) return undefined;
  const close = new Int32Array(text.length).fill(-1);
  const open: number[] = [];
  for (let j = 0; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 123) open.push(j);
    else if (c === 125 && open.length) close[open.pop()!] = j;
  }
  return close;
}

const isNameStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isNameChar = (c: number) => isNameStart(c) || (c >= 48 && c <= 57);

/**
 * Expands $VAR, ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:+alt} and
 * ${VAR+alt} the way the Dockerfile frontend does. Unresolved references are
 * kept verbatim so callers can still see them. One pass over the text:
 * a default or alternative word that applies is expanded in place (its end
 * kept on a stack), so nesting depth costs neither stack nor time, and the
 * result stops growing at MAX_EXPANDED_LENGTH.
 */
export function expandVariables(text: string, scope: VarScope, escapeChar = '\\'): Expansion {
  const references: string[] = [];
  const unresolved: string[] = [];
  const closeOf = matchBraces(text);
  /** Ends (positions of `}`) of the words being expanded, innermost last. */
  const wordEnds: number[] = [];
  let out = '';
  const append = (s: string) => {
    if (out.length < MAX_EXPANDED_LENGTH) out += s.length + out.length > MAX_EXPANDED_LENGTH ? s.slice(0, MAX_EXPANDED_LENGTH - out.length) : s;
  };
  let i = 0;
  let literalFrom = 0;
  const flush = (to: number) => {
    if (to > literalFrom) append(text.slice(literalFrom, to));
  };
  while (i < text.length) {
    if (wordEnds.length && i === wordEnds[wordEnds.length - 1]) {
      flush(i);
      wordEnds.pop();
      i++;
      literalFrom = i;
      continue;
    }
    const ch = text[i];
    if (ch === escapeChar && text[i + 1] === '$') {
      flush(i);
      append('$');
      i += 2;
      literalFrom = i;
      continue;
    }
    if (ch !== '$') {
      i++;
      continue;
    }
    if (text[i + 1] === '{') {
      const close = closeOf ? closeOf[i + 1] : -1;
      // An unclosed `${` keeps the rest of the text as written (up to the end of the word it is in).
      if (close < 0) {
        const end = wordEnds.length ? wordEnds[wordEnds.length - 1] : text.length;
        flush(i);
        append(text.slice(i, end));
        i = end;
        literalFrom = i;
        continue;
      }
      let j = i + 2;
      if (isNameStart(text.charCodeAt(j))) while (j < close && isNameChar(text.charCodeAt(j))) j++;
      const name = text.slice(i + 2, j);
      let op = '';
      if (text[j] === ':' && (text[j + 1] === '-' || text[j + 1] === '+')) op = text.slice(j, j + 2);
      else if (text[j] === '-' || text[j] === '+') op = text[j];
      flush(i);
      if (!name || (j !== close && !op)) {
        // Not a variable reference (`${1}`, `${A B}`): kept as written.
        append(text.slice(i, close + 1));
        i = close + 1;
        literalFrom = i;
        continue;
      }
      references.push(name);
      const binding = scope.get(name);
      const val = binding?.value;
      const isSet = binding !== undefined && val !== undefined;
      const isNonEmpty = isSet && val !== '';
      const wordStart = j + op.length;
      let expandWord = false;
      if (op === ':-' || op === '-') {
        if (op === ':-' ? isNonEmpty : isSet) append(val!);
        else expandWord = true;
      } else if (op === ':+' || op === '+') {
        expandWord = op === ':+' ? isNonEmpty : isSet;
      } else if (isSet) {
        append(val!);
      } else {
        unresolved.push(name);
        append(text.slice(i, close + 1));
      }
      if (expandWord) {
        wordEnds.push(close);
        i = wordStart;
      } else i = close + 1;
      literalFrom = i;
      continue;
    }
    let j = i + 1;
    if (!isNameStart(text.charCodeAt(j))) {
      i++;
      continue;
    }
    while (j < text.length && j - i <= 256 && isNameChar(text.charCodeAt(j))) j++;
    const name = text.slice(i + 1, j);
    flush(i);
    references.push(name);
    const binding = scope.get(name);
    if (binding?.value !== undefined) append(binding.value);
    else {
      unresolved.push(name);
      append('$' + name);
    }
    i = j;
    literalFrom = i;
  }
  flush(i);
  return { value: out, references, unresolved };
}

/** Runs an accessor of the AST library, which can throw on odd input. */
function guard<T>(fn: () => T | null | undefined, fallback: T): T {
  try {
    const v = fn();
    return v === undefined || v === null ? fallback : v;
  } catch {
    return fallback;
  }
}

type LspRange = { start: { line: number; character: number }; end: { line: number; character: number } };

function toRange(r: LspRange): SourceRange {
  return {
    start: { line: r.start.line + 1, column: r.start.character + 1 },
    end: { line: r.end.line + 1, column: r.end.character + 1 },
  };
}

function parseFlag(flag: Flag): DockerFlag {
  const options: Record<string, string> = {};
  for (const opt of guard(() => flag.getOptions(), [])) {
    const name = guard(() => opt.getName(), '');
    if (name) options[name.toLowerCase()] = guard(() => opt.getValue(), '') ?? '';
  }
  return {
    name: guard(() => flag.getName(), '').toLowerCase(),
    value: guard(() => flag.getValue(), null),
    options,
    range: toRange(guard(() => flag.getRange(), { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } })),
  };
}

/** Splits an image reference into repository, tag and digest. */
export function splitImageReference(ref: string): { repository: string; tag?: string; digest?: string } {
  let rest = ref.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  // A colon before the last slash belongs to a registry port (host:5000/x).
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  return { repository: rest.toLowerCase(), tag: tag || undefined, digest: digest || undefined };
}

let astLibrary: typeof import('dockerfile-ast') | undefined;

/** dockerfile-ast is loaded on first use: runs without Dockerfiles never pay for it. */
function dockerfileAst(): typeof import('dockerfile-ast') {
  if (!astLibrary) {
    astLibrary = createRequire(import.meta.url)('dockerfile-ast') as typeof import('dockerfile-ast');
    splitArgumentsOnce(astLibrary);
  }
  return astLibrary;
}

/**
 * dockerfile-ast splits an instruction's arguments anew, character by
 * character, each time any accessor needs them: the parser and the accessors
 * we read do so about ten times per instruction, which made the split most of
 * the time and memory of parsing a Dockerfile. An instruction's text never
 * changes once parsed, so the split is kept per instruction (each caller gets
 * its own array: the library shifts flags off the one it is given). The only
 * accessors that edit an argument's range in place (From's image-name and
 * registry ranges) start from getImageRange, which therefore hands out a copy.
 */
function splitArgumentsOnce(lib: typeof import('dockerfile-ast')): void {
  type Range = { start: { line: number; character: number }; end: { line: number; character: number } };
  const proto = lib.Instruction.prototype as unknown as { getRawArguments?: () => unknown[]; splitOnce?: true };
  const split = proto.getRawArguments;
  if (typeof split !== 'function' || proto.splitOnce) return;
  const cache = new WeakMap<object, unknown[]>();
  proto.getRawArguments = function (this: object) {
    let known = cache.get(this);
    if (!known) cache.set(this, (known = split.call(this)));
    return known.slice();
  };
  proto.splitOnce = true;
  const from = lib.From.prototype as unknown as { getImageRange: () => Range | null };
  const imageRange = from.getImageRange;
  from.getImageRange = function (this: object) {
    const r = imageRange.call(this);
    return r && { start: { ...r.start }, end: { ...r.end } };
  };
}

/** Parses Dockerfile text into a model with resolved variables and exact positions. */
export function parseDockerfile(text: string): DockerfileModel {
  const index = new TextIndex(text);
  const ast = dockerfileAst().DockerfileParser.parse(text);
  const escapeChar = guard(() => ast.getEscapeCharacter(), '\\');
  const rawInstructions: Instruction[] = guard(() => ast.getInstructions(), []);

  const model: DockerfileModel = {
    kind: 'dockerfile',
    text,
    index,
    escapeChar,
    instructions: [],
    stages: [],
    globalArgs: [],
    comments: collectComments(index),
  };

  const globalStore = new ScopeStore();
  let store = globalStore;
  let stage: DockerStage | undefined;
  const stageStores: ScopeStore[] = [];
  const stageByName = new Map<string, number>();

  for (const raw of rawInstructions) {
    const keyword = guard(() => raw.getKeyword(), '').toUpperCase();
    const range = toRange(guard(() => raw.getRange(), { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }));
    const keywordRange = toRange(guard(() => raw.getInstructionRange(), { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }));
    const withFlags = raw as Instruction & { getFlags?: () => Flag[] };
    const flags = typeof withFlags.getFlags === 'function' ? guard(() => withFlags.getFlags!(), []).map(parseFlag) : [];
    const argsText = guard(() => raw.getArgumentsContent(), '');
    const withJson = raw as Instruction & { getJSONStrings?: () => { getJSONValue(): string }[]; getClosingBracket?: () => unknown };
    let jsonArgs: string[] | undefined;
    if (typeof withJson.getJSONStrings === 'function' && argsText.trimStart().startsWith('[')) {
      const closed = guard(() => withJson.getClosingBracket?.() ?? null, null) !== null;
      const strings = guard(() => withJson.getJSONStrings!().map((s) => s.getJSONValue()), [] as string[]);
      if (closed) jsonArgs = strings;
    }
    const withHeredocs = raw as Instruction & { getHeredocs?: () => import('dockerfile-ast').Heredoc[] };
    const heredocs: DockerHeredoc[] =
      typeof withHeredocs.getHeredocs === 'function'
        ? guard(() => withHeredocs.getHeredocs!(), []).map((h) => {
            const contentRange = guard(() => h.getContentRange(), null);
            const r = contentRange ? toRange(contentRange) : undefined;
            return {
              name: guard(() => h.getName(), ''),
              body: r ? text.slice(index.offsetAt(r.start), index.offsetAt(r.end)) : '',
              range: r,
            };
          })
        : [];

    const instr: DockerInstruction = {
      keyword,
      range,
      keywordRange,
      stageIndex: stage ? stage.index : -1,
      argsText,
      args: [],
      flags,
      jsonArgs,
      heredocs,
      properties: [],
      scope: store.view(),
    };

    // Splitting arguments is costly in the AST library and only COPY/ADD sources need it: done on first use.
    let splitArgs: string[] | undefined;
    Object.defineProperty(instr, 'args', {
      get: () => (splitArgs ??= guard(() => raw.getArguments().map((a) => a.getValue()), [] as string[])),
      enumerable: true,
    });

    if (keyword === 'FROM') {
      const image = guard(() => (raw as import('dockerfile-ast').From).getImage(), '') ?? '';
      const imageRange = guard(() => (raw as import('dockerfile-ast').From).getImageRange(), null);
      const stageName = guard(() => (raw as import('dockerfile-ast').From).getBuildStage(), null);
      const platform = flags.find((f) => f.name === 'platform')?.value ?? undefined;
      // FROM sees the global ARGs only.
      instr.scope = globalStore.view();
      const exp = expandVariables(image, instr.scope, escapeChar);
      const resolved = exp.value;
      const lower = resolved.toLowerCase();
      const refIndex = stageByName.get(lower) ?? -1;
      const parts = splitImageReference(resolved);
      const newStage: DockerStage = {
        index: model.stages.length,
        name: stageName ? stageName.toLowerCase() : undefined,
        from: instr,
        platform,
        base: {
          raw: image,
          resolved,
          hasUnresolved: exp.unresolved.length > 0,
          repository: parts.repository,
          tag: parts.tag,
          digest: parts.digest,
          stageRef: refIndex >= 0 ? refIndex : undefined,
          isScratch: lower === 'scratch',
          range: imageRange ? toRange(imageRange) : range,
        },
        instructions: [],
      };
      instr.stageIndex = newStage.index;
      model.stages.push(newStage);
      if (newStage.name !== undefined && !stageByName.has(newStage.name)) stageByName.set(newStage.name, newStage.index);
      stage = newStage;
      // ENV carries over from a parent stage; ARGs never do.
      store = new ScopeStore(refIndex >= 0 ? stageStores[refIndex].view() : undefined);
      stageStores[newStage.index] = store;
      model.instructions.push(instr);
      continue;
    }

    if (keyword === 'ARG' || keyword === 'ENV' || keyword === 'LABEL') {
      const props = guard(() => (raw as import('dockerfile-ast').Env).getProperties(), [] as Property[]);
      for (const p of props) {
        // ENV sees the pairs before it in the same instruction; ARG and LABEL see the scope before the instruction.
        const prop = toProperty(p, keyword === 'ENV' ? store.view() : instr.scope, escapeChar, range);
        instr.properties.push(prop);
        if (keyword === 'LABEL') continue;
        let value = prop.resolved ?? undefined;
        if (keyword === 'ARG' && prop.value === null) {
          // `ARG NAME` inside a stage takes the default of a global ARG of that name.
          const inherited = stage ? globalStore.view().get(prop.name) : undefined;
          value = inherited?.value;
          if (BUILTIN_ARGS.has(prop.name)) value = undefined;
        }
        const existing = store.view().get(prop.name);
        // An ENV of the same name shadows a later ARG.
        if (keyword === 'ARG' && existing?.source === 'env') continue;
        store.set(prop.name, { value, source: keyword === 'ARG' ? 'arg' : 'env', line: range.start.line });
      }
    }

    model.instructions.push(instr);
    if (stage) stage.instructions.push(instr);
    else if (keyword === 'ARG') model.globalArgs.push(instr);
  }
  // `#` lines inside heredoc bodies are script, not Dockerfile comments.
  const inHeredoc = new Uint8Array(index.lineCount + 2);
  let anyHeredoc = false;
  for (const i of model.instructions) {
    for (const h of i.heredocs) {
      if (!h.range) continue;
      anyHeredoc = true;
      for (let l = Math.max(0, h.range.start.line); l <= Math.min(index.lineCount, h.range.end.line); l++) inHeredoc[l] = 1;
    }
  }
  if (anyHeredoc) model.comments = model.comments.filter((c) => !inHeredoc[c.line]);
  return model;
}

function toProperty(p: Property, scope: VarScope, escapeChar: string, fallback: SourceRange): DockerProperty {
  const name = guard(() => p.getName(), '');
  const value = guard(() => p.getValue(), null);
  const exp = value === null ? undefined : expandVariables(value, scope, escapeChar);
  const valueRange = guard(() => p.getValueRange(), null);
  return {
    name,
    value,
    resolved: exp ? exp.value : null,
    unresolved: exp ? exp.unresolved : [],
    references: exp ? exp.references : [],
    nameRange: toRange(guard(() => p.getNameRange(), null) ?? { start: { line: fallback.start.line - 1, character: fallback.start.column - 1 }, end: { line: fallback.end.line - 1, character: fallback.end.column - 1 } }),
    valueRange: valueRange ? toRange(valueRange) : undefined,
    range: toRange(guard(() => p.getRange(), null) ?? { start: { line: fallback.start.line - 1, character: fallback.start.column - 1 }, end: { line: fallback.end.line - 1, character: fallback.end.column - 1 } }),
  };
}

function collectComments(index: TextIndex): FullLineComment[] {
  const out: FullLineComment[] = [];
  for (let line = 1; line <= index.lineCount; line++) {
    const t = index.lineText(line);
    const m = /^(\s*)#(.*)$/.exec(t);
    if (m) {
      out.push({
        line,
        text: m[2].trim(),
        range: { start: { line, column: m[1].length + 1 }, end: { line, column: t.length + 1 } },
      });
    }
  }
  return out;
}

const DOCKERFILE_KEYWORDS = new Set([
  'FROM', 'RUN', 'CMD', 'LABEL', 'MAINTAINER', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT', 'VOLUME', 'USER', 'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL',
]);

/**
 * Why a file that holds Dockerfile instructions cannot be built because it
 * has no FROM; undefined when it has one, and for files that are not
 * Dockerfiles at all (empty, a `Dockerfile.dockerignore`, notes) or are
 * templates (`{{ }}`, `{% %}`) whose FROM may come from elsewhere.
 */
export function missingFromProblem(model: DockerfileModel): string | undefined {
  if (model.stages.length) return undefined;
  const known = model.instructions.filter((i) => DOCKERFILE_KEYWORDS.has(i.keyword)).length;
  if (!known || known * 2 < model.instructions.length || /\{\{|\{%/.test(model.text)) return undefined;
  return 'no FROM instruction: this Dockerfile cannot be built (every build starts FROM a base image or `scratch`)';
}

/** The final stage of the build (the image that ships), if any. */
export function finalStage(model: DockerfileModel): DockerStage | undefined {
  return model.stages[model.stages.length - 1];
}

/**
 * The stages whose layers and config end up in the final image: the final
 * stage and the stages it builds FROM, nearest first.
 */
export function finalImageChain(model: DockerfileModel): DockerStage[] {
  const chain: DockerStage[] = [];
  const seen = new Set<number>();
  let s = finalStage(model);
  while (s && !seen.has(s.index)) {
    chain.push(s);
    seen.add(s.index);
    s = s.base.stageRef !== undefined ? model.stages[s.base.stageRef] : undefined;
  }
  return chain;
}

/** The full shell text an instruction runs: arguments plus heredoc bodies. */
export function commandText(instr: DockerInstruction): string {
  if (instr.jsonArgs) return instr.jsonArgs.join(' ');
  return instr.argsText;
}
