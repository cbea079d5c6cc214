import { readFileSync, writeFileSync } from 'node:fs';
import type { Finding } from './types.js';

/** A baseline records known findings so that only new ones are reported. */
export interface BaselineFile {
  version: 1;
  tool: 'genai-lint';
  findings: { ruleId: string; file: string; fingerprint: string; message: string }[];
}

export class BaselineError extends Error {}

function key(f: { ruleId: string; file: string; fingerprint?: string }): string {
  return `${f.ruleId}\u0000${f.file}\u0000${f.fingerprint ?? ''}`;
}

export function readBaseline(path: string): Set<string> {
  let data: BaselineFile;
  try {
    data = JSON.parse(readFileSync(path, 'utf8')) as BaselineFile;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new BaselineError(`${path}: ${code === 'ENOENT' ? 'baseline file not found (create it with --update-baseline)' : `not a genai-lint baseline: ${(err as Error).message}`}`);
  }
  if (data?.version !== 1 || !Array.isArray(data.findings)) throw new BaselineError(`${path}: not a genai-lint baseline (expected version 1 with a findings list)`);
  return new Set(data.findings.map(key));
}

/** Findings not recorded in the baseline, and how many were hidden. */
export function filterBaseline(findings: readonly Finding[], baseline: ReadonlySet<string>): { kept: Finding[]; hidden: number } {
  const kept = findings.filter((f) => !baseline.has(key(f)));
  return { kept, hidden: findings.length - kept.length };
}

/** Writes the current findings as the new baseline; fixed ones drop out. Messages are kept for readers (secrets are masked in them). */
export function writeBaseline(path: string, findings: readonly Finding[]): void {
  const data: BaselineFile = {
    version: 1,
    tool: 'genai-lint',
    findings: findings
      .filter((f) => f.fingerprint)
      .map((f) => ({ ruleId: f.ruleId, file: f.file, fingerprint: f.fingerprint!, message: f.message }))
      .sort((a, b) => (key(a) < key(b) ? -1 : 1)),
  };
  writeFileSync(path, JSON.stringify(data, null, 2) + '\n');
}
