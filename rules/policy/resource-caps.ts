import { definePolicyRule } from '../../src/rule-api.js';
import { isRecord } from '../../src/rule-api.js';
import { pointerSegment } from '../../src/rule-api.js';
import { containersOf, podSpecsOf, POD_BEARING_KINDS, WORKLOAD_SCOPE, workloadLabel } from '../lib/workload.js';
import { gpuResourcesOf } from '../lib/gpu.js';
import { parseQuantity } from '../lib/quantity.js';
import { ALL_AUTOSCALER_KINDS, autoscalersOf, gpusPerPod, gpusPerReplica } from '../lib/autoscaling.js';

/** Kinds whose `spec.replicas` counts replicas of the whole pod set. */
const REPLICATED_KINDS = [...POD_BEARING_KINDS, 'LeaderWorkerSet', 'Rollout'];

export default definePolicyRule({
  meta: {
    id: 'policy/resource-caps',
    severity: 'error',
    summary: 'Policy: GPUs per pod, allowed GPU resource names, memory limit per container, and replicas x GPUs per workload stay within caps (policies.resourceCaps).',
    rationale:
      'GPU quota is shared: one manifest asking for 8 full GPUs where MIG slices are the rule, or an autoscaler that can take 64 GPUs, starves every other team. The caps state what one workload may take, and the finding says which cap and by how much.',
    fix: 'Lower the request, use an allowed GPU resource (e.g. a MIG slice), or agree a higher cap with the platform team.',
    indexKinds: [...ALL_AUTOSCALER_KINDS],
    scope: WORKLOAD_SCOPE,
  },
  k8s(ctx) {
    const caps = ctx.settings.policies.resourceCaps;
    const pods = podSpecsOf(ctx.object);
    if (!caps || !pods.length) return;
    // Caps scoped to namespaces (e.g. only MIG slices in a shared namespace) skip objects elsewhere.
    if (caps.namespaces && !caps.namespaces.includes(ctx.object.namespace ?? 'default')) return;
    for (const pod of pods) {
      for (const c of containersOf(pod, ['initContainer', 'container'])) {
        for (const g of gpuResourcesOf(c.container, ctx.settings)) {
          if (caps.allowedGpuResources && !caps.allowedGpuResources.includes(g.resource)) {
            const field = g.limit !== undefined ? 'limits' : 'requests';
            ctx.report({ message: `${c.label} in ${workloadLabel(ctx.object, pod)} requests ${g.resource}; allowed GPU resources are ${caps.allowedGpuResources.join(', ')}`, path: `${c.path}/resources/${field}/${pointerSegment(g.resource)}` });
          }
        }
        const limits = isRecord(c.container.resources) && isRecord(c.container.resources.limits) ? c.container.resources.limits : {};
        const cap = parseQuantity(caps.maxMemoryLimit);
        const mem = parseQuantity(limits.memory);
        if (cap !== undefined && mem !== undefined && mem > cap) {
          ctx.report({ message: `${c.label} in ${workloadLabel(ctx.object, pod)} sets a memory limit of ${String(limits.memory)}, above the cap of ${String(caps.maxMemoryLimit)}`, path: `${c.path}/resources/limits/memory`, part: 'value' });
        }
      }
      const gpus = gpusPerPod(pod, ctx.settings);
      if (caps.maxGpusPerPod !== undefined && gpus > caps.maxGpusPerPod) {
        ctx.report({ message: `${workloadLabel(ctx.object, pod)} takes ${gpus} GPUs per pod, above the cap of ${caps.maxGpusPerPod}`, path: pod.containerPaths?.[0] ?? `${pod.path}/containers` });
      }
    }
    if (!REPLICATED_KINDS.includes(ctx.object.kind)) return;
    const perPod = gpusPerReplica(ctx.object, ctx.settings);
    if (caps.maxWorkloadGpus !== undefined && perPod > 0) {
      const spec = isRecord(ctx.object.raw.spec) ? ctx.object.raw.spec : {};
      const replicas = ctx.object.kind === 'Pod' ? 1 : typeof spec.replicas === 'number' ? spec.replicas : 1;
      const scaled = autoscalersOf(ctx.object, ctx.index).map((a) => {
        const s = isRecord(a.raw.spec) ? a.raw.spec : {};
        const m = a.kind === 'ScaledObject' ? (s.maxReplicaCount ?? 100) : s.maxReplicas;
        return typeof m === 'number' ? m : 1;
      });
      const max = Math.max(replicas, ...scaled);
      if (max * perPod > caps.maxWorkloadGpus) {
        ctx.report({
          message: `${workloadLabel(ctx.object)} can run ${max} replica${max === 1 ? '' : 's'} x ${perPod} GPUs = ${max * perPod} GPUs${scaled.length ? ' (autoscaler maximum)' : ''}, above the cap of ${caps.maxWorkloadGpus}`,
          path: '/metadata/name',
          part: 'value',
        });
      }
    }
  },
});
