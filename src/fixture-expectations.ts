/**
 * Fixture expectations: every rule's fixture folder (fixtures/<target>/<name>/)
 * holds an `expected.txt` listing each finding a run started in that folder
 * reports, one per line: the file relative to the folder, line:column and the
 * rule id (`bad.yaml 4:9 k8s/hpa`). `npm run fixtures:expect` writes them from
 * the current rules; test/fixtures.test.ts checks every folder against its
 * file, so any change of any rule on any fixture shows as a reviewed diff.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from './index.js';
import type { Finding } from './types.js';

export const EXPECTATIONS_FILE = 'expected.txt';

/**
 * Autofix outputs (`bad.fixed.yaml`: what a fix should turn a fixture into)
 * sit beside the fixtures but are not examples: their findings are not expected
 * and they are neither a bad nor a good example.
 */
export function isFixedOutput(path: string): boolean {
  return /\.fixed\./.test(path.slice(path.lastIndexOf('/') + 1));
}

/** The example a file of a fixture folder belongs to: `bad.yaml`, or `bad` for `bad/compose.yaml`. */
export function exampleOf(file: string): string {
  const slash = file.indexOf('/');
  return slash < 0 ? file : file.slice(0, slash);
}

/** One line per finding, in the run's order; findings in autofix outputs are left out. */
export function expectationLines(findings: readonly Finding[]): string[] {
  return findings.filter((f) => !isFixedOutput(f.file)).map((f) => `${f.file} ${f.range.start.line}:${f.range.start.column} ${f.ruleId}`);
}

/** The lines of an expectations file (blank lines ignored). */
export function parseExpectations(text: string): string[] {
  return text.split('\n').map((l) => l.trimEnd()).filter((l) => l !== '');
}

export function renderExpectations(lines: readonly string[]): string {
  return lines.map((l) => `${l}\n`).join('');
}

/** The examples of a fixture folder: its files and folders, except dotfiles (its `.genai-lint.yaml`), its expectations and autofix outputs. */
export function examplesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => !name.startsWith('.') && name !== EXPECTATIONS_FILE && !isFixedOutput(name))
    .sort();
}

/**
 * What the CLI reports now on each example of the folder, started in the
 * folder (its own `.genai-lint.yaml` applies) and run once per example
 * (`genai-lint bad.yaml`): examples are separate scenarios, so a good
 * example's Deployment never answers a bad example's Service. A run that
 * cannot complete (a rule's internal error, a skipped file) throws: its
 * findings are no expectation.
 */
export async function currentExpectations(dir: string): Promise<string[]> {
  const lines: string[] = [];
  for (const example of examplesIn(dir)) {
    const report = await lint({ cwd: dir, paths: [example] });
    const problems = [...report.internalErrors.map((e) => `internal error in ${e.ruleId} on ${e.file}: ${e.message}`), ...report.skipped, ...report.missingPaths.map((p) => `no such file: ${p}`)];
    if (problems.length) throw new Error(`${dir}: ${problems.join('; ')}`);
    lines.push(...expectationLines(report.findings));
  }
  return lines;
}

/** Every rule fixture folder under `fixturesDir`: fixtures/<target>/<name>/ for each rule id that has one. */
export function ruleFixtureDirs(fixturesDir: string, ruleIds: readonly string[]): string[] {
  return ruleIds.map((id) => join(fixturesDir, id)).filter((d) => existsSync(d) && statSync(d).isDirectory());
}

/** Every folder under `fixturesDir` that holds an expectations file. */
export function foldersWithExpectations(fixturesDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    const names = readdirSync(dir).sort();
    if (names.includes(EXPECTATIONS_FILE)) out.push(dir);
    for (const name of names) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
    }
  };
  walk(fixturesDir);
  return out;
}

/**
 * What a reviewer checks first in a rule's expectations: every bad example
 * (a `bad*` file or folder) has a finding of the rule, no good example has one.
 * Returns one sentence per example that does not.
 */
export function exampleProblems(ruleId: string, dir: string, lines: readonly string[]): string[] {
  const own = new Set<string>();
  for (const line of lines) {
    const m = /^(.+) \d+:\d+ (\S+)$/.exec(line);
    if (m && m[2] === ruleId) own.add(exampleOf(m[1]));
  }
  const problems: string[] = [];
  for (const name of examplesIn(dir)) {
    if (name.startsWith('bad') && !own.has(name)) problems.push(`${name} is a bad example but has no ${ruleId} finding`);
    if (name.startsWith('good') && own.has(name)) problems.push(`${name} is a good example but has a ${ruleId} finding`);
  }
  return problems;
}
