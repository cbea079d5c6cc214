#!/usr/bin/env node
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { lint, allRuleMetas, RULES } from './index.js';
import { ConfigError, describeConfig, loadConfig } from './engine/config.js';
import { ENGINE_RULES } from './engine/rule.js';
import { FORMAT_NAMES, loadFormatter } from './format/types.js';
import type { FormatName } from './format/types.js';
import { packageVersion } from './package-root.js';
import { SEVERITIES, SEVERITY_RANK } from './types.js';
import type { Severity } from './types.js';

const HELP = `Usage: genai-lint [paths...] [options]

Lints Dockerfiles and Kubernetes manifests of GenAI services.
Paths are files or directories (default: .).

Options:
  -f, --format <name>      Output format: ${FORMAT_NAMES.join(', ')} (default: stylish)
  -o, --output-file <f>    Write the report to a file instead of stdout
  -c, --config <f>         Config file (default: nearest .genai-lint.yaml upward)
      --fail-on <sev>      Lowest severity that fails the run: error, warning, info (default: error)
      --max-warnings <n>   Fail when there are more than n warnings
      --no-color           Plain output (also NO_COLOR=1); FORCE_COLOR=1 forces colour
  -q, --quiet              Report errors only
  -v, --verbose            Print notices (skipped files, internal error stacks) to stderr
      --list-rules         List every rule with its default severity and summary
      --print-config       Print the effective configuration and exit
  -V, --version            Print the version
  -h, --help               Print this help

Exit codes: 0 no findings at or above the fail threshold, 1 findings, 2 usage, config or internal error.
`;

/** Exit codes: what CI and pre-commit react to. */
export const EXIT = { clean: 0, findings: 1, error: 2 } as const;

class UsageError extends Error {}

function useColor(noColorFlag: boolean, toFile: boolean): boolean {
  if (noColorFlag || toFile) return false;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  const force = process.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return Boolean(process.stdout.isTTY);
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        'output-file': { type: 'string', short: 'o' },
        config: { type: 'string', short: 'c' },
        'fail-on': { type: 'string' },
        'max-warnings': { type: 'string' },
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
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(HELP);
    return EXIT.clean;
  }
  if (values.version) {
    process.stdout.write(packageVersion() + '\n');
    return EXIT.clean;
  }
  if (values['list-rules']) {
    for (const m of allRuleMetas()) process.stdout.write(`${m.id.padEnd(30)} ${m.severity.padEnd(8)} ${m.summary}\n`);
    return EXIT.clean;
  }
  const format = (values.format ?? 'stylish') as FormatName;
  if (!FORMAT_NAMES.includes(format)) throw new UsageError(`unknown format \`${values.format}\`; expected one of ${FORMAT_NAMES.join(', ')}`);
  const failOnFlag = values['fail-on'];
  if (failOnFlag !== undefined && !SEVERITIES.includes(failOnFlag as Severity)) {
    throw new UsageError(`--fail-on expects one of ${SEVERITIES.join(', ')}, got \`${failOnFlag}\``);
  }
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`--max-warnings expects a whole number, got \`${values['max-warnings']}\``);
  }
  const cwd = process.cwd();

  if (values['print-config']) {
    const cfg = await loadConfig({ cwd, configPath: values.config, rules: [...RULES.map((r) => r.meta), ...ENGINE_RULES] });
    process.stdout.write(JSON.stringify(describeConfig(cfg), null, 2) + '\n');
    return EXIT.clean;
  }

  const report = await lint({ paths: positionals, cwd, configPath: values.config });
  const failOn = (failOnFlag as Severity | undefined) ?? report.config.failOn;

  if (values.verbose) {
    for (const n of report.notices) process.stderr.write(`genai-lint: ${n}\n`);
    for (const e of report.internalErrors) process.stderr.write(`genai-lint: internal error in ${e.ruleId} on ${e.file}\n${e.stack ?? e.message}\n`);
  }
  for (const p of report.missingPaths) process.stderr.write(`genai-lint: no such file or directory: ${p}\n`);
  if (report.filesChecked === 0 && report.missingPaths.length === 0) {
    process.stderr.write('genai-lint: no Dockerfiles or YAML manifests found to lint\n');
  }

  const shown = values.quiet ? report.findings.filter((f) => f.severity === 'error') : report.findings;
  const formatter = await loadFormatter(format);
  const output = formatter({
    findings: shown,
    filesChecked: report.filesChecked,
    objectsChecked: report.objectsChecked,
    rules: allRuleMetas(),
    toolVersion: packageVersion(),
    color: useColor(Boolean(values['no-color']) && !values.color, Boolean(values['output-file'])),
  });
  if (values['output-file']) writeFileSync(values['output-file'], output);
  else process.stdout.write(output);

  if (report.missingPaths.length || report.internalErrors.length) return EXIT.error;
  const threshold = SEVERITY_RANK[failOn];
  const failing = report.findings.some((f) => SEVERITY_RANK[f.severity] >= threshold);
  const warnings = report.findings.filter((f) => f.severity === 'warning').length;
  if (failing || (maxWarnings !== undefined && warnings > maxWarnings)) return EXIT.findings;
  return EXIT.clean;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof UsageError) {
      process.stderr.write(`genai-lint: ${err.message}\nRun \`genai-lint --help\` for usage.\n`);
    } else if (err instanceof ConfigError) {
      process.stderr.write(`genai-lint: config error: ${err.message}\n`);
    } else {
      process.stderr.write(`genai-lint: internal error: ${(err as Error)?.stack ?? String(err)}\n`);
    }
    process.exitCode = EXIT.error;
  },
);
