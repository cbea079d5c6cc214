/**
 * The GitHub Action (action.yml runs src/github-action.ts): lints, annotates
 * the pull request with workflow commands, writes a job summary, an optional
 * SARIF file and the step outputs.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { lint, formatInputFor } from './index.js';
import { escapeData, formatGithub, repoPath } from './format/github.js';
import { NOT_READ } from './discover.js';
import { formatSarif } from './format/sarif.js';
import { countBySeverity, groupByFile } from './format/types.js';
import { ruleDocsUrl } from './package-root.js';
import { SEVERITIES, SEVERITY_RANK } from './types.js';
import type { Finding, Severity } from './types.js';

/** GitHub refuses job summaries over 1 MiB; stay clearly below. */
export const SUMMARY_LIMIT_BYTES = 1000 * 1000;

/** An action input: INPUT_<NAME> as GitHub sets it for JavaScript actions, or with underscores. */
export function input(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const upper = name.toUpperCase();
  return (env[`INPUT_${upper}`] ?? env[`INPUT_${upper.replace(/-/g, '_')}`] ?? '').trim();
}

function bool(value: string, fallback: boolean): boolean {
  if (!value) return fallback;
  return /^(true|yes|1|on)$/i.test(value);
}

function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const ICON: Record<Severity, string> = { error: '🔴 error', warning: '🟡 warning', info: '🔵 info' };

/** The job summary: counts by severity and a table of findings per file, cut to GitHub's size limit. */
export function renderSummary(findings: readonly Finding[], filesChecked: number, cwd: string, sarifFile: string | undefined, limit = SUMMARY_LIMIT_BYTES): string {
  const { errors, warnings, infos } = countBySeverity(findings);
  const head = [
    '## genai-lint',
    '',
    findings.length
      ? `**${findings.length} finding${findings.length === 1 ? '' : 's'}** in ${filesChecked} file${filesChecked === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} info.`
      : `No findings in ${filesChecked} file${filesChecked === 1 ? '' : 's'} checked.`,
    '',
    '| Severity | Count |',
    '| --- | ---: |',
    `| ${ICON.error} | ${errors} |`,
    `| ${ICON.warning} | ${warnings} |`,
    `| ${ICON.info} | ${infos} |`,
    '',
  ].join('\n');
  const parts: string[] = [head];
  let size = Buffer.byteLength(head);
  let shown = 0;
  const reserve = 600;
  outer: for (const [file, list] of groupByFile(findings)) {
    const section = [`### \`${cell(repoPath(file, cwd))}\``, '', '| Line | Severity | Rule | Message |', '| ---: | --- | --- | --- |', ''].join('\n');
    if (size + Buffer.byteLength(section) + reserve > limit) break;
    parts.push(section);
    size += Buffer.byteLength(section);
    for (const f of list) {
      const row = `| ${f.range.start.line}:${f.range.start.column} | ${ICON[f.severity]} | [\`${f.ruleId}\`](${ruleDocsUrl(f.ruleId)}) | ${cell(f.message)} |\n`;
      if (size + Buffer.byteLength(row) + reserve > limit) break outer;
      parts.push(row);
      size += Buffer.byteLength(row);
      shown++;
    }
    parts.push('\n');
    size += 1;
  }
  if (shown < findings.length) {
    const where = sarifFile ? `the SARIF file \`${sarifFile}\` and the step log` : 'the step log';
    parts.push(`\n_${findings.length - shown} more finding${findings.length - shown === 1 ? ' is' : 's are'} not shown (the summary is limited to 1 MiB); see ${where}._\n`);
  }
  return parts.join('');
}

function setOutputs(outputs: Record<string, string | number>): void {
  const file = process.env.GITHUB_OUTPUT;
  const lines = Object.entries(outputs).map(([k, v]) => `${k}=${String(v).replace(/\r?\n/g, ' ')}`);
  if (file) appendFileSync(file, lines.join('\n') + '\n');
  else for (const l of lines) process.stdout.write(`${l}\n`);
}

export async function runAction(): Promise<number> {
  const cwd = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const paths = input('paths').split(/[\s,]+/).filter(Boolean);
  const configPath = input('config') || undefined;
  const failOnInput = input('fail-on');
  if (failOnInput && !SEVERITIES.includes(failOnInput as Severity)) {
    process.stdout.write(`::error title=genai-lint::fail-on must be one of ${SEVERITIES.join(', ')}, got ${failOnInput}\n`);
    return 2;
  }
  const sarifInput = input('sarif-file');
  const sarifFile = sarifInput ? (isAbsolute(sarifInput) ? sarifInput : resolve(cwd, sarifInput)) : undefined;
  const annotations = bool(input('annotations'), true);
  const summary = bool(input('summary'), true);

  const report = await lint({ paths: paths.length ? paths : ['.'], cwd, configPath });
  const formatInput = formatInputFor(report, cwd);
  if (annotations) process.stdout.write(formatGithub(formatInput));
  if (sarifFile) writeFileSync(sarifFile, formatSarif(formatInput));
  if (summary && process.env.GITHUB_STEP_SUMMARY) {
    appendFileSync(process.env.GITHUB_STEP_SUMMARY, renderSummary(report.findings, report.filesChecked, cwd, sarifInput || undefined));
  }
  for (const n of report.notices) if (n.startsWith(NOT_READ)) process.stdout.write(`::warning title=genai-lint::${escapeData(n)}\n`);
  for (const p of report.missingPaths) process.stdout.write(`::error title=genai-lint::no such file or directory: ${p}\n`);
  for (const e of report.internalErrors) process.stdout.write(`::error title=genai-lint internal error::${e.ruleId} failed on ${e.file}: ${e.message}\n`);
  const { errors, warnings } = countBySeverity(report.findings);
  setOutputs({ findings: report.findings.length, errors, warnings, 'sarif-file': sarifInput });

  if (report.missingPaths.length || report.internalErrors.length) return 2;
  const threshold = SEVERITY_RANK[(failOnInput as Severity) || report.config.failOn];
  return report.findings.some((f) => SEVERITY_RANK[f.severity] >= threshold) ? 1 : 0;
}
