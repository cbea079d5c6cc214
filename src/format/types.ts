import type { RuleMeta } from '../engine/rule.js';
import type { Finding } from '../types.js';

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

export const FORMAT_NAMES = ['stylish', 'json', 'sarif', 'github', 'gitlab', 'checkstyle', 'junit'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

/** Formatters load on demand: a run pays only for the one it prints (and for colours only when it prints them). */
export async function loadFormatter(name: FormatName, color = false): Promise<Formatter> {
  switch (name) {
    case 'stylish': {
      const { stylishFormatter, plainStyle } = await import('./stylish.js');
      if (!color) return stylishFormatter(plainStyle);
      const { Chalk } = await import('chalk');
      return stylishFormatter(new Chalk({ level: 1 }));
    }
    case 'json':
      return (await import('./json.js')).formatJson;
    case 'sarif':
      return (await import('./sarif.js')).formatSarif;
    case 'github':
      return (await import('./github.js')).formatGithub;
    case 'gitlab':
      return (await import('./gitlab.js')).formatGitlab;
    case 'checkstyle':
      return (await import('./checkstyle.js')).formatCheckstyle;
    case 'junit':
      return (await import('./junit.js')).formatJunit;
  }
}

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

/** Escapes text for XML attributes and content; drops characters XML 1.0 cannot hold. */
export function escapeXml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
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
