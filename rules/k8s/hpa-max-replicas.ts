import { defineK8sRule } from '../../src/rule-api.js';
import { isRecord } from '../../src/rule-api.js';
import { AUTOSCALER_KINDS, gpuScaleTarget } from '../lib/autoscaling.js';
import { WORKLOAD_KIND_NAMES, workloadLabel } from '../lib/workload.js';

interface Options {
  maxGpus: number;
}

/** KEDA's maxReplicaCount when the ScaledObject sets none. */
const KEDA_DEFAULT_MAX = 100;

export default defineK8sRule<Options>({
  meta: {
    id: 'k8s/hpa-max-replicas',
    severity: 'warning',
    summary: 'An autoscaler that can scale a GPU workload beyond a GPU budget (maxReplicas x GPUs per pod).',
    rationale:
      'Example charts ship `maxReplicas: 100` on GPU pods. Under a traffic spike, or a metric that never settles, the autoscaler requests that many GPU pods: the cluster autoscaler buys GPU nodes until a quota stops it, or the pending pods starve every other GPU workload.',
    fix: 'Set maxReplicas so that maxReplicas x GPUs per pod stays within the GPUs this service may use, or raise the rule\'s `maxGpus` option to the real budget.',
    kinds: AUTOSCALER_KINDS,
    indexKinds: WORKLOAD_KIND_NAMES,
    optionsSchema: { type: 'object', additionalProperties: false, properties: { maxGpus: { type: 'integer', minimum: 1 } } },
    defaultOptions: { maxGpus: 16 },
  },
  check(ctx) {
    const a = ctx.object;
    const scaled = gpuScaleTarget(a, ctx.index, ctx.settings);
    if (!scaled) return;
    const { target, gpus } = scaled;
    const spec = isRecord(a.raw.spec) ? a.raw.spec : {};
    const field = a.kind === 'ScaledObject' ? 'maxReplicaCount' : 'maxReplicas';
    const raw = spec[field];
    const max = typeof raw === 'number' ? raw : a.kind === 'ScaledObject' && raw === undefined ? KEDA_DEFAULT_MAX : undefined;
    if (max === undefined || max * gpus <= ctx.options.maxGpus) return;
    ctx.report({
      message: `${a.kind} \`${a.name ?? '(unnamed)'}\` can scale ${workloadLabel(target)} to ${max} replicas x ${gpus} GPU${gpus > 1 ? 's' : ''} = ${max * gpus} GPUs${raw === undefined ? ` (KEDA's default ${field})` : ''}, above the budget of ${ctx.options.maxGpus}`,
      path: raw === undefined ? '/spec' : `/spec/${field}`,
      part: raw === undefined ? 'key' : 'value',
      fix: `Set ${field} to at most ${Math.max(1, Math.floor(ctx.options.maxGpus / gpus))}.`,
    });
  },
});
