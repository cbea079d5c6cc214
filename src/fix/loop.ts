/**
 * --fix and --diff: lint, apply the fixes of the findings, lint the result
 * again, and repeat while fixes apply (fixes that conflict in one pass apply
 * in the next), up to MAX_FIX_PASSES. Everything happens in memory; the
 * caller writes the files (--fix) or prints their diffs (--diff).
 */
import { resolve } from 'node:path';
import { lint } from '../index.js';
import type { LintOptions, LintReport } from '../index.js';
import { readFileSafely } from '../safe-read.js';
import { decodeText } from '../text.js';
import type { Autofix, Finding } from '../types.js';
import { applies, applyFixes } from './edits.js';

/** Passes of fixing before the run stops and reports what is left (conflicting fixes take one pass each). */
export const MAX_FIX_PASSES = 10;

export interface FixOptions {
  /** Also apply fixes marked unsafe (--unsafe-fixes). */
  unsafe: boolean;
  /** The findings a fix may apply to (the ones shown: a baseline hides the others). */
  select?: (findings: readonly Finding[]) => readonly Finding[];
  /** Display name of standard input, which is never fixed in place. */
  stdinName?: string;
  maxPasses?: number;
}

export interface FixedFile {
  absPath: string;
  display: string;
  before: string;
  after: string;
}

export interface FixOutcome {
  /** The report of the fixed texts: what is left. */
  report: LintReport;
  /** Files whose text changed, by display path order. */
  files: FixedFile[];
  /** Fixes applied. */
  fixed: number;
  /** Findings left whose fix is unsafe (not applied without --unsafe-fixes). */
  unsafeLeft: number;
  /** Findings left with a fix that did not apply within the passes allowed. */
  fixableLeft: number;
  /** Files left as they were because the fixed text no longer parsed. */
  reverted: string[];
  passes: number;
}

const parseErrorsOf = (report: LintReport, file: string) => report.findings.filter((f) => f.file === file && f.ruleId === 'parse-error').length;

/** Lints, fixes and lints again until nothing more applies; returns the final report and the changed texts. */
export async function lintAndFix(options: LintOptions, fix: FixOptions): Promise<FixOutcome> {
  const cwd = options.cwd ?? process.cwd();
  const maxPasses = fix.maxPasses ?? MAX_FIX_PASSES;
  const select = fix.select ?? ((f) => f);
  const texts = new Map<string, string>();
  const originals = new Map<string, FixedFile>();
  const fixedIn = new Map<string, number>();
  let passes = 0;
  let first: LintReport | undefined;
  let report: LintReport;
  for (;;) {
    report = await lint({ ...options, texts });
    first ??= report;
    const byFile = new Map<string, Autofix[]>();
    for (const f of select(report.findings)) {
      if (!f.autofix || !applies(f.autofix.applicability, fix.unsafe) || f.file === fix.stdinName) continue;
      const list = byFile.get(f.file);
      if (list) list.push(f.autofix);
      else byFile.set(f.file, [f.autofix]);
    }
    if (!byFile.size || passes >= maxPasses) break;
    passes++;
    let changed = false;
    for (const [display, fixes] of byFile) {
      const absPath = resolve(cwd, display);
      let current = texts.get(absPath);
      if (current === undefined) {
        const read = readFileSafely(absPath, Number.MAX_SAFE_INTEGER);
        if (!read.ok) continue;
        const decoded = decodeText(read.bytes);
        if (decoded.problem) continue;
        current = decoded.text;
        originals.set(absPath, { absPath, display, before: current, after: current });
      }
      const result = applyFixes(current, fixes);
      if (result.text === current) continue;
      texts.set(absPath, result.text);
      fixedIn.set(absPath, (fixedIn.get(absPath) ?? 0) + result.applied);
      changed = true;
    }
    if (!changed) break;
  }
  // A fix must never leave a file that does not parse: such a file keeps its text, and the report is made again without it.
  const reverted: string[] = [];
  for (const [absPath, file] of originals) {
    if (texts.has(absPath) && parseErrorsOf(report, file.display) > parseErrorsOf(first!, file.display)) {
      texts.delete(absPath);
      reverted.push(file.display);
    }
  }
  if (reverted.length) report = await lint({ ...options, texts });
  const files: FixedFile[] = [];
  let fixed = 0;
  for (const [absPath, file] of originals) {
    const after = texts.get(absPath);
    if (after === undefined || after === file.before) continue;
    files.push({ ...file, after });
    fixed += fixedIn.get(absPath) ?? 0;
  }
  files.sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
  let unsafeLeft = 0;
  let fixableLeft = 0;
  for (const f of select(report.findings)) {
    if (!f.autofix || f.file === fix.stdinName) continue;
    if (applies(f.autofix.applicability, fix.unsafe)) fixableLeft++;
    else unsafeLeft++;
  }
  return { report, files, fixed, unsafeLeft, fixableLeft, reverted, passes };
}
