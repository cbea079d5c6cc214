import { defineK8sRule } from '../../src/rule-api.js';
import { isRecord } from '../../src/rule-api.js';
import { ALL_AUTOSCALER_KINDS, autoscalersOf } from '../lib/autoscaling.js';
import { servingContainers, workloadLabel } from '../lib/workload.js';
import { isModelServer } from '../lib/model-server.js';

export default defineK8sRule({
  meta: {
    id: 'k8s/hpa',
    severity: 'info',
    summary: 'A model-serving Deployment or StatefulSet that no HorizontalPodAutoscaler or KEDA ScaledObject targets.',
    rationale:
      'LLM traffic is bursty. A fixed replica count either queues requests until clients time out or keeps idle GPUs paid for all night. An autoscaler (found in any file of the run: a HorizontalPodAutoscaler, a KEDA ScaledObject or an AIBrix PodAutoscaler) scales on load. ' +
      'Judged: Deployments and StatefulSets with a long-running serving container (see k8s/probes) that is a model server: a known server (by image or command) or a container asking for GPUs/TPUs. ' +
      'Not judged: everything else, because a fixed replica count is the right choice there: controllers and operators (leader election keeps one active replica), databases, caches and other stateful stores, gateways and web front-ends, DaemonSets (one pod per node), Jobs and CronJobs, and workloads scaled to 0.',
    fix: 'Add a HorizontalPodAutoscaler (autoscaling/v2) or a KEDA ScaledObject whose scaleTargetRef names this workload, ideally on a queue-depth metric for model servers.',
    kinds: ['Deployment', 'StatefulSet'],
    indexKinds: [...ALL_AUTOSCALER_KINDS, 'Service'],
  },
  check(ctx) {
    const obj = ctx.object;
    if (!obj.name) return;
    const spec = isRecord(obj.raw.spec) ? obj.raw.spec : {};
    if (spec.replicas === 0) return;
    const server = servingContainers(obj, ctx.index).find((c) => isModelServer(c.container, ctx.settings));
    if (!server) return;
    if (autoscalersOf(obj, ctx.index).length) return;
    ctx.report({
      message: `${workloadLabel(obj)} serves a model (${server.label}) with a fixed replica count${typeof spec.replicas === 'number' ? ` (${spec.replicas})` : ''}: no HorizontalPodAutoscaler or ScaledObject targets it`,
      path: '/metadata/name',
      part: 'value',
      fix: `Add an autoscaling/v2 HorizontalPodAutoscaler with scaleTargetRef {kind: ${obj.kind}, name: ${obj.name}}.`,
    });
  },
});
