/**
 * Unified diffs of a file before and after fixing (--diff), as `diff -u`
 * and `git diff` print them: lines compared whole, three lines of context.
 */
import { visible } from '../escape.js';

/** Lines with their line breaks, so a changed line ending shows as a change. */
function splitLines(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

type Op = { kind: ' ' | '-' | '+'; line: string };

/**
 * The shortest edit script between two line lists (Myers, O((N+M)·D)); the
 * common head and tail are taken off first, so a fix of a few lines in a
 * long file costs little.
 */
function diffLines(a: string[], b: string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  const n = x.length;
  const m = y.length;
  const max = n + m;
  const v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  let found = max === 0;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let i = k === -d || (k !== d && v[max + k - 1] < v[max + k + 1]) ? v[max + k + 1] : v[max + k - 1] + 1;
      let j = i - k;
      while (i < n && j < m && x[i] === y[j]) {
        i++;
        j++;
      }
      v[max + k] = i;
      if (i >= n && j >= m) {
        found = true;
        break;
      }
    }
  }
  // Walk the trace back from the end to recover the script.
  const middle: Op[] = [];
  let i = n;
  let j = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const vd = trace[d];
    const k = i - j;
    const prevK = k === -d || (k !== d && vd[max + k - 1] < vd[max + k + 1]) ? k + 1 : k - 1;
    const prevI = vd[max + prevK];
    const prevJ = prevI - prevK;
    while (i > prevI && j > prevJ) middle.push({ kind: ' ', line: x[--i] }), j--;
    if (d > 0) {
      if (i === prevI) middle.push({ kind: '+', line: y[--j] });
      else middle.push({ kind: '-', line: x[--i] });
    }
  }
  while (i > 0 && j > 0) middle.push({ kind: ' ', line: x[--i] }), j--;
  middle.reverse();
  return [...a.slice(0, head).map((line) => ({ kind: ' ' as const, line })), ...middle, ...a.slice(a.length - tail).map((line) => ({ kind: ' ' as const, line }))];
}

/**
 * A diff line as printed: file content shown with visible escapes for
 * control characters (it must not steer the terminal), tabs and a CRLF
 * ending kept as they are.
 */
function shown(line: string): string {
  const end = /\r?\n$|\r$/.exec(line)?.[0] ?? '';
  const body = line.slice(0, line.length - end.length).split('\t').map(visible).join('\t');
  if (!end) return body + '\n\\ No newline at end of file\n';
  return body + (end === '\r\n' ? '\r\n' : '\n');
}

/** A unified diff of `before` and `after` (empty when they are equal), with `a/` and `b/` headers naming `path`. */
export function unifiedDiff(path: string, before: string, after: string, context = 3): string {
  if (before === after) return '';
  const ops = diffLines(splitLines(before), splitLines(after));
  const changed = ops.map((o, idx) => (o.kind === ' ' ? -1 : idx)).filter((idx) => idx >= 0);
  let out = `--- a/${visible(path)}\n+++ b/${visible(path)}\n`;
  let h = 0;
  while (h < changed.length) {
    const from = Math.max(0, changed[h] - context);
    let last = changed[h];
    while (h + 1 < changed.length && changed[h + 1] - last <= 2 * context) last = changed[++h];
    h++;
    const to = Math.min(ops.length, last + context + 1);
    let aStart = 1;
    let bStart = 1;
    for (let k = 0; k < from; k++) {
      if (ops[k].kind !== '+') aStart++;
      if (ops[k].kind !== '-') bStart++;
    }
    const hunk = ops.slice(from, to);
    const aLen = hunk.filter((o) => o.kind !== '+').length;
    const bLen = hunk.filter((o) => o.kind !== '-').length;
    out += `@@ -${aLen ? aStart : aStart - 1},${aLen} +${bLen ? bStart : bStart - 1},${bLen} @@\n`;
    for (const o of hunk) out += o.kind + shown(o.line);
  }
  return out;
}
