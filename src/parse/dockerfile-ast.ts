/**
 * The one door to the dockerfile-ast library: it is loaded on first use, its
 * argument splitting is patched once here, and its accessors (which can throw
 * on odd input) are read through guard() with positions turned into ours.
 */
import { createRequire } from 'node:module';
import type { SourceRange } from '../types.js';

let astLibrary: typeof import('dockerfile-ast') | undefined;

/** dockerfile-ast is loaded on first use: runs without Dockerfiles never pay for it. */
export function dockerfileAst(): typeof import('dockerfile-ast') {
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

/** Runs an accessor of the AST library, which can throw on odd input. */
export function guard<T>(fn: () => T | null | undefined, fallback: T): T {
  try {
    const v = fn();
    return v === undefined || v === null ? fallback : v;
  } catch {
    return fallback;
  }
}

export type LspRange = { start: { line: number; character: number }; end: { line: number; character: number } };

export function toRange(r: LspRange): SourceRange {
  return {
    start: { line: r.start.line + 1, column: r.start.character + 1 },
    end: { line: r.end.line + 1, column: r.end.character + 1 },
  };
}
