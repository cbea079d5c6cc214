#!/usr/bin/env node
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { lint, allRuleMetas, formatInputFor, RULES } from './index.js';
import type { LintReport } from './index.js';
import { ConfigError, describeConfig, loadConfig } from './config/index.js';
import { ENGINE_RULES } from './engine/rule.js';
import { FORMAT_NAMES, loadFormatter } from './format/index.js';
import type { FormatName } from './format/index.js';
import { BaselineError, filterBaseline, readBaseline, writeBaseline } from './baseline.js';
import { packageVersion } from './package-root.js';
import { NOT_READ } from './discover.js';
import { limitHeapGrowth } from './heap.js';
import { jsonSafe, visible, visibleLines } from './escape.js';
import { Redactor } from './redact.js';
import { SEVERITIES, SEVERITY_RANK } from './types.js';
import { lintAndFix } from './fix/loop.js';
import type { FixedFile, FixOutcome } from './fix/loop.js';
import { unifiedDiff } from './fix/diff.js';
import { readFileSafely } from './safe-read.js';
import { decodeText } from './text.js';
import type { Finding, Severity } from './types.js';

const HELP = `Usage: genai-lint [paths...] [options]
       helm template ./chart | genai-lint -

Lints Dockerfiles and Kubernetes manifests of GenAI services.
Paths are files or directories (default: .); - reads standard input.

Options:
  -f, --format <name>      Output format: ${FORMAT_NAMES.join(', ')} (default: stylish).
                           Repeatable: each --output-file after a --format belongs to it.
  -o, --output-file <f>    Write the report of the preceding --format to a file
      --sarif-file <f>     Also write SARIF to a file (same as --format sarif --output-file f)
  -c, --config <f>         Config file (default: nearest .genai-lint.yaml upward)
      --fail-on <sev>      Lowest severity that fails the run: error, warning, info (default: error)
      --max-warnings <n>   Fail when there are more than n warnings
      --stdin-filename <n> Name (and so kind: Dockerfile or YAML) of the input read from -
      --baseline <f>       Hide findings recorded in this baseline file
      --update-baseline    Write the current findings to the --baseline file and exit 0
      --fix                Apply safe fixes to the files, then report what is left
      --diff               Print a unified diff of what --fix would change; change nothing
      --unsafe-fixes       With --fix or --diff: also apply fixes that change behaviour
      --no-color           Plain output (also NO_COLOR=1); FORCE_COLOR=1 forces colour
  -q, --quiet              Report errors only
  -v, --verbose            Print notices (skipped files, internal error stacks) to stderr
      --list-rules         List every rule with its severity, preset and summary
      --print-config       Print the effective configuration and exit
  -V, --version            Print the version
  -h, --help               Print this help

Exit codes: 0 no findings at or above the fail threshold, 1 findings, 2 usage, config or internal error.
With --fix the code is computed on the findings left; with --diff it is 1 when there is something to fix.
`;

/** Exit codes: what CI and pre-commit react to. */
export const EXIT = { clean: 0, findings: 1, error: 2 } as const;

class UsageError extends Error {}

interface OutputTarget {
  format: FormatName;
  /** undefined: standard output. */
  file: string | undefined;
}

function useColor(noColorFlag: boolean, toFile: boolean): boolean {
  if (noColorFlag || toFile) return false;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  const force = process.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return Boolean(process.stdout.isTTY);
}

function checkFormat(name: string): FormatName {
  if (!FORMAT_NAMES.includes(name as FormatName)) throw new UsageError(`unknown format \`${name}\`; expected one of ${FORMAT_NAMES.join(', ')}`);
  return name as FormatName;
}

/**
 * Pairs each --output-file with the --format before it (an --output-file
 * before any --format belongs to the default stylish report); a format
 * without a file goes to stdout. --sarif-file adds a SARIF report.
 */
function outputTargets(tokens: readonly { kind: string; name?: string; value?: string }[]): OutputTarget[] {
  const targets: OutputTarget[] = [];
  let sarifFile: string | undefined;
  for (const t of tokens) {
    if (t.kind !== 'option') continue;
    if (t.name === 'format') targets.push({ format: checkFormat(t.value ?? ''), file: undefined });
    else if (t.name === 'sarif-file') sarifFile = t.value;
    else if (t.name === 'output-file') {
      if (!targets.length) targets.push({ format: 'stylish', file: undefined });
      const last = targets[targets.length - 1];
      if (last.file !== undefined) throw new UsageError(`--output-file ${t.value} has no --format of its own before it`);
      last.file = t.value;
    }
  }
  if (!targets.length) targets.push({ format: 'stylish', file: undefined });
  if (sarifFile) targets.push({ format: 'sarif', file: sarifFile });
  if (targets.filter((t) => t.file === undefined).length > 1) {
    throw new UsageError('only one --format can write to standard output; give the others an --output-file');
  }
  return targets;
}

/** Writes a report file, creating its directory (`-o reports/lint.sarif` in a fresh checkout). */
function writeReport(file: string, output: string): void {
  try {
    mkdirSync(dirname(resolve(file)), { recursive: true });
    writeFileSync(file, output);
  } catch (err) {
    throw new UsageError(`cannot write ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : /(s|x|sh|ch)$/.test(word) ? 'es' : 's'}`;
}

/** The summary line of --fix and --diff: what was (or would be) fixed, and what is fixable only with --unsafe-fixes. */
function fixSummary(outcome: FixOutcome, dryRun: boolean): string {
  const files = outcome.files.length;
  const parts = [
    dryRun ? `${plural(outcome.fixed, 'fix')} would apply to ${plural(files, 'file')}` : `${outcome.fixed} fixed${files ? ` in ${plural(files, 'file')}` : ''}`,
  ];
  if (outcome.unsafeLeft) parts.push(`${outcome.unsafeLeft} more fixable with --unsafe-fixes`);
  if (outcome.fixableLeft) parts.push(`${outcome.fixableLeft} not fixed after ${outcome.passes} passes`);
  return parts.join(', ');
}

/**
 * Writes a fixed file in place, keeping its byte order mark; a file that
 * changed on disk since it was read is left alone.
 */
function writeFixed(file: FixedFile): void {
  const read = readFileSafely(file.absPath, Number.MAX_SAFE_INTEGER);
  const decoded = read.ok ? decodeText(read.bytes) : undefined;
  if (!read.ok || !decoded || decoded.problem || decoded.text !== file.before) {
    process.stderr.write(`genai-lint: ${visible(file.display)} changed while it was being fixed; not written\n`);
    return;
  }
  const bom = read.bytes[0] === 0xef && read.bytes[1] === 0xbb && read.bytes[2] === 0xbf ? '\ufeff' : '';
  try {
    writeFileSync(file.absPath, bom + file.after);
  } catch (err) {
    throw new UsageError(`cannot write ${file.display}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      tokens: true,
      options: {
        format: { type: 'string', short: 'f', multiple: true },
        'output-file': { type: 'string', short: 'o', multiple: true },
        'sarif-file': { type: 'string' },
        config: { type: 'string', short: 'c' },
        'fail-on': { type: 'string' },
        'max-warnings': { type: 'string' },
        'stdin-filename': { type: 'string' },
        baseline: { type: 'string' },
        'update-baseline': { type: 'boolean' },
        fix: { type: 'boolean' },
        diff: { type: 'boolean' },
        'unsafe-fixes': { type: 'boolean' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        quiet: { type: 'boolean', short: 'q' },
        verbose: { type: 'boolean', short: 'v' },
        'list-rules': { type: 'boolean' },
        'print-config': { type: 'boolean' },
        version: { type: 'boolean', short: 'V' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values, positionals, tokens } = parsed;
  if (values.help) {
    process.stdout.write(HELP);
    return EXIT.clean;
  }
  if (values.version) {
    process.stdout.write(packageVersion() + '\n');
    return EXIT.clean;
  }
  if (values['list-rules']) {
    for (const m of allRuleMetas()) process.stdout.write(`${m.id.padEnd(34)} ${m.severity.padEnd(8)} ${(m.preset ?? 'recommended').padEnd(11)} ${m.summary}\n`);
    return EXIT.clean;
  }
  const targets = outputTargets(tokens ?? []);
  const failOnFlag = values['fail-on'];
  if (failOnFlag !== undefined && !SEVERITIES.includes(failOnFlag as Severity)) {
    throw new UsageError(`--fail-on expects one of ${SEVERITIES.join(', ')}, got \`${failOnFlag}\``);
  }
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`--max-warnings expects a whole number, got \`${values['max-warnings']}\``);
  }
  if (values['update-baseline'] && !values.baseline) throw new UsageError('--update-baseline needs --baseline <file>');
  if (values.fix && values.diff) throw new UsageError('--fix and --diff exclude each other: --diff shows what --fix would change');
  if (values['unsafe-fixes'] && !values.fix && !values.diff) throw new UsageError('--unsafe-fixes needs --fix or --diff');
  if ((values.fix || values.diff) && values['update-baseline']) throw new UsageError(`--${values.fix ? 'fix' : 'diff'} cannot be combined with --update-baseline`);
  if (values.diff && tokens?.some((t) => t.kind === 'option' && ['format', 'output-file', 'sarif-file'].includes(t.name))) {
    throw new UsageError('--diff prints a diff, not a report: drop --format, --output-file and --sarif-file');
  }
  const cwd = process.cwd();

  if (values['print-config']) {
    const cfg = await loadConfig({ cwd, configPath: values.config, rules: [...RULES.map((r) => r.meta), ...ENGINE_RULES] });
    process.stdout.write(jsonSafe(JSON.stringify(describeConfig(cfg), null, 2)) + '\n');
    return EXIT.clean;
  }

  const wantsStdin = positionals.includes('-');
  const lintOptions = {
    paths: positionals,
    cwd,
    configPath: values.config,
    stdin: wantsStdin ? { fd: 0, filename: values['stdin-filename'] } : undefined,
  };
  const baseline = values.baseline && !values['update-baseline'] ? readBaseline(values.baseline) : undefined;
  let report: LintReport;
  let fixed: FixOutcome | undefined;
  if (values.fix || values.diff) {
    fixed = await lintAndFix(lintOptions, {
      unsafe: Boolean(values['unsafe-fixes']),
      select: baseline ? (f) => filterBaseline(f, baseline).kept : undefined,
      stdinName: wantsStdin ? (values['stdin-filename'] ?? '<stdin>') : undefined,
    });
    report = fixed.report;
  } else {
    report = await lint(lintOptions);
  }
  const failOn = (failOnFlag as Severity | undefined) ?? report.config.failOn;

  // Files in the tree that were not read (outside the root, not regular files) are said whatever the verbosity.
  for (const n of report.notices) if (values.verbose || n.startsWith(NOT_READ)) process.stderr.write(`genai-lint: ${visible(n)}\n`);
  if (values.verbose) {
    for (const e of report.internalErrors) process.stderr.write(`genai-lint: internal error in ${visible(e.ruleId)} on ${visible(e.file)}\n${visibleLines(e.stack ?? e.message)}\n`);
  }
  // Skips that can hide findings are printed whatever the verbosity.
  for (const s of report.skipped) process.stderr.write(`genai-lint: ${visible(s)}\n`);
  for (const p of report.missingPaths) process.stderr.write(`genai-lint: no such file or directory: ${visible(p)}\n`);
  if (report.filesChecked === 0 && report.missingPaths.length === 0) {
    process.stderr.write('genai-lint: no Dockerfiles or YAML manifests found to lint\n');
  }

  if (values['update-baseline']) {
    writeBaseline(values.baseline!, report.findings);
    process.stderr.write(`genai-lint: wrote ${report.findings.length} finding${report.findings.length === 1 ? '' : 's'} to ${visible(values.baseline!)}\n`);
    return report.missingPaths.length || report.internalErrors.length ? EXIT.error : EXIT.clean;
  }

  if (fixed) {
    for (const file of fixed.reverted) process.stderr.write(`genai-lint: ${visible(file)} not fixed: the fixed text did not parse\n`);
    if (wantsStdin && fixed.report.findings.some((f) => f.autofix && f.file === (values['stdin-filename'] ?? '<stdin>'))) {
      process.stderr.write('genai-lint: standard input is not fixed; fix the file itself\n');
    }
  }
  if (fixed && values.diff) {
    for (const file of fixed.files) process.stdout.write(unifiedDiff(file.display, file.before, file.after));
    process.stderr.write(`genai-lint: ${fixSummary(fixed, true)}\n`);
    if (report.missingPaths.length || report.internalErrors.length) return EXIT.error;
    return fixed.files.length ? EXIT.findings : EXIT.clean;
  }
  if (fixed) {
    for (const file of fixed.files) writeFixed(file);
    process.stderr.write(`genai-lint: ${fixSummary(fixed, false)}\n`);
  }

  let findings: Finding[] = report.findings;
  if (baseline) {
    const { kept, hidden } = filterBaseline(findings, baseline);
    findings = kept;
    if (values.verbose && hidden) process.stderr.write(`genai-lint: ${hidden} finding${hidden === 1 ? '' : 's'} hidden by the baseline ${values.baseline}\n`);
  }

  const shown = values.quiet ? findings.filter((f) => f.severity === 'error') : findings;
  for (const target of targets) {
    // A run that fails for a missing path says so on stderr; a terminal report would only add "no problems".
    if (target.format === 'stylish' && target.file === undefined && report.missingPaths.length && !shown.length) continue;
    const color = useColor(Boolean(values['no-color']) && !values.color, target.file !== undefined);
    const formatter = await loadFormatter(target.format, color);
    const output = formatter(formatInputFor(report, cwd, { findings: shown }));
    if (target.file) writeReport(target.file, output);
    else process.stdout.write(output);
  }

  if (report.missingPaths.length || report.internalErrors.length) return EXIT.error;
  const threshold = SEVERITY_RANK[failOn];
  const failing = findings.some((f) => SEVERITY_RANK[f.severity] >= threshold);
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    process.stderr.write(`genai-lint: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${maxWarnings} allows\n`);
    return EXIT.findings;
  }
  return failing ? EXIT.findings : EXIT.clean;
}

// A reader that goes away (`genai-lint | head`) ends the run quietly, as other command-line tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.clean);
    throw err;
  });
}

limitHeapGrowth();
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    // For the benchmark: peak resident memory of the whole run.
    if (process.env.GENAI_LINT_REPORT_RSS) process.stderr.write(`peak-rss-kb=${process.resourceUsage().maxRSS}\n`);
  },
  (err: unknown) => {
    // Error texts can quote file content (a config value, a path): masked and made visible like every other output.
    const safe = (text: string) => visibleLines(new Redactor().text(text));
    if (err instanceof UsageError) {
      process.stderr.write(`genai-lint: ${safe(err.message)}\nRun \`genai-lint --help\` for usage.\n`);
    } else if (err instanceof ConfigError) {
      process.stderr.write(`genai-lint: config error: ${safe(err.message)}\n`);
    } else if (err instanceof BaselineError) {
      process.stderr.write(`genai-lint: baseline error: ${safe(err.message)}\n`);
    } else {
      process.stderr.write(`genai-lint: internal error: ${safe((err as Error)?.stack ?? String(err))}\n`);
    }
    process.exitCode = EXIT.error;
  },
);
