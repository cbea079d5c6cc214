import { defineK8sRule, isRecord } from '../../src/rule-api.js';
import { containersOf, WORKLOAD_SCOPE, completePodSpecsOf, workloadLabel } from '../lib/workload.js';
import { isFragment } from '../lib/fragments.js';
import { containerSecurity, isWindowsPod, podSecurity } from '../lib/security.js';

const CONFINED = ['RuntimeDefault', 'Localhost'];

export default defineK8sRule({
  meta: {
    id: 'k8s/seccomp',
    severity: 'warning',
    preset: 'strict',
    summary: 'A pod whose containers run without a RuntimeDefault or Localhost seccomp profile, or with `Unconfined`.',
    rationale:
      "Without a seccomp profile a container can use every system call of the node's kernel; most container escapes go through rarely needed ones (unshare, keyctl, bpf, io_uring). The runtime's default profile blocks them and model servers, GPU containers included, run unchanged under it. Kubernetes applies no profile unless the pod or the container asks for one (or the kubelet runs with --seccomp-default), and the old seccomp annotations are ignored since 1.27. It is part of the strict preset only. Unlike Polaris\' linuxHardening, which is satisfied by any one of seccomp, AppArmor, SELinux options or dropped capabilities, only a seccomp profile satisfies this rule: the others confine files, labels and privileges, not the system calls that reach the kernel.",
    fix: 'Set `securityContext: {seccompProfile: {type: RuntimeDefault}}` on the pod spec (it covers every container), or a Localhost profile.',
    scope: WORKLOAD_SCOPE,
  },
  check(ctx) {
    for (const pod of completePodSpecsOf(ctx.object)) {
      if (isWindowsPod(pod) || isFragment(ctx.object, pod)) continue;
      const profileType = (sc: Record<string, unknown>) => (isRecord(sc.seccompProfile) ? sc.seccompProfile.type : undefined);
      const podType = profileType(podSecurity(pod));
      const podConfined = typeof podType === 'string' && CONFINED.includes(podType);
      const unconfinedByPod: string[] = [];
      const missing: string[] = [];
      for (const c of containersOf(pod, ['initContainer', 'container'])) {
        const own = profileType(containerSecurity(c));
        if (typeof own === 'string' && CONFINED.includes(own)) continue;
        if (own === 'Unconfined') {
          ctx.report({
            message: `${c.label} in ${workloadLabel(ctx.object, pod)} runs without seccomp (\`seccompProfile.type: Unconfined\`)`,
            path: `${c.path}/securityContext/seccompProfile/type`,
            part: 'value',
            fix: `Set \`seccompProfile.type: RuntimeDefault\` for ${c.label}.`,
          });
          continue;
        }
        if (own !== undefined && own !== null) continue; // unknown type: k8s/schema reports it
        if (podConfined) continue;
        if (podType === 'Unconfined') unconfinedByPod.push(c.label);
        else missing.push(c.label);
      }
      const who = (labels: string[]) => labels.join(', ');
      if (unconfinedByPod.length) {
        ctx.report({
          message: `${workloadLabel(ctx.object, pod)} runs ${who(unconfinedByPod)} without seccomp (pod \`seccompProfile.type: Unconfined\`)`,
          path: `${pod.path}/securityContext/seccompProfile/type`,
          part: 'value',
          fix: 'Set the pod `seccompProfile.type` to RuntimeDefault.',
        });
      }
      if (missing.length) {
        const podSc = (pod.spec as unknown as Record<string, unknown>).securityContext;
        ctx.report({
          message: `${workloadLabel(ctx.object, pod)} sets no seccomp profile for ${who(missing)}: every system call of the node kernel is allowed`,
          path: podSc !== undefined && podSc !== null ? `${pod.path}/securityContext` : pod.path,
          fix: 'Add `securityContext: {seccompProfile: {type: RuntimeDefault}}` to the pod spec.',
        });
      }
    }
  },
});
