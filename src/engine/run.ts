/**
 * A run, start to end: discovery, the run-wide facts (Compose build contexts,
 * kustomizations), then the phases of runner.ts on this thread, or shared out
 * to worker threads (parallel.ts) for large runs.
 */
import type { Worker } from 'node:worker_threads';
import { discover } from '../discover.js';
import { kustomizeFacts } from '../kustomize.js';
import type { EffectiveConfig } from '../config/index.js';
import type { AnyRule } from './rule.js';
import type { FileLimits } from './watchdog.js';
import type { RunFacts } from './run-facts.js';
import { debugClock, lintInParallel, PARALLEL_THRESHOLD, startWorkers, stopWorkers, workerCount } from './parallel.js';
import { lintSources, parseFiles, readSource, stdinSource, withBuildContexts } from './runner.js';
import type { RunResult, StdinInput } from './runner.js';

export interface RunInput {
  paths: readonly string[];
  cwd: string;
  config: EffectiveConfig;
  rules: readonly AnyRule[];
  /** Standard input (the path `-`): its text, or a file descriptor to read up to maxFileSizeMB from. */
  stdin?: StdinInput;
  /** Time and memory one file may take (defaults: DEFAULT_FILE_LIMITS). */
  limits?: FileLimits;
  /**
   * The worker-thread entry (src/lint-worker.ts), which rebuilds `rules` from
   * the config's catalogue. Without it the run stays on this thread.
   */
  workers?: URL;
}

/** Runs every enabled rule over the files the paths name; large runs use worker threads. */
export async function runLint(input: RunInput): Promise<RunResult> {
  const { cwd } = input;
  const config = input.config;
  const debug = debugClock('main');
  const paths = input.paths.filter((p) => p !== '-');
  // Worker threads rebuild the rule catalogue from the config: only a run whose rules are the catalogue's
  // (the caller names the worker entry) may use them; a hand-made rule set stays on this thread.
  const workerUrl = input.workers;
  const mayUseWorkers = !input.stdin && workerUrl !== undefined && workerCount(PARALLEL_THRESHOLD) > 1;
  // Once a run is large enough for worker threads, one starts loading while the rest of the files are found.
  const early: Worker[] = [];
  const onFile = mayUseWorkers
    ? (count: number) => count === PARALLEL_THRESHOLD && early.push(...startWorkers(1, config, workerUrl))
    : undefined;
  const discovery = paths.length
    ? discover(paths, { cwd, ignorePaths: config.ignorePaths, vendoredDirs: config.vendoredDirs, ignoreBase: config.baseDir, onFile })
    : { files: [], missing: [], notices: [], skipped: [] };
  const wanted = mayUseWorkers ? workerCount(discovery.files.length) : 1;
  const threads = wanted > 1 && workerUrl ? wanted : 1;
  // What the kustomizations of the run say about the other files: read once here, for every thread.
  const kustomize = kustomizeFacts(discovery.files);
  let facts: RunFacts = kustomize.patchFiles.length || Object.keys(kustomize.resources).length ? { kustomize } : {};
  debug(`found ${discovery.files.length} files; ${threads} thread(s)`);
  if (threads > 1) {
    try {
      // Threads see only their share of files: Compose build contexts are read here, for all of them.
      const composeFiles = parseFiles(discovery.files.filter((f) => f.kind === 'compose'), config, facts, []);
      facts = withBuildContexts(facts, composeFiles);
      const result = await lintInParallel(discovery.files, config, facts, input.rules, threads, workerUrl!, early);
      return { ...result, missingPaths: [...discovery.missing, ...result.missingPaths], notices: [...discovery.notices, ...runNotices(result.notices)], skipped: [...discovery.skipped, ...runNotices(result.skipped)] };
    } catch (err) {
      discovery.notices.push(`worker threads failed (${(err as Error).message}); linted on one thread instead`);
    }
  } else await stopWorkers(early);
  const sources = discovery.files.map((f) => readSource(f, config.maxFileSizeMB * 2 ** 20));
  if (input.stdin) sources.push(stdinSource(input.stdin, config.maxFileSizeMB * 2 ** 20));
  const result = lintSources({ sources, config, rules: input.rules, facts, limits: input.limits });
  debug('linted');
  const unreadable = sources.filter((s) => s.readFailed).map((s) => s.displayPath);
  return { ...result, missingPaths: [...discovery.missing, ...unreadable], notices: [...discovery.notices, ...runNotices(result.notices)], skipped: [...discovery.skipped, ...runNotices(result.skipped)] };
}

/** Notices of parsing and linting, once each, in an order that does not depend on how the work was split between threads. */
function runNotices(notices: readonly string[]): string[] {
  return [...new Set(notices)].sort();
}
