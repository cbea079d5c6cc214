import { RULES, rulesFor } from './catalog.js';
import { loadConfig } from './config/index.js';
import type { EffectiveConfig } from './config/index.js';
import { ENGINE_RULES } from './engine/rule.js';
import type { RuleMeta } from './engine/rule.js';
import { runLint } from './engine/run.js';
import type { RunResult } from './engine/run-result.js';
import type { StdinInput } from './engine/sources.js';
import type { FormatInput } from './format/shared.js';
import type { Finding } from './types.js';
import { packageVersion } from './package-root.js';
import { redactResult } from './redact.js';

export type { Finding, Severity, SourceRange, Position } from './types.js';
export type { RuleMeta, AnyRule } from './engine/rule.js';
export type { EffectiveConfig } from './config/index.js';
export { ConfigError } from './config/index.js';
export { RULES };

export interface LintOptions {
  /** Files and directories; none means the working directory. */
  paths?: readonly string[];
  cwd?: string;
  /** Explicit config file; otherwise the nearest .genai-lint.yaml upward from cwd. */
  configPath?: string;
  /** Where the config stands in the repository, when configPath is a copy read from elsewhere. */
  configBaseDir?: string;
  /**
   * Standard input (linted when paths include `-` or are empty): its text,
   * or a file descriptor read up to maxFileSizeMB.
   */
  stdin?: StdinInput;
  /** Texts to lint in place of the files' contents on disk, by absolute path (used between fix passes). */
  texts?: ReadonlyMap<string, string>;
}

/** A run's result as it leaves the engine: every text already redacted, the secrets themselves dropped. */
export interface LintReport extends Omit<RunResult, 'secrets'> {
  config: EffectiveConfig;
}

/** Metadata of every rule id that can appear in output: built-in, engine and (given a config) custom policies. */
export function allRuleMetas(config?: EffectiveConfig): RuleMeta[] {
  return [...(config ? rulesFor(config) : RULES).map((r) => r.meta), ...ENGINE_RULES];
}

/** The worker-thread entry, beside this module (in dist/ and in the Action bundle alike). */
const WORKER_ENTRY = new URL('./lint-worker.js', import.meta.url);

/** Lints the given paths: the whole pipeline from discovery to sorted findings. */
export async function lint(options: LintOptions = {}): Promise<LintReport> {
  const cwd = options.cwd ?? process.cwd();
  const config = await loadConfig({ cwd, configPath: options.configPath, configBaseDir: options.configBaseDir, rules: [...RULES.map((r) => r.meta), ...ENGINE_RULES] });
  const paths = options.paths?.length ? options.paths : options.stdin ? ['-'] : ['.'];
  const { secrets, ...result } = await runLint({ paths, cwd, config, rules: rulesFor(config), stdin: options.stdin, workers: WORKER_ENTRY, texts: options.texts });
  // The one boundary every text passes before any format, baseline or summary sees it.
  return { ...redactResult(result, secrets), config };
}

/** What a formatter needs to render a report. */
export function formatInputFor(report: LintReport, cwd: string, options: { findings?: readonly Finding[] } = {}): FormatInput {
  return {
    findings: options.findings ?? report.findings,
    filesChecked: report.filesChecked,
    checkedFiles: report.checkedFiles,
    objectsChecked: report.objectsChecked,
    skipped: report.skipped.length,
    cwd,
    rules: allRuleMetas(report.config),
    toolVersion: packageVersion(),
  };
}
