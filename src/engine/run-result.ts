/** What a run (or a share of one) gives back: findings, counts, notices, failures, and the secrets to mask. */
import type { Finding } from '../types.js';

export interface FoundSecret {
  file: string;
  value: string;
}

export interface InternalError {
  ruleId: string;
  file: string;
  message: string;
  stack: string | undefined;
}

export interface RunResult {
  findings: Finding[];
  /** Files linted (context-only files excluded). */
  filesChecked: number;
  /** Display paths of the files linted, in order. */
  checkedFiles: string[];
  /** Kubernetes objects linted. */
  objectsChecked: number;
  /** Paths named on the command line that do not exist or cannot be read. */
  missingPaths: string[];
  notices: string[];
  /**
   * Parts of the input not linted that could hide findings (directories past
   * the depth bound, template documents): printed by default and counted.
   */
  skipped: string[];
  internalErrors: InternalError[];
  /** Literal secrets the rules found, with their file: never output, only masked in that file's texts (see src/redact.ts). */
  secrets: FoundSecret[];
}
