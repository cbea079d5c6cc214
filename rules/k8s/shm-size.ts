import type { Volume } from 'kubernetes-types/core/v1.js';
import { defineK8sRule } from '../../src/rule-api.js';
import { unsafeFix } from '../../src/rule-api.js';
import { shmFix, shmSizeLimit } from '../lib/pod-fixes.js';
import { isRecord } from '../../src/rule-api.js';
import { trimTrailingSlashes } from '../../src/rule-api.js';
import { containerAnchor, containersOf, WORKLOAD_SCOPE, completePodSpecsOf, workloadLabel } from '../lib/workload.js';
import { deviceCount, gpuCount, gpuResourcesOf } from '../lib/gpu.js';
import { argTokens, envValues } from '../lib/model-server.js';
import { parallelDegree } from '../lib/model-facts.js';
import { parseQuantity } from '../lib/quantity.js';

export default defineK8sRule({
  meta: {
    id: 'k8s/shm-size',
    severity: 'warning',
    summary: 'A multi-GPU or tensor/pipeline-parallel pod without a memory-backed /dev/shm (or with one sized wrongly).',
    rationale:
      'NCCL and PyTorch move tensors between GPU worker processes through /dev/shm. Container runtimes give /dev/shm 64 MB by default, so multi-GPU inference (vLLM --tensor-parallel-size, TGI --num-shard) crashes or hangs at start-up with NCCL "unhandled system error" or bus errors. An emptyDir with medium: Memory at /dev/shm fixes it; without a sizeLimit it can take all node memory, and a sizeLimit above the container memory limit gets the pod OOM-killed. ' +
      'Judged: containers that get more than one GPU (nvidia.com/gpu, MIG slices, amd.com/gpu, gpu.intel.com/*, configured `gpu.resources`), or whose server flags ask for tensor/pipeline parallelism or shards. ' +
      'Not judged: TPU pods (google.com/tpu) and other accelerators (Gaudi, Neuron), which do not use NCCL, even with parallelism flags; pods with hostIPC; pods of KubeRay resources (RayCluster, RayService, RayJob), whose operator mounts /dev/shm itself.',
    autofix: { applicability: 'mixed', description: 'Mounts a memory-backed emptyDir (`medium: Memory`, sizeLimit 16Gi, or half the container memory limit when that is below 32Gi) at /dev/shm in the container, adding the volume to the pod (safe); a container that already mounts something at /dev/shm is left alone. A missing sizeLimit is set the same way (unsafe: the pod is evicted when shared memory outgrows it).' },
    fix: 'Add `volumes: [{name: shm, emptyDir: {medium: Memory, sizeLimit: 16Gi}}]` and mount it at /dev/shm in the server container; keep sizeLimit within the container memory limit.',
    scope: WORKLOAD_SCOPE,
  },
  check(ctx) {
    for (const pod of completePodSpecsOf(ctx.object)) {
      // KubeRay mounts a memory-backed /dev/shm itself (docs/workloads.md).
      if (pod.spec.hostIPC === true || pod.workload?.operatorShm) continue;
      const volumes = (Array.isArray(pod.spec.volumes) ? pod.spec.volumes : []) as Volume[];
      for (const c of containersOf(pod)) {
        const gpus = gpuCount(c.container, ctx.settings);
        // TPUs and other accelerators do not use NCCL: their parallelism flags say nothing about /dev/shm.
        const otherDevices = gpuResourcesOf(c.container, ctx.settings).some((g) => g.kind !== 'gpu');
        const { degree, source } = otherDevices && gpus === 0 ? { degree: 1, source: '' } : parallelDegree(argTokens(c.container), envValues(c.container));
        if (gpus <= 1 && degree <= 1) continue;
        const why = gpus > 1 ? deviceCount(gpus, 'gpu') : source;
        const mounts = Array.isArray(c.container.volumeMounts) ? c.container.volumeMounts : [];
        const shmMount = mounts.find((m) => isRecord(m) && typeof m.mountPath === 'string' && trimTrailingSlashes(m.mountPath) === '/dev/shm');
        const volIndex = shmMount ? volumes.findIndex((v) => isRecord(v) && v.name === shmMount.name) : -1;
        const vol = volIndex >= 0 ? volumes[volIndex] : undefined;
        const emptyDir = vol && isRecord(vol.emptyDir) ? vol.emptyDir : undefined;
        if (!emptyDir || emptyDir.medium !== 'Memory') {
          ctx.report({
            message: `${c.label} in ${workloadLabel(ctx.object, pod)} runs with ${why} but has no memory-backed /dev/shm: NCCL fails with the 64 MB default`,
            path: containerAnchor(c),
            fix: 'Mount an emptyDir with `medium: Memory` (and a sizeLimit) at /dev/shm.',
            autofix: shmFix(ctx.edit, pod.path, pod.spec as unknown as Record<string, unknown>, c),
          });
          continue;
        }
        const volPath = `${pod.path}/volumes/${volIndex}/emptyDir`;
        if (emptyDir.sizeLimit === undefined) {
          ctx.report({
            message: `the /dev/shm emptyDir of ${c.label} has no sizeLimit: shared memory can grow until the node runs out of memory`,
            path: volPath,
            severity: 'info',
            fix: 'Set `sizeLimit` on the emptyDir (for example 16Gi), within the container memory limit.',
            autofix: unsafeFix(ctx.edit.set(`${volPath}/sizeLimit`, shmSizeLimit(c.container))),
          });
          continue;
        }
        const res = isRecord(c.container.resources) ? c.container.resources : {};
        const memLimit = isRecord(res.limits) ? parseQuantity(res.limits.memory) : undefined;
        const shm = parseQuantity(emptyDir.sizeLimit);
        if (memLimit !== undefined && shm !== undefined && shm > memLimit) {
          ctx.report({
            message: `the /dev/shm sizeLimit of ${c.label} (${String(emptyDir.sizeLimit)}) exceeds its memory limit (${String((res.limits as Record<string, unknown>).memory)}): shared memory counts against the limit and the pod is OOM-killed`,
            path: `${volPath}/sizeLimit`,
            part: 'span',
            fix: 'Lower the sizeLimit below the container memory limit, or raise the limit.',
          });
        }
      }
    }
  },
});
