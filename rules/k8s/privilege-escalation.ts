import { defineK8sRule } from '../../src/rule-api.js';
import { safeFix } from '../../src/rule-api.js';
import { containerAnchor, containersOf, WORKLOAD_SCOPE, podSpecsOf, workloadLabel } from '../lib/workload.js';
import { isFragment } from '../lib/fragments.js';
import { capabilityList, containerSecurity, isPrivileged, isWindowsPod } from '../lib/security.js';

export default defineK8sRule({
  meta: {
    id: 'k8s/privilege-escalation',
    severity: 'warning',
    summary: 'A container (init containers included) whose `allowPrivilegeEscalation` is not `false`.',
    rationale:
      'Unless `allowPrivilegeEscalation: false` is set, the container process may gain more privileges than it started with (setuid binaries, file capabilities): the default is true. Model-serving images are large and ship many setuid tools (sudo, su, ping), so an attacker who gets code execution through a model artefact can climb to root inside the container. Privileged containers and containers adding CAP_SYS_ADMIN always allow escalation, whatever the field says; the API server rejects `allowPrivilegeEscalation: false` combined with either. Privileged containers are reported by k8s/privileged, not again here.',
    autofix: { applicability: 'safe', description: 'Sets `allowPrivilegeEscalation: false` in the container\'s securityContext (creating it when absent), or turns `true` into `false`. Containers that are privileged or add CAP_SYS_ADMIN are not changed: the API server would reject the result.' },
    fix: 'Set `securityContext.allowPrivilegeEscalation: false` on every container (it is a container-level field only).',
    scope: WORKLOAD_SCOPE,
  },
  check(ctx) {
    for (const pod of podSpecsOf(ctx.object)) {
      if (isWindowsPod(pod)) continue;
      for (const c of containersOf(pod, ['initContainer', 'container'])) {
        const sc = containerSecurity(c);
        const ape = sc.allowPrivilegeEscalation;
        const apePath = `${c.path}/securityContext/allowPrivilegeEscalation`;
        const where = `${c.label} in ${workloadLabel(ctx.object, pod)}`;
        const sysAdmin = capabilityList(c, 'add').find((cap) => cap.name === 'SYS_ADMIN' || cap.name === 'ALL');
        if (ape === false) {
          if (isPrivileged(c)) {
            ctx.report({ message: `${where} sets \`allowPrivilegeEscalation: false\` together with \`privileged: true\`: the API server rejects this combination (privileged always allows escalation)`, path: apePath, part: 'span', severity: 'error', fix: `Remove \`privileged: true\` from ${c.label}.` });
          } else if (sysAdmin) {
            ctx.report({ message: `${where} sets \`allowPrivilegeEscalation: false\` but adds capability \`${sysAdmin.written}\`: the API server rejects this combination (CAP_SYS_ADMIN always allows escalation)`, path: apePath, part: 'span', severity: 'error', fix: `Drop \`${sysAdmin.written}\` from capabilities.add of ${c.label}.` });
          }
          continue;
        }
        if (isPrivileged(c)) continue; // k8s/privileged reports it.
        if (sysAdmin) {
          ctx.report({ message: `${where} adds capability \`${sysAdmin.written}\`, which always allows privilege escalation`, path: sysAdmin.path, part: 'value', fix: `Drop \`${sysAdmin.written}\` from ${c.label} and set \`allowPrivilegeEscalation: false\`.` });
          continue;
        }
        if (ape === true) {
          ctx.report({ message: `${where} allows privilege escalation (\`allowPrivilegeEscalation: true\`)`, path: apePath, part: 'span', fix: `Set \`allowPrivilegeEscalation: false\` for ${c.label}.`, autofix: safeFix(ctx.edit.set(apePath, false)) });
          continue;
        }
        if (ape !== undefined && ape !== null) continue; // not a boolean: k8s/schema reports it.
        if (isFragment(ctx.object, pod)) continue; // a patch: the field may come from the base
        const hasSc = Object.keys(sc).length > 0 || c.container.securityContext !== undefined;
        ctx.report({
          message: `${where} allows privilege escalation: \`allowPrivilegeEscalation\` is not set and defaults to true`,
          path: hasSc ? `${c.path}/securityContext` : containerAnchor(c),
          fix: `Add \`securityContext: {allowPrivilegeEscalation: false}\` to ${c.label}.`,
          autofix: safeFix(ctx.edit.set(apePath, false)),
        });
      }
    }
  },
});
