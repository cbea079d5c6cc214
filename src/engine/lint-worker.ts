/** A worker thread of a parallel run: one Share of the run (see share.ts and parallel.ts). */
import { parentPort, threadId, workerData } from 'node:worker_threads';
import { rulesFor } from '../../rules/index.js';
import { debugClock, deserializeConfig } from './parallel.js';
import type { ToWorker, WorkerInput, WorkerMessage } from './parallel.js';
import { Share } from './share.js';

const input = workerData as WorkerInput;
const debug = debugClock(`worker ${threadId}`, input.timeOrigin);
debug('loaded');
const config = deserializeConfig(input.config);
const rules = rulesFor(config);
let share: Share | undefined;

parentPort!.on('message', (m: ToWorker) => {
  if (m.type === 'jobs') {
    share = new Share(m.jobs, config, rules);
    share.parse();
    debug('parsed its share');
    parentPort!.postMessage({ type: 'objects', objects: share.summaries() } satisfies WorkerMessage);
    return;
  }
  debug('has the objects of every thread');
  const result = share!.lint(m.objects);
  debug('linted its share');
  parentPort!.postMessage({ type: 'result', result } satisfies WorkerMessage);
});
