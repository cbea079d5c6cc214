import type { SourceRange } from '../types.js';

/** One ignore comment or annotation and what it covers. */
export interface Suppression {
  ruleIds: string[];
  /** Inclusive line span it covers; undefined covers the whole file. */
  lines: { from: number; to: number } | undefined;
  /** Where the comment or annotation is, for unused-suppression reports. */
  origin: SourceRange;
  reason: string | undefined;
  used: Set<string>;
  /** Another linter's suppression honoured for the rules that cover its check (`hadolint ignore=DL3015`). */
  peer?: string;
}
