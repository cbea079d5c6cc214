/**
 * Applying fixes to a file's text: each fix is a group of edits applied
 * together or not at all; fixes whose edits overlap or touch the same point
 * conflict, and only the first of them is applied in a pass (the next pass
 * lints the result again and applies the others that still apply).
 */
import type { Applicability, Autofix, TextEdit } from '../types.js';

/** The edits of one fix in order, or undefined when they overlap each other or fall outside the text. */
export function normalizedEdits(edits: readonly TextEdit[], length: number): TextEdit[] | undefined {
  // Stable: edits at the same point keep the order the rule gave them in.
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i).map((x) => x.e);
  for (let i = 0; i < sorted.length; i++) {
    const e = sorted[i];
    if (!(e.start >= 0 && e.start <= e.end && e.end <= length)) return undefined;
    if (i > 0 && sorted[i - 1].end > e.start) return undefined;
  }
  return sorted;
}

/** A safe fix and the unsafe ones when `unsafe` is set: what --fix applies. */
export function applies(applicability: Applicability, unsafe: boolean): boolean {
  return applicability === 'safe' || unsafe;
}

function conflicts(a: readonly TextEdit[], b: readonly TextEdit[]): boolean {
  for (const x of a) for (const y of b) if (x.start <= y.end && y.start <= x.end) return true;
  return false;
}

export interface AppliedFixes {
  text: string;
  /** Fixes applied, in the order given. */
  applied: number;
  /** Fixes left for another pass because they conflict with one applied. */
  deferred: number;
}

/**
 * Applies the fixes that do not conflict with an earlier one of the list.
 * Identical fixes (two findings with the same edit) are applied once and
 * counted for each.
 */
export function applyFixes(text: string, fixes: readonly Autofix[]): AppliedFixes {
  const chosen: TextEdit[][] = [];
  const keys = new Set<string>();
  let applied = 0;
  let deferred = 0;
  for (const fix of fixes) {
    const edits = normalizedEdits(fix.edits, text.length);
    if (!edits?.length) continue;
    const key = JSON.stringify(edits);
    if (keys.has(key)) {
      applied++;
      continue;
    }
    if (chosen.some((c) => conflicts(c, edits))) {
      deferred++;
      continue;
    }
    keys.add(key);
    chosen.push(edits);
    applied++;
  }
  const all = chosen.flat().sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const e of all) {
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return { text: out + text.slice(at), applied, deferred };
}
