import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Finding } from '../types.js';
import type { Formatter } from './shared.js';
import { messageWithRelated } from './shared.js';
import { escapeData, escapeProperty, githubLogLine, visible, workflowCommand } from '../escape.js';

export { escapeData, escapeProperty };

/** GitHub shows at most this many annotations of each type per step. */
export const ANNOTATIONS_PER_TYPE = 10;

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** A path relative to the repository root (GITHUB_WORKSPACE when set). */
export function repoPath(file: string, cwd: string, workspace = process.env.GITHUB_WORKSPACE): string {
  if (!workspace) return file;
  const abs = isAbsolute(file) ? file : resolve(cwd, file);
  const rel = relative(workspace, abs);
  return rel.startsWith('..') ? file : rel.split(sep).join('/');
}

function command(f: Finding, cwd: string): string {
  const props = [
    `file=${escapeProperty(visible(repoPath(f.file, cwd)))}`,
    `line=${f.range.start.line}`,
    `endLine=${f.range.end.line}`,
    `col=${f.range.start.column}`,
    `endColumn=${f.range.end.column}`,
    `title=${escapeProperty(visible(f.ruleId))}`,
  ];
  return `::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(visible(f.fix ? `${messageWithRelated(f)}. Fix: ${f.fix}` : messageWithRelated(f)))}`;
}

/**
 * GitHub workflow commands, one annotation per finding: errors first, then
 * warnings, then notices. GitHub drops annotations past ten of a type, so
 * those are printed as plain log lines and a last notice says how many.
 */
export const formatGithub: Formatter = (input) => {
  const bySeverity = {
    error: input.findings.filter((f) => f.severity === 'error'),
    warning: input.findings.filter((f) => f.severity === 'warning'),
    info: input.findings.filter((f) => f.severity === 'info'),
  };
  const truncated = Object.values(bySeverity).some((list) => list.length > ANNOTATIONS_PER_TYPE);
  const lines: string[] = [];
  const overflow: Finding[] = [];
  for (const sev of ['error', 'warning', 'info'] as const) {
    // Keep one notice slot for the closing summary.
    const room = sev === 'info' && truncated ? ANNOTATIONS_PER_TYPE - 1 : ANNOTATIONS_PER_TYPE;
    bySeverity[sev].forEach((f, i) => {
      if (i < room) lines.push(command(f, input.cwd));
      else overflow.push(f);
    });
  }
  for (const f of overflow) {
    lines.push(githubLogLine(`${repoPath(f.file, input.cwd)}:${f.range.start.line}:${f.range.start.column}: ${f.severity}: ${messageWithRelated(f)} [${f.ruleId}]`));
  }
  if (overflow.length) {
    lines.push(
      workflowCommand('notice', 'genai-lint', `${overflow.length} more finding${overflow.length > 1 ? 's were' : ' was'} not annotated (GitHub shows ${ANNOTATIONS_PER_TYPE} per type); the full list is in the job summary, the SARIF file if one was written, and this log`),
    );
  }
  return lines.length ? lines.join('\n') + '\n' : '';
};
