import type { Position, SourceRange } from './types.js';

/** Maps string offsets to 1-based line/column positions and back. */
export class TextIndex {
  /** The index of no text: what a released document keeps. */
  static readonly EMPTY = new TextIndex('');

  readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10) starts.push(i + 1);
      else if (ch === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.lineStarts[lo] + 1 };
  }

  offsetAt(pos: Position): number {
    const lineIdx = Math.max(0, Math.min(pos.line - 1, this.lineStarts.length - 1));
    return Math.min(this.lineStarts[lineIdx] + pos.column - 1, this.text.length);
  }

  rangeOf(startOffset: number, endOffset: number): SourceRange {
    return { start: this.positionAt(startOffset), end: this.positionAt(Math.max(endOffset, startOffset + 1)) };
  }

  /** The text of a 1-based line, without its line terminator. */
  lineText(line: number): string {
    const idx = line - 1;
    if (idx < 0 || idx >= this.lineStarts.length) return '';
    const start = this.lineStarts[idx];
    let end = idx + 1 < this.lineStarts.length ? this.lineStarts[idx + 1] : this.text.length;
    // Without its terminator: \n, \r\n or \r (compared by code, not a regular expression per line).
    if (end > start && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return this.text.slice(start, end);
  }

  /**
   * Finds `pattern` inside `within` (or the whole text) and returns the range
   * of the first match, or undefined.
   */
  find(pattern: RegExp | string, within?: SourceRange): SourceRange | undefined {
    const from = within ? this.offsetAt(within.start) : 0;
    const to = within ? this.offsetAt(within.end) : this.text.length;
    const slice = this.text.slice(from, to);
    if (typeof pattern === 'string') {
      const at = slice.indexOf(pattern);
      return at < 0 ? undefined : this.rangeOf(from + at, from + at + pattern.length);
    }
    const re = new RegExp(pattern.source, pattern.flags.replace('g', ''));
    const m = re.exec(slice);
    return m ? this.rangeOf(from + m.index, from + m.index + m[0].length) : undefined;
  }
}

export interface DecodedText {
  text: string;
  /** Why the bytes are not lintable text, when they are not. */
  problem?: string;
}

/**
 * Decodes file bytes as UTF-8 text, dropping a UTF-8 byte order mark.
 * Binary content (NUL bytes) and UTF-16 are reported rather than guessed at.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return { text: '', problem: 'file is UTF-16 encoded; save it as UTF-8' };
  }
  const sample = bytes.subarray(0, Math.min(bytes.length, 8192));
  if (sample.includes(0)) return { text: '', problem: 'not a text file (contains NUL bytes)' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { text: '', problem: 'not valid UTF-8 text' };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text };
}

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

/**
 * The string without its trailing `/` characters. A scan from the end: the
 * pattern `/\/+$/` restarts at every slash of a run that is not at the end
 * (`////…x`), quadratic in the run's length.
 */
export function trimTrailingSlashes(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 0x2f) end--;
  return end === s.length ? s : s.slice(0, end);
}
