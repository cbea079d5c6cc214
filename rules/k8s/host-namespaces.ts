import { defineK8sRule, isRecord } from '../../src/rule-api.js';
import { containersOf, WORKLOAD_SCOPE, podSpecsOf, workloadLabel } from '../lib/workload.js';
import { usesGpu } from '../lib/gpu.js';

const WHAT: Readonly<Record<string, string>> = {
  hostNetwork: "the node's network stack (it can bind any node port and reach node-local services)",
  hostPID: "the node's process table (it can see and signal every process on the node)",
  hostIPC: "the node's IPC namespace (shared memory of every process on the node)",
};

/** Extended resources of RDMA/InfiniBand device plugins (multi-node inference over GPUDirect RDMA). */
const RDMA_RESOURCE = /^(rdma\/|nvidia\.com\/(hca|rdma|mlnx)|mellanox\.com\/)/;

export default defineK8sRule({
  meta: {
    id: 'k8s/host-namespaces',
    judgesPatches: true,
    severity: 'warning',
    summary: "A pod that shares the node's network, process or IPC namespace (`hostNetwork`, `hostPID`, `hostIPC`).",
    rationale:
      'Host namespaces remove the isolation between the pod and the node: with hostPID a model server can read the environment of every process on the GPU node, with hostIPC its shared memory, with hostNetwork it bypasses NetworkPolicies and binds node ports. In GenAI manifests hostIPC is usually there to get a large /dev/shm for NCCL and PyTorch dataloaders; a memory-backed emptyDir mounted at /dev/shm gives that without sharing the node (see k8s/shm-size). hostNetwork is sometimes a deliberate choice for RDMA/InfiniBand multi-node inference; the finding then says so and is meant to be suppressed with a reason.',
    fix: 'Remove `hostIPC: true` and mount an `emptyDir: {medium: Memory, sizeLimit: ...}` at /dev/shm; remove `hostPID`; remove `hostNetwork` or, when multi-node RDMA needs it, suppress with `# genai-lint ignore=k8s/host-namespaces -- RDMA`.',
    scope: WORKLOAD_SCOPE,
  },
  check(ctx) {
    for (const pod of podSpecsOf(ctx.object)) {
      const spec = pod.spec as unknown as Record<string, unknown>;
      const containers = containersOf(pod, ['initContainer', 'container']);
      for (const field of ['hostNetwork', 'hostPID', 'hostIPC'] as const) {
        if (spec[field] !== true) continue;
        let hint = '';
        let fix = `Remove \`${field}: true\` from the pod spec of ${workloadLabel(ctx.object, pod)}.`;
        if (field === 'hostIPC') {
          hint = '; for a larger /dev/shm (NCCL, dataloaders) mount a memory-backed emptyDir at /dev/shm instead (k8s/shm-size)';
          fix = 'Remove `hostIPC: true` and mount `emptyDir: {medium: Memory, sizeLimit: 16Gi}` at /dev/shm.';
        } else if (field === 'hostNetwork') {
          const rdma = containers.some((c) => {
            const res = isRecord(c.container.resources) ? (c.container.resources as Record<string, unknown>) : {};
            return [res.limits, res.requests].some((r) => isRecord(r) && Object.keys(r).some((k) => RDMA_RESOURCE.test(k)));
          });
          const gpu = containers.some((c) => usesGpu(c.container, ctx.settings));
          if (rdma || gpu) {
            hint = rdma
              ? '; it requests RDMA devices: if multi-node inference needs the host network, suppress this finding with a reason'
              : '; if multi-node GPU inference (NCCL over RDMA) needs the host network, suppress this finding with a reason';
          }
        }
        ctx.report({
          message: `${workloadLabel(ctx.object, pod)} shares ${WHAT[field]} (\`${field}: true\`)${hint}`,
          path: `${pod.path}/${field}`,
          part: 'span',
          fix,
        });
      }
    }
  },
});
