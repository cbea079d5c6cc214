/**
 * Shared vocabulary of the pipeline: positions, findings, severities.
 * Positions are 1-based; `end.column` is the column just after the last
 * character (exclusive), as in SARIF regions.
 */

export interface Position {
  line: number;
  column: number;
}

export interface SourceRange {
  start: Position;
  end: Position;
}

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type SeveritySetting = Severity | 'off';

/** Higher is more severe; used for --fail-on thresholds and sorting. */
export const SEVERITY_RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

export type FileKind = 'dockerfile' | 'yaml' | 'compose';

/** Another place that explains a finding (the values file line that sets the value a template line uses). */
export interface RelatedLocation {
  /** Display path, as Finding.file. */
  file: string;
  range: SourceRange;
  /** What this place is, in a few words: `value set here`. */
  message: string;
}

/**
 * `safe` fixes keep the file's behaviour apart from the problem they fix and
 * apply with --fix; `unsafe` ones change behaviour a user should review and
 * apply only with --unsafe-fixes.
 */
export type Applicability = 'safe' | 'unsafe';

/**
 * One replacement in a file's text: `start` and `end` are offsets into the
 * text as read (UTF-8 decoded, a byte order mark dropped) in UTF-16 code
 * units; `start === end` inserts.
 */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** What a rule reports as the fix of one finding: replacements applied together or not at all. */
export interface Autofix {
  applicability: Applicability;
  edits: readonly TextEdit[];
}

/** A finding's fix as it leaves the engine: each edit also carries the range it replaces. */
export interface FindingFix {
  applicability: Applicability;
  edits: (TextEdit & { range: SourceRange })[];
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** Path relative to the working directory, with forward slashes. */
  file: string;
  range: SourceRange;
  /** A short, specific hint on how to fix this occurrence. */
  fix?: string;
  /** The edits that fix this occurrence, when it can be fixed automatically (--fix). */
  autofix?: FindingFix;
  /**
   * Stable identity that survives edits elsewhere in the file: rule, file,
   * object and key path (or instruction text), not the line number.
   */
  fingerprint?: string;
  /** Other places that explain the finding (SARIF relatedLocations; a short mention in other formats). */
  related?: RelatedLocation[];
}

export function pointRange(line: number, column: number, length = 1): SourceRange {
  return { start: { line, column }, end: { line, column: column + Math.max(length, 1) } };
}

export function compareFindings(a: Finding, b: Finding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.column - b.range.start.column ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}
