/**
 * The Dockerfile parser: reads the library's syntax tree (dockerfile-ast.ts)
 * into the model (dockerfile-model.ts), following ARG and ENV scopes through
 * the stages (dockerfile-variables.ts) and resolving each FROM's image
 * reference (image-reference.ts).
 */
import type { Env, Flag, From, Heredoc, Instruction, Property } from 'dockerfile-ast';
import { TextIndex } from '../text.js';
import type { SourceRange } from '../types.js';
import { dockerfileAst, guard, toRange, type LspRange } from './dockerfile-ast.js';
import type { DockerfileModel, DockerFlag, DockerHeredoc, DockerInstruction, DockerProperty, DockerStage, FullLineComment } from './dockerfile-model.js';
import { BUILTIN_ARGS, expandVariables, ScopeStore, type VarScope } from './dockerfile-variables.js';
import { splitImageReference } from './image-reference.js';

// The parser's callers in the engine read the model's types from here.
export type { DockerfileModel, DockerInstruction } from './dockerfile-model.js';

const NO_RANGE: LspRange = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

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
    range: toRange(guard(() => flag.getRange(), NO_RANGE)),
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
    // FROM sees the global ARGs only.
    const scope = keyword === 'FROM' ? globalStore.view() : store.view();
    const instr = readInstruction(raw, keyword, stage ? stage.index : -1, scope, model);
    model.instructions.push(instr);

    if (keyword === 'FROM') {
      stage = startStage(raw as From, instr, model, stageByName);
      // ENV carries over from a parent stage; ARGs never do.
      const parent = stage.base.stageRef;
      store = new ScopeStore(parent !== undefined ? stageStores[parent].view() : undefined);
      stageStores[stage.index] = store;
      continue;
    }
    if (keyword === 'ARG' || keyword === 'ENV' || keyword === 'LABEL') bindProperties(raw as Env, instr, store, stage ? globalStore : undefined, escapeChar);

    if (stage) stage.instructions.push(instr);
    else if (keyword === 'ARG') model.globalArgs.push(instr);
  }
  hideHeredocComments(model);
  return model;
}

/** One instruction in the model's terms: positions, flags, exec-form arguments, heredocs; arguments split on first use. */
function readInstruction(raw: Instruction, keyword: string, stageIndex: number, scope: VarScope, model: DockerfileModel): DockerInstruction {
  const { text, index } = model;
  const range = toRange(guard(() => raw.getRange(), NO_RANGE));
  const keywordRange = toRange(guard(() => raw.getInstructionRange(), NO_RANGE));
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
  const withHeredocs = raw as Instruction & { getHeredocs?: () => Heredoc[] };
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
    stageIndex,
    argsText,
    args: [],
    flags,
    jsonArgs,
    heredocs,
    properties: [],
    scope,
  };

  // Splitting arguments is costly in the AST library and only COPY/ADD sources need it: done on first use.
  let splitArgs: string[] | undefined;
  Object.defineProperty(instr, 'args', {
    get: () => (splitArgs ??= guard(() => raw.getArguments().map((a) => a.getValue()), [] as string[])),
    enumerable: true,
  });
  return instr;
}

/** The stage a FROM starts: its name, platform and base image resolved with the global ARGs (or an earlier stage it names). */
function startStage(raw: From, instr: DockerInstruction, model: DockerfileModel, stageByName: Map<string, number>): DockerStage {
  const image = guard(() => raw.getImage(), '') ?? '';
  const imageRange = guard(() => raw.getImageRange(), null);
  const stageName = guard(() => raw.getBuildStage(), null);
  const platform = instr.flags.find((f) => f.name === 'platform')?.value ?? undefined;
  const exp = expandVariables(image, instr.scope, model.escapeChar);
  const resolved = exp.value;
  const lower = resolved.toLowerCase();
  const refIndex = stageByName.get(lower) ?? -1;
  const parts = splitImageReference(resolved);
  const stage: DockerStage = {
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
      range: imageRange ? toRange(imageRange) : instr.range,
    },
    instructions: [],
  };
  instr.stageIndex = stage.index;
  model.stages.push(stage);
  if (stage.name !== undefined && !stageByName.has(stage.name)) stageByName.set(stage.name, stage.index);
  return stage;
}

/**
 * The key/value pairs of an ARG, ENV or LABEL, and the variables ARG and ENV
 * bind in the stage's store. `global` is the store of the ARGs before the
 * first FROM when the instruction is inside a stage.
 */
function bindProperties(raw: Env, instr: DockerInstruction, store: ScopeStore, global: ScopeStore | undefined, escapeChar: string): void {
  const { keyword, range } = instr;
  const props = guard(() => raw.getProperties(), [] as Property[]);
  for (const p of props) {
    // ENV sees the pairs before it in the same instruction; ARG and LABEL see the scope before the instruction.
    const prop = toProperty(p, keyword === 'ENV' ? store.view() : instr.scope, escapeChar, range);
    instr.properties.push(prop);
    if (keyword === 'LABEL') continue;
    let value = prop.resolved ?? undefined;
    if (keyword === 'ARG' && prop.value === null) {
      // `ARG NAME` inside a stage takes the default of a global ARG of that name.
      const inherited = global ? global.view().get(prop.name) : undefined;
      value = inherited?.value;
      if (BUILTIN_ARGS.has(prop.name)) value = undefined;
    }
    const existing = store.view().get(prop.name);
    // An ENV of the same name shadows a later ARG.
    if (keyword === 'ARG' && existing?.source === 'env') continue;
    store.set(prop.name, { value, source: keyword === 'ARG' ? 'arg' : 'env', line: range.start.line });
  }
}

/** `#` lines inside heredoc bodies are script, not Dockerfile comments. */
function hideHeredocComments(model: DockerfileModel): void {
  const { index } = model;
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
