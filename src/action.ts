/**
 * The GitHub Action (action.yml runs src/github-action.ts): lints, annotates
 * the pull request with workflow commands, writes a job summary, an optional
 * SARIF file and the step outputs.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { CONFIG_FILE_NAMES, ConfigError } from './config/index.js';
import { readFileSafely } from './safe-read.js';
import { lint, formatInputFor } from './index.js';
import { formatGithub, repoPath } from './format/github.js';
import { NOT_READ } from './discover.js';
import { formatSarif } from './format/sarif.js';
import { countBySeverity, groupByFile, messageWithRelated } from './format/shared.js';
import { ruleDocsUrl } from './package-root.js';
import { markdownCell, markdownCode, markdownLinkTarget, workflowCommand } from './escape.js';
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
    const section = [`### ${markdownCode(repoPath(file, cwd))}`, '', '| Line | Severity | Rule | Message |', '| ---: | --- | --- | --- |', ''].join('\n');
    if (size + Buffer.byteLength(section) + reserve > limit) break;
    parts.push(section);
    size += Buffer.byteLength(section);
    for (const f of list) {
      const row = `| ${f.range.start.line}:${f.range.start.column} | ${ICON[f.severity]} | [${markdownCode(f.ruleId)}](${markdownLinkTarget(ruleDocsUrl(f.ruleId))}) | ${markdownCell(messageWithRelated(f))} |\n`;
      if (size + Buffer.byteLength(row) + reserve > limit) break outer;
      parts.push(row);
      size += Buffer.byteLength(row);
      shown++;
    }
    parts.push('\n');
    size += 1;
  }
  if (shown < findings.length) {
    const where = sarifFile ? `the SARIF file ${markdownCode(sarifFile)} and the step log` : 'the step log';
    parts.push(`\n_${findings.length - shown} more finding${findings.length - shown === 1 ? ' is' : 's are'} not shown (the summary is limited to 1 MiB); see ${where}._\n`);
  }
  return parts.join('');
}

/** The commit a pull request merges into: `pull_request.base.sha` of the event GitHub describes in GITHUB_EVENT_PATH. */
export function baseCommit(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (!env.GITHUB_EVENT_PATH) return undefined;
  const r = readFileSafely(env.GITHUB_EVENT_PATH, 64 * 2 ** 20);
  if (!r.ok) return undefined;
  try {
    const sha = (JSON.parse(r.bytes.toString('utf8')) as { pull_request?: { base?: { sha?: unknown } } }).pull_request?.base?.sha;
    return typeof sha === 'string' && /^[0-9a-f]{40,64}$/.test(sha) ? sha : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The config as it is on the base commit, written to a temporary file outside
 * the checkout, so a pull request cannot loosen the rules it is checked by.
 * Read with `git cat-file` (a blob, no filters, nothing of the repository run).
 * No config on the base commit: an empty one, never the pull request's.
 */
export function configFromBase(cwd: string, sha: string, configInput: string | undefined, env: NodeJS.ProcessEnv = process.env): { file: string; baseDir: string } {
  const candidates = configInput ? [configInput] : [...CONFIG_FILE_NAMES];
  const dir = mkdtempSync(join(env.RUNNER_TEMP || tmpdir(), 'genai-lint-base-config-'));
  for (const candidate of candidates) {
    const rel = relative(cwd, resolve(cwd, candidate)).split(sep).join('/');
    if (rel.startsWith('../') || rel === '..') throw new ConfigError(`config ${candidate} is outside the repository`);
    let text: Buffer;
    try {
      text = execFileSync('git', ['-C', cwd, 'cat-file', 'blob', `${sha}:${rel}`], { stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 5 * 2 ** 20 });
    } catch {
      continue;
    }
    const file = join(dir, rel);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    return { file, baseDir: resolve(cwd, dirname(rel)) };
  }
  const empty = join(dir, CONFIG_FILE_NAMES[0]);
  writeFileSync(empty, '{}\n');
  return { file: empty, baseDir: cwd };
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
  let configPath = input('config') || undefined;
  let configBaseDir: string | undefined;
  if (bool(input('config-from-base'), false)) {
    const sha = input('base-sha') || baseCommit();
    if (sha) {
      ({ file: configPath, baseDir: configBaseDir } = configFromBase(cwd, sha, configPath));
      process.stdout.write(`genai-lint: config read from the base commit ${sha.slice(0, 12)}\n`);
    } else {
      process.stdout.write('genai-lint: config-from-base is set but this is not a pull request; the checked-out config is used\n');
    }
  }
  const failOnInput = input('fail-on');
  if (failOnInput && !SEVERITIES.includes(failOnInput as Severity)) {
    process.stdout.write(`${workflowCommand('error', 'genai-lint', `fail-on must be one of ${SEVERITIES.join(', ')}, got ${failOnInput}`)}\n`);
    return 2;
  }
  const sarifInput = input('sarif-file');
  const sarifFile = sarifInput ? (isAbsolute(sarifInput) ? sarifInput : resolve(cwd, sarifInput)) : undefined;
  const annotations = bool(input('annotations'), true);
  const summary = bool(input('summary'), true);

  const report = await lint({ paths: paths.length ? paths : ['.'], cwd, configPath, configBaseDir });
  const formatInput = formatInputFor(report, cwd);
  if (annotations) process.stdout.write(formatGithub(formatInput));
  if (sarifFile) {
    mkdirSync(dirname(sarifFile), { recursive: true });
    writeFileSync(sarifFile, formatSarif(formatInput));
  }
  if (summary && process.env.GITHUB_STEP_SUMMARY) {
    appendFileSync(process.env.GITHUB_STEP_SUMMARY, renderSummary(report.findings, report.filesChecked, cwd, sarifInput || undefined));
  }
  for (const n of report.notices) if (n.startsWith(NOT_READ)) process.stdout.write(`${workflowCommand('warning', 'genai-lint', n)}\n`);
  for (const p of report.missingPaths) process.stdout.write(`${workflowCommand('error', 'genai-lint', `no such file or directory: ${p}`)}\n`);
  for (const e of report.internalErrors) process.stdout.write(`${workflowCommand('error', 'genai-lint internal error', `${e.ruleId} failed on ${e.file}: ${e.message}`)}\n`);
  const { errors, warnings } = countBySeverity(report.findings);
  setOutputs({ findings: report.findings.length, errors, warnings, 'sarif-file': sarifInput });

  if (report.missingPaths.length || report.internalErrors.length) return 2;
  const threshold = SEVERITY_RANK[(failOnInput as Severity) || report.config.failOn];
  return report.findings.some((f) => SEVERITY_RANK[f.severity] >= threshold) ? 1 : 0;
}
