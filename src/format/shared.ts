/** What every formatter shares: its input, its type, and the helpers several formats use. */
import type { RuleMeta } from '../engine/rule.js';
import type { Finding } from '../types.js';
import { visible } from '../escape.js';

export interface FormatInput {
  findings: readonly Finding[];
  filesChecked: number;
  /** Display paths of the files linted. */
  checkedFiles: readonly string[];
  /** Directory the display paths are relative to. */
  cwd: string;
  objectsChecked: number;
  /** Parts of the input not linted that could hide findings (see RunResult.skipped). */
  skipped?: number;
  /** Metadata of every rule id that can appear. */
  rules: readonly RuleMeta[];
  toolVersion: string;
}

export type Formatter = (input: FormatInput) => string;

export function countBySeverity(findings: readonly Finding[]): { errors: number; warnings: number; infos: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}

/**
 * Escapes text for XML attributes and content: control characters are shown
 * as visible escapes (XML 1.0 cannot hold most of them, and none should reach
 * a terminal that prints the report).
 */
export function escapeXml(text: string): string {
  return visible(text)
    .replace(/[\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * A finding's message with its related places in a few words, for formats
 * without a field for them (SARIF has relatedLocations):
 * `message (see charts/x/values.yaml:12: image.tag is set here)`.
 */
export function messageWithRelated(f: Finding): string {
  if (!f.related?.length) return f.message;
  return `${f.message} (see ${f.related.map((r) => `${r.file}:${r.range.start.line}: ${r.message}`).join('; ')})`;
}

/** Findings grouped by file, in first-seen order. */
export function groupByFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }
  return byFile;
}
