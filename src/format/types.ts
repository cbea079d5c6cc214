import type { RuleMeta } from '../engine/rule.js';
import type { Finding } from '../types.js';

export interface FormatInput {
  findings: readonly Finding[];
  filesChecked: number;
  objectsChecked: number;
  /** Metadata of every rule id that can appear. */
  rules: readonly RuleMeta[];
  toolVersion: string;
  color: boolean;
}

export type Formatter = (input: FormatInput) => string;

export const FORMAT_NAMES = ['stylish', 'json', 'sarif'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

/** Formatters load on demand: a run pays only for the one it prints. */
export async function loadFormatter(name: FormatName): Promise<Formatter> {
  switch (name) {
    case 'stylish':
      return (await import('./stylish.js')).formatStylish;
    case 'json':
      return (await import('./json.js')).formatJson;
    case 'sarif':
      return (await import('./sarif.js')).formatSarif;
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
