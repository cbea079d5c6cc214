import { defineK8sRule } from '../../src/engine/rule.js';
import { isRecord } from '../../src/parse/kube.js';
import { AUTOSCALER_KINDS, autoscalersOf } from '../lib/autoscaling.js';
import { workloadLabel } from '../lib/workload.js';

export default defineK8sRule({
  meta: {
    id: 'k8s/hpa',
    severity: 'info',
    summary: 'A Deployment or StatefulSet that no HorizontalPodAutoscaler or KEDA ScaledObject targets.',
    rationale:
      'LLM traffic is bursty. A fixed replica count either queues requests until clients time out or keeps idle GPUs paid for all night. An autoscaler (found in any file of the run) scales on load.',
    fix: 'Add a HorizontalPodAutoscaler (autoscaling/v2) or a KEDA ScaledObject whose scaleTargetRef names this workload, ideally on a queue-depth metric for model servers.',
    kinds: ['Deployment', 'StatefulSet'],
    indexKinds: AUTOSCALER_KINDS,
  },
  check(ctx) {
    const obj = ctx.object;
    if (!obj.name) return;
    const spec = isRecord(obj.raw.spec) ? obj.raw.spec : {};
    if (spec.replicas === 0) return;
    if (autoscalersOf(obj, ctx.index).length) return;
    ctx.report({
      message: `${workloadLabel(obj)} has a fixed replica count${typeof spec.replicas === 'number' ? ` (${spec.replicas})` : ''}: no HorizontalPodAutoscaler or ScaledObject targets it`,
      path: '/metadata/name',
      part: 'value',
      fix: `Add an autoscaling/v2 HorizontalPodAutoscaler with scaleTargetRef {kind: ${obj.kind}, name: ${obj.name}}.`,
    });
  },
});
