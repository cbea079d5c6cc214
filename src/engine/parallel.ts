import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DiscoveredFile } from '../discover.js';
import type { Finding } from '../types.js';
import { compareFindings } from '../types.js';
import type { EffectiveConfig, RuleSetting } from '../config/index.js';
import type { RunFacts } from './run-facts.js';
import type { AnyRule } from './rule.js';
import type { RunResult } from './run-result.js';
import { Share } from './share.js';
import type { ObjectSummary, ShareResult, SharedJobs } from './share.js';

/**
 * Runs with fewer files than this stay on one thread. Measured on a 2-vCPU VM
 * (docs/performance.md): two threads were slower than one at 250 and 1,000
 * files (each thread compiles the same code, and the cores slow each other
 * down on allocation-heavy work) and faster from about 2,500 files on.
 */
export const PARALLEL_THRESHOLD = 2000;

/** How many threads (the main one included) a run of `fileCount` files uses. GENAI_LINT_WORKERS overrides. */
export function workerCount(fileCount: number): number {
  const forced = Number(process.env.GENAI_LINT_WORKERS);
  if (Number.isInteger(forced) && forced >= 1) return fileCount >= 2 ? Math.min(forced, fileCount) : 1;
  if (fileCount < PARALLEL_THRESHOLD) return 1;
  return Math.max(1, Math.min(availableParallelism(), 8));
}

export interface WorkerInput {
  config: SerializedConfig;
  /** performance.timeOrigin of the main thread, for debug timings on one clock. */
  timeOrigin: number;
}

/** Messages to a worker: its jobs, then the objects of each other thread (one message per thread). */
export type ToWorker = { type: 'jobs'; jobs: SharedJobs; facts: RunFacts; threads: number } | { type: 'objects'; objects: ObjectSummary[] };

export type SerializedConfig = Omit<EffectiveConfig, 'rules'> & { rules: [string, RuleSetting][] };

export type WorkerMessage = { type: 'objects'; objects: ObjectSummary[] } | { type: 'result'; result: ShareResult };

export function serializeConfig(config: EffectiveConfig): SerializedConfig {
  return { ...config, rules: [...config.rules.entries()] };
}

export function deserializeConfig(config: SerializedConfig): EffectiveConfig {
  return { ...config, rules: new Map(config.rules) };
}

/**
 * GENAI_LINT_DEBUG=1: when each thread reaches each step (ms since the run's
 * process started), with the process's resident memory and this thread's heap
 * (after a full collection when node runs with --expose-gc).
 */
export function debugClock(thread: string, timeOrigin = performance.timeOrigin): (what: string) => void {
  if (!process.env.GENAI_LINT_DEBUG) return () => {};
  return (what) => {
    (globalThis as { gc?: () => void }).gc?.();
    const ms = Math.round(performance.timeOrigin + performance.now() - timeOrigin);
    const mb = (n: number) => Math.round(n / 2 ** 20);
    process.stderr.write(`[genai-lint ${thread}] ${what} at ${ms} ms (rss ${mb(process.memoryUsage.rss())} MB, heap ${mb(process.memoryUsage().heapUsed)} MB)\n`);
  };
}

/** Merges the threads' results in run order: the same result a one-thread run gives. */
export function mergeShares(results: readonly ShareResult[]): RunResult {
  const findings: Finding[] = results.flatMap((r) => r.findings).sort(compareFindings);
  const checked = results.flatMap((r) => r.checked).sort((a, b) => a.index - b.index);
  const internalErrors = results.flatMap((r) => r.internalErrors).sort((a, b) => a.index - b.index);
  const unreadable = results.flatMap((r) => r.unreadable).sort((a, b) => a.index - b.index);
  return {
    findings,
    filesChecked: checked.length,
    checkedFiles: checked.map((c) => c.file),
    objectsChecked: results.reduce((n, r) => n + r.objectsChecked, 0),
    missingPaths: unreadable.map((u) => u.file),
    notices: results.flatMap((r) => r.notices),
    skipped: results.flatMap((r) => r.skipped),
    internalErrors: internalErrors.map((e) => e.error),
    secrets: results.flatMap((r) => r.secrets),
  };
}

/** Starts `count` lint workers from the worker entry at `url`; they load the linter while this thread finds the files. */
export function startWorkers(count: number, config: EffectiveConfig, url: URL): Worker[] {
  const input: WorkerInput = { config: serializeConfig(config), timeOrigin: performance.timeOrigin };
  return Array.from({ length: count }, () => {
    const w = new Worker(url, { workerData: input });
    // A worker that fails before a run listens to it is reported by that run (or was not needed).
    w.on('error', () => {});
    return w;
  });
}

/** Stops workers a run did not need. */
export async function stopWorkers(workers: readonly Worker[]): Promise<void> {
  await Promise.all(workers.map((w) => w.terminate()));
}

/**
 * Lints files on `threads` threads: this one and `threads - 1` workers, all
 * running a Share of the same job list (see share.ts). This thread starts
 * parsing at once, while the workers load; the threads then exchange the
 * objects that cross-file rules look up, lint, and the results are merged in
 * run order.
 */
export async function lintInParallel(
  files: readonly DiscoveredFile[],
  config: EffectiveConfig,
  facts: RunFacts,
  rules: readonly AnyRule[],
  threads: number,
  workerUrl: URL,
  started: readonly Worker[] = [],
): Promise<RunResult> {
  const debug = debugClock('main');
  const jobs = Share.jobsFor(files);
  const workers = [...started.slice(0, threads - 1), ...startWorkers(Math.max(0, threads - 1 - started.length), config, workerUrl)];
  for (const w of started.slice(threads - 1)) void w.terminate();
  const finished = new Set<Worker>();
  const failure = new Promise<never>((_, reject) => {
    for (const w of workers) {
      w.once('error', reject);
      w.once('exit', (code) => finished.has(w) || reject(new Error(`lint worker exited with code ${code} before it finished`)));
    }
  });
  failure.catch(() => {});
  const next = (w: Worker) =>
    new Promise<WorkerMessage>((resolve) =>
      w.once('message', (m: WorkerMessage) => {
        if (m.type === 'result') finished.add(w);
        resolve(m);
      }),
    );
  try {
    const fromWorkers = workers.map(next);
    for (const w of workers) w.postMessage({ type: 'jobs', jobs, facts, threads } satisfies ToWorker);
    const share = new Share(jobs, config, facts, rules);
    share.parse();
    debug('parsed its share');
    // Every thread needs the objects of every other: this thread's go out at once, each
    // worker's are passed on to the other workers as they arrive.
    const mine = share.summaries();
    for (const w of workers) w.postMessage({ type: 'objects', objects: mine } satisfies ToWorker);
    const results: Promise<WorkerMessage>[] = [];
    const arriving = fromWorkers.map((p, i) =>
      p.then((m) => {
        results[i] = next(workers[i]);
        const objects = m.type === 'objects' ? m.objects : [];
        workers.forEach((w, j) => j !== i && w.postMessage({ type: 'objects', objects } satisfies ToWorker));
        return objects;
      }),
    );
    const theirs = await Promise.race([Promise.all(arriving), failure]);
    debug('has the objects of every thread');
    const own = share.lint(theirs.flat());
    debug('linted its share');
    const all = (await Promise.race([Promise.all(results), failure])).map((m) => (m.type === 'result' ? m.result : undefined));
    debug('has every result');
    return mergeShares([own, ...all.filter((r): r is ShareResult => !!r)]);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
