import type { Toleration } from 'kubernetes-types/core/v1.js';
import { defineK8sRule } from '../../src/engine/rule.js';
import { containersOf, POD_BEARING_KINDS, podSpecOf, workloadLabel } from '../lib/workload.js';
import { DEFAULT_GPU_TAINT_KEYS, gpuResourcesOf, toleratesGpu } from '../lib/gpu.js';

export default defineK8sRule({
  meta: {
    id: 'k8s/gpu-tolerations',
    severity: 'warning',
    summary: 'A pod that requests GPUs has no toleration for the taints GPU nodes carry.',
    rationale:
      'Managed GPU node pools are tainted (nvidia.com/gpu:NoSchedule on EKS and most self-managed clusters, sku=gpu:NoSchedule on AKS) so that CPU pods stay off expensive nodes. A GPU pod without a matching toleration can never be scheduled: it stays Pending with "had untolerated taint" events. GKE adds the toleration automatically; turn the rule off there.',
    fix: 'Add `tolerations: [{key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}]` (or the taint your GPU pool uses) to the pod spec.',
    kinds: POD_BEARING_KINDS,
  },
  check(ctx) {
    const pod = podSpecOf(ctx.object);
    if (!pod) return;
    const uses = containersOf(pod, ['initContainer', 'container']).flatMap((c) =>
      gpuResourcesOf(c.container, ctx.settings).map((g) => ({ container: c, resource: g.resource })),
    );
    if (!uses.length) return;
    const tolerations = Array.isArray(pod.spec.tolerations) ? (pod.spec.tolerations as Toleration[]) : [];
    const resources = [...new Set(uses.map((u) => u.resource))];
    if (toleratesGpu(tolerations, resources, ctx.settings)) return;
    const taints = [...new Set([...resources, ...DEFAULT_GPU_TAINT_KEYS, ...ctx.settings.gpuTaintKeys])];
    ctx.report({
      message: `${workloadLabel(ctx.object)} requests ${resources.join(', ')} (${[...new Set(uses.map((u) => u.container.label))].join(', ')}) but tolerates none of the GPU node taints (${taints.join(', ')}); it stays Pending on tainted GPU pools`,
      path: tolerations.length ? `${pod.path}/tolerations` : pod.path,
      fix: `Add \`tolerations: [{key: ${resources[0]}, operator: Exists, effect: NoSchedule}]\` to the pod spec.`,
    });
  },
});
