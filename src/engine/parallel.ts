import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DiscoveredFile } from '../discover.js';
import type { KubeObject } from '../parse/kube.js';
import { TextIndex } from '../text.js';
import type { Finding } from '../types.js';
import { compareFindings } from '../types.js';
import type { EffectiveConfig, RuleSetting } from './config.js';
import type { InternalError, RunResult } from './runner.js';

/** Runs with fewer files than this stay on one thread: starting workers costs more than it saves. */
export const PARALLEL_THRESHOLD = 200;

/** How many worker threads a run of `fileCount` files uses (1: none). GENAI_LINT_WORKERS overrides. */
export function workerCount(fileCount: number): number {
  const forced = Number(process.env.GENAI_LINT_WORKERS);
  if (Number.isInteger(forced) && forced >= 1) return fileCount >= 2 ? Math.min(forced, fileCount) : 1;
  if (fileCount < PARALLEL_THRESHOLD) return 1;
  return Math.max(1, Math.min(availableParallelism(), 8));
}

/** A Kubernetes object as it crosses threads: what other files' rules need to know of it. */
export interface ObjectSummary {
  fileIndex: number;
  objectIndex: number;
  apiVersion: string;
  kind: string;
  name: string | undefined;
  namespace: string | undefined;
  raw: Record<string, unknown>;
  file: string;
  contextOnly: boolean;
}

export interface WorkerInput {
  /** Files of this worker, with their index in the whole run. */
  files: { file: DiscoveredFile; index: number }[];
  config: SerializedConfig;
}

export type SerializedConfig = Omit<EffectiveConfig, 'rules'> & { rules: [string, RuleSetting][] };

export type WorkerMessage =
  | { type: 'objects'; objects: ObjectSummary[] }
  | { type: 'result'; result: RunResult; checked: { index: number; file: string }[]; unreadable: string[] };

export function serializeConfig(config: EffectiveConfig): SerializedConfig {
  return { ...config, rules: [...config.rules.entries()] };
}

export function deserializeConfig(config: SerializedConfig): EffectiveConfig {
  return { ...config, rules: new Map(config.rules) };
}

const EMPTY_TEXT = new TextIndex('');

/** An object of another thread's file: enough for cross-object rules, never reported on. */
export function objectFromSummary(s: ObjectSummary): KubeObject {
  return {
    apiVersion: s.apiVersion,
    kind: s.kind,
    name: s.name,
    namespace: s.namespace,
    raw: s.raw,
    file: s.file,
    basePath: '',
    contextOnly: true,
    document: {
      index: 0,
      value: s.raw,
      locations: new Map(),
      range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
      errors: [],
      warnings: [],
      source: undefined,
      contentLine: 1,
      textIndex: EMPTY_TEXT,
    },
  };
}

/** Splits files into `n` groups of similar total size. */
function partition(files: readonly DiscoveredFile[], n: number): { file: DiscoveredFile; index: number }[][] {
  const groups: { file: DiscoveredFile; index: number }[][] = Array.from({ length: n }, () => []);
  const load = new Array<number>(n).fill(0);
  const sized = files.map((file, index) => {
    let size = 0;
    try {
      size = statSync(file.absPath).size;
    } catch {
      // unreadable: reported when read
    }
    return { file, index, size };
  });
  for (const item of [...sized].sort((a, b) => b.size - a.size || a.index - b.index)) {
    const g = load.indexOf(Math.min(...load));
    groups[g].push({ file: item.file, index: item.index });
    load[g] += item.size + 512;
  }
  for (const g of groups) g.sort((a, b) => a.index - b.index);
  return groups.filter((g) => g.length);
}

/**
 * Lints files on worker threads. Each worker parses its share and sends its
 * Kubernetes objects; every worker then gets the objects of the whole run (in
 * run order) and lints its own files. The merged result is the same as a
 * single-threaded run's.
 */
export async function lintInParallel(files: readonly DiscoveredFile[], config: EffectiveConfig, threads: number): Promise<RunResult> {
  const groups = partition(files, threads);
  const workerUrl = new URL('./lint-worker.js', import.meta.url);
  const serialized = serializeConfig(config);
  const workers = groups.map(
    (g) => new Worker(workerUrl, { workerData: { files: g, config: serialized } satisfies WorkerInput, resourceLimits: { maxYoungGenerationSizeMb: 8 } }),
  );
  const failure = new Promise<never>((_, reject) => {
    for (const w of workers) {
      w.once('error', reject);
      w.once('exit', (code) => code !== 0 && reject(new Error(`lint worker exited with code ${code}`)));
    }
  });
  const next = (w: Worker) => new Promise<WorkerMessage>((resolve) => w.once('message', resolve));
  try {
    const objectMessages = await Promise.race([Promise.all(workers.map(next)), failure]);
    let all: ObjectSummary[] | undefined = objectMessages
      .flatMap((m) => (m.type === 'objects' ? m.objects : []))
      .sort((a, b) => a.fileIndex - b.fileIndex || a.objectIndex - b.objectIndex);
    const pending = workers.map(next);
    for (const w of workers) w.postMessage(all);
    all = undefined;
    const results = await Promise.race([Promise.all(pending), failure]);
    const findings: Finding[] = [];
    const checked: { index: number; file: string }[] = [];
    const notices = new Set<string>();
    const internalErrors: InternalError[] = [];
    const unreadable: string[] = [];
    let objectsChecked = 0;
    for (const m of results) {
      if (m.type !== 'result') continue;
      unreadable.push(...m.unreadable);
      findings.push(...m.result.findings);
      checked.push(...m.checked);
      m.result.notices.forEach((n) => notices.add(n));
      internalErrors.push(...m.result.internalErrors);
      objectsChecked += m.result.objectsChecked;
    }
    findings.sort(compareFindings);
    checked.sort((a, b) => a.index - b.index);
    return {
      findings,
      filesChecked: checked.length,
      checkedFiles: checked.map((c) => c.file),
      objectsChecked,
      missingPaths: unreadable,
      notices: [...notices],
      internalErrors,
    };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
