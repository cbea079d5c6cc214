import { defineK8sRule } from '../../src/rule-api.js';
import { containersOf, WORKLOAD_SCOPE, podSpecsOf, workloadLabel } from '../lib/workload.js';
import { gpuResourcesOf } from '../lib/gpu.js';
import { isNodeAgent, isPrivileged } from '../lib/security.js';

export default defineK8sRule({
  meta: {
    id: 'k8s/privileged',
    judgesPatches: true,
    severity: 'error',
    summary: 'A container (init containers included) with `securityContext.privileged: true`.',
    rationale:
      'A privileged container has every capability and every device of the node, and can load kernel modules or mount the host filesystem: a compromise of the model server (pickled weights, trust_remote_code, a prompt-injection tool call) becomes a compromise of the GPU node and of every tenant on it. GPUs do not need it: the NVIDIA, AMD and Intel device plugins hand the requested devices to an unprivileged container through `resources.limits` (TPUs on GKE since 1.28). Node agents run as DaemonSets (driver installers, some device plugins) are reported as warnings, since some of them do need it. Unlike kube-linter\'s privileged-container, which treats every workload alike, DaemonSets get a warning rather than an error, because GPU driver installers and some device plugins are node agents that need it.',
    fix: 'Remove `privileged: true`; request GPUs through `resources.limits` (e.g. `nvidia.com/gpu: 1`) and add only the specific capability a tool needs. For a node agent that needs it, suppress with a reason: `# genai-lint ignore=k8s/privileged -- <why>`.',
    scope: WORKLOAD_SCOPE,
  },
  check(ctx) {
    for (const pod of podSpecsOf(ctx.object)) {
      for (const c of containersOf(pod, ['initContainer', 'container'])) {
        if (!isPrivileged(c)) continue;
        const accelerators = gpuResourcesOf(c.container, ctx.settings).map((g) => g.resource);
        const tpu = accelerators.some((r) => r === 'google.com/tpu');
        const gpu = !tpu && accelerators.length > 0;
        const agent = isNodeAgent(ctx.object);
        ctx.report({
          message: `${c.label} in ${workloadLabel(ctx.object, pod)} runs privileged (\`privileged: true\`): it gets every device and capability of the node${gpu ? `; the device plugin already provides the \`${accelerators[0]}\` it requests without privileges` : tpu ? '; TPUs need no privileged mode on GKE 1.28 and later' : ''}${agent ? ' (a DaemonSet: if this node agent needs it, suppress with a reason)' : ''}`,
          path: `${c.path}/securityContext/privileged`,
          part: 'span',
          fix: gpu
            ? `Remove \`privileged: true\` from ${c.label}: the \`resources.limits\` GPU request is enough for the device plugin to expose the GPU.`
            : `Remove \`privileged: true\` from ${c.label} and add only the capability it needs under \`capabilities.add\`.`,
          ...(agent ? { severity: 'warning' as const } : {}),
        });
      }
    }
  },
});
