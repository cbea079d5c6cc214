import type { Toleration } from 'kubernetes-types/core/v1.js';
import { defineK8sRule } from '../../src/rule-api.js';
import { safeFix } from '../../src/rule-api.js';
import { containersOf, WORKLOAD_SCOPE, completePodSpecsOf, workloadLabel } from '../lib/workload.js';
import { DEFAULT_GPU_TAINT_KEYS, gkeAcceleratorTarget, gpuResourcesOf, toleratesGpu } from '../lib/gpu.js';

export default defineK8sRule({
  meta: {
    id: 'k8s/gpu-tolerations',
    severity: 'warning',
    summary: 'A pod that requests GPUs has no toleration for the taints GPU nodes carry.',
    rationale:
      'Managed GPU node pools are tainted (nvidia.com/gpu:NoSchedule on EKS and most self-managed clusters, sku=gpu:NoSchedule on AKS) so that CPU pods stay off expensive nodes. A GPU pod without a matching toleration can never be scheduled: it stays Pending with "had untolerated taint" events. ' +
      'Judged: pods asking for GPUs (nvidia.com/gpu, MIG slices, amd.com/gpu, gpu.intel.com/*, and resources listed under `gpu.resources` in the config) or other accelerators (Gaudi, Neuron: a toleration for the resource name itself counts). ' +
      'Not judged: TPUs (google.com/tpu exists only on GKE, which adds the toleration itself); ' +
      'pods that select GKE accelerator node pools (`cloud.google.com/gke-accelerator`, `cloud.google.com/gke-tpu-accelerator` or `cloud.google.com/gke-tpu-topology` in nodeSelector or node affinity), because GKE adds the matching toleration itself, whatever `platform` says. With `platform: gke` the rule is off.',
    autofix: { applicability: 'safe', description: 'Appends `{key: <resource>, operator: Exists, effect: NoSchedule}` for the first requested resource to the pod\'s tolerations (creating the list when there is none).' },
    fix: 'Add `tolerations: [{key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}]` (or the taint your GPU pool uses) to the pod spec.',
    scope: WORKLOAD_SCOPE,
  },
  check(ctx) {
    for (const pod of completePodSpecsOf(ctx.object)) {
      const uses = containersOf(pod, ['initContainer', 'container']).flatMap((c) =>
        gpuResourcesOf(c.container, ctx.settings)
          .filter((g) => g.kind !== 'tpu')
          .map((g) => ({ container: c, resource: g.resource, kind: g.kind })),
      );
      if (!uses.length || gkeAcceleratorTarget(pod.spec)) continue;
      const tolerations = Array.isArray(pod.spec.tolerations) ? (pod.spec.tolerations as Toleration[]) : [];
      const resources = [...new Set(uses.map((u) => u.resource))];
      if (toleratesGpu(tolerations, resources, ctx.settings)) continue;
      const gpuTaints = uses.some((u) => u.kind === 'gpu') ? DEFAULT_GPU_TAINT_KEYS : [];
      const taints = [...new Set([...resources, ...gpuTaints, ...ctx.settings.gpuTaintKeys])];
      const what = uses.every((u) => u.kind === 'gpu') ? 'GPU' : uses.some((u) => u.kind === 'gpu') ? 'GPU and accelerator' : 'accelerator';
      ctx.report({
        message: `${workloadLabel(ctx.object, pod)} requests ${resources.join(', ')} (${[...new Set(uses.map((u) => u.container.label))].join(', ')}) but tolerates none of the ${what} node taints (${taints.join(', ')}); it stays Pending on tainted ${what} pools`,
        // A written list, even empty (`tolerations: []`, a patch that drops them), is where the fix goes.
        path: Array.isArray(pod.spec.tolerations) ? `${pod.path}/tolerations` : pod.path,
        fix: `Add \`tolerations: [{key: ${resources[0]}, operator: Exists, effect: NoSchedule}]\` to the pod spec.`,
        autofix: safeFix(ctx.edit.append(`${pod.path}/tolerations`, { key: resources[0], operator: 'Exists', effect: 'NoSchedule' })),
      });
    }
  },
});
