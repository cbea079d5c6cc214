import { defineK8sRule } from '../../src/rule-api.js';
import { isRecord } from '../../src/rule-api.js';
import { containersOf, WORKLOAD_SCOPE, completePodSpecsOf, workloadLabel } from '../lib/workload.js';
import { usesGpu } from '../lib/gpu.js';

/** Values of NVIDIA_VISIBLE_DEVICES that expose no GPU. */
const NO_GPU = new Set(['', 'none', 'void']);

export default defineK8sRule({
  meta: {
    id: 'k8s/gpu-visible-without-request',
    severity: 'warning',
    summary: 'NVIDIA_VISIBLE_DEVICES set (all, or a GPU list) on a container that requests no GPU.',
    rationale:
      'With the NVIDIA container runtime as the node default, NVIDIA_VISIBLE_DEVICES=all gives a container every GPU of the node without the scheduler knowing: it competes for memory with the pods the GPUs were allocated to, which then fail with CUDA out-of-memory errors that nobody can explain.',
    fix: 'Request the GPUs through `resources.limits` (e.g. `nvidia.com/gpu: 1`) and remove NVIDIA_VISIBLE_DEVICES; the device plugin sets it.',
    scope: WORKLOAD_SCOPE,
  },
  check(ctx) {
    for (const pod of completePodSpecsOf(ctx.object)) {
      for (const c of containersOf(pod, ['initContainer', 'container'])) {
        if (usesGpu(c.container, ctx.settings)) continue;
        const env = Array.isArray(c.container.env) ? c.container.env : [];
        env.forEach((e, i) => {
          if (!isRecord(e) || e.name !== 'NVIDIA_VISIBLE_DEVICES' || typeof e.value !== 'string') return;
          if (NO_GPU.has(e.value.trim().toLowerCase())) return;
          ctx.report({
            message: `${c.label} in ${workloadLabel(ctx.object, pod)} sets NVIDIA_VISIBLE_DEVICES=${e.value} but requests no GPU: it uses GPUs outside the scheduler's accounting`,
            path: `${c.path}/env/${i}/value`,
            part: 'value',
            fix: 'Request GPUs with `resources.limits` and drop NVIDIA_VISIBLE_DEVICES.',
          });
        });
      }
    }
  },
});
