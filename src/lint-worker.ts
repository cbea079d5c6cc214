/**
 * A worker thread of a parallel run: one Share of the run (see engine/share.ts
 * and engine/parallel.ts). An entry point like the CLI: it builds the rule
 * catalogue for the run's config and hands it to the engine.
 */
import { parentPort, threadId, workerData } from 'node:worker_threads';
import { rulesFor } from './catalog.js';
import { debugClock, deserializeConfig } from './engine/parallel.js';
import type { ToWorker, WorkerInput, WorkerMessage } from './engine/parallel.js';
import { Share } from './engine/share.js';
import type { ObjectSummary } from './engine/share.js';

const input = workerData as WorkerInput;
const debug = debugClock(`worker ${threadId}`, input.timeOrigin);
debug('loaded');
const config = deserializeConfig(input.config);
const rules = rulesFor(config);
let share: Share | undefined;
let expected = 0;
const others: ObjectSummary[][] = [];

parentPort!.on('message', (m: ToWorker) => {
  if (m.type === 'jobs') {
    share = new Share(m.jobs, config, m.facts, rules);
    expected = m.threads - 1;
    share.parse();
    debug('parsed its share');
    parentPort!.postMessage({ type: 'objects', objects: share.summaries() } satisfies WorkerMessage);
    return;
  }
  others.push(m.objects);
  if (others.length < expected) return;
  debug('has the objects of every thread');
  const result = share!.lint(others.flat());
  others.length = 0;
  debug('linted its share');
  parentPort!.postMessage({ type: 'result', result } satisfies WorkerMessage);
});
