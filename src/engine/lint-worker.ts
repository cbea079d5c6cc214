/** A worker thread of a parallel run (see parallel.ts for the protocol). */
import { parentPort, workerData } from 'node:worker_threads';
import { rulesFor } from '../../rules/index.js';
import { deserializeConfig, objectFromSummary } from './parallel.js';
import type { ObjectSummary, WorkerInput, WorkerMessage } from './parallel.js';
import { lintParsed, parseFiles } from './runner.js';
import type { KubeObject } from '../parse/kube.js';
import { RunIndex } from './run-index.js';

const debug = process.env.GENAI_LINT_DEBUG ? (what: string) => process.stderr.write(`[worker ${process.pid}] ${what} at ${Math.round(performance.now())} ms\n`) : () => {};
debug('started');
const input = workerData as WorkerInput;
const config = deserializeConfig(input.config);
const RULES = rulesFor(config);
const notices: string[] = [];
const parsed = parseFiles(
  input.files.map((f) => f.file),
  config,
  notices,
);

// Other threads need only the kinds enabled rules look up across objects.
const shared = new Set(
  RULES.filter((r) => (config.rules.get(r.meta.id)?.severity ?? r.meta.severity) !== 'off').flatMap((r) => r.meta.indexKinds ?? []),
);
const own = new Map<string, KubeObject>();
const summaries: ObjectSummary[] = [];
parsed.forEach((p, i) => {
  const fileIndex = input.files[i].index;
  p.objects.forEach((o, objectIndex) => {
    own.set(`${fileIndex}:${objectIndex}`, o);
    if (!shared.has(o.kind)) return;
    summaries.push({ fileIndex, objectIndex, apiVersion: o.apiVersion, kind: o.kind, name: o.name, namespace: o.namespace, raw: o.raw as Record<string, unknown>, file: o.file, contextOnly: o.contextOnly });
  });
});
debug(`parsed ${parsed.length} files`);
parentPort!.postMessage({ type: 'objects', objects: summaries } satisfies WorkerMessage);

parentPort!.once('message', (all: ObjectSummary[]) => {
  // The whole run's objects in run order; this thread's own keep their source positions.
  // Objects of other kinds stay on their own thread: no rule looks them up elsewhere.
  const objects = all.map((s) => own.get(`${s.fileIndex}:${s.objectIndex}`) ?? objectFromSummary(s));
  for (const [key, o] of own) if (!shared.has(o.kind)) objects.push(o), own.delete(key);
  debug('got the run index');
  const result = lintParsed(parsed, new RunIndex(objects), config, RULES);
  debug('linted');
  const checkedIndex = input.files.filter((_, i) => !parsed[i].file.contextOnly);
  parentPort!.postMessage({
    type: 'result',
    result: { ...result, notices: [...notices, ...result.notices] },
    checked: checkedIndex.map((f, i) => ({ index: f.index, file: result.checkedFiles[i] })),
    unreadable: parsed.filter((p) => p.file.readFailed).map((p) => p.file.displayPath),
  } satisfies WorkerMessage);
});
