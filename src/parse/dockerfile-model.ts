/**
 * The model of a parsed Dockerfile that rules read: instructions with their
 * flags, heredocs, properties and variable scope, stages with their resolved
 * base image, and full-line comments; plus the questions every rule about the
 * shipped image asks of it.
 */
import type { TextIndex } from '../text.js';
import type { SourceRange } from '../types.js';
import type { VarScope } from './dockerfile-variables.js';

export type { VarBinding, VarScope } from './dockerfile-variables.js';

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
