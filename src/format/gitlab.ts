import type { Formatter } from './shared.js';
import { messageWithRelated } from './shared.js';
import { jsonSafe } from '../escape.js';

const SEVERITY = { error: 'major', warning: 'minor', info: 'info' } as const;

/** GitLab Code Quality report (artifacts:reports:codequality). */
export const formatGitlab: Formatter = (input) => {
  const issues = input.findings.map((f) => ({
    description: messageWithRelated(f),
    check_name: f.ruleId,
    fingerprint: f.fingerprint ?? `${f.ruleId}:${f.file}:${f.range.start.line}:${f.range.start.column}`,
    severity: SEVERITY[f.severity],
    location: { path: f.file, lines: { begin: f.range.start.line, end: f.range.end.line } },
  }));
  return jsonSafe(JSON.stringify(issues, null, 2)) + '\n';
};
