import { defineK8sRule } from '../../src/rule-api.js';
import { containerAnchor, containersOf, WORKLOAD_SCOPE, podSpecsOf, workloadLabel } from '../lib/workload.js';
import { isFragment } from '../lib/fragments.js';
import { capabilityList, containerSecurity, isPrivileged, isWindowsPod } from '../lib/security.js';

/** Capabilities that let a container break out of, or spy beyond, its own sandbox. */
const DANGEROUS: Readonly<Record<string, string>> = {
  ALL: 'use every capability',
  SYS_ADMIN: 'mount filesystems, create namespaces and do most privileged operations',
  NET_ADMIN: 'reconfigure the network stack, firewall and routes of the pod, or of the node with hostNetwork',
  NET_RAW: 'craft raw packets to spoof ARP and DNS in the cluster network',
  SYS_PTRACE: 'trace and read the memory of other processes',
  SYS_MODULE: 'load kernel modules',
  SYS_RAWIO: 'do raw I/O on devices and memory',
  SYS_BOOT: 'reboot the node',
  SYS_TIME: 'change the node clock',
  DAC_READ_SEARCH: 'read any file of the container, bypassing permissions (the classic open_by_handle_at escape)',
  BPF: 'load eBPF programs into the kernel',
  PERFMON: 'observe other processes through perf and eBPF',
  MAC_ADMIN: 'reconfigure AppArmor/SELinux',
  MAC_OVERRIDE: 'bypass AppArmor/SELinux',
  SYSLOG: 'read kernel logs and addresses',
};

interface Options {
  /** Also report containers that do not drop ALL capabilities (strict preset). */
  requireDropAll: boolean;
}

export default defineK8sRule<Options>({
  meta: {
    id: 'k8s/capabilities',
    severity: 'warning',
    summary: 'A container (init containers included) that adds a dangerous Linux capability (SYS_ADMIN, NET_ADMIN, NET_RAW, SYS_PTRACE, ALL, ...); with `requireDropAll`, one that does not drop ALL.',
    rationale:
      'Each added capability widens what code running in the model server can do to the node: SYS_ADMIN is nearly root on the host, NET_RAW allows spoofing traffic of other pods, SYS_PTRACE reads other processes. None is needed to serve a model on a GPU. IPC_LOCK (pinned memory for RDMA/InfiniBand in multi-node inference) and the capabilities a container runtime grants by default are not reported. Dropping ALL and adding back only what is needed is what the restricted Pod Security Standard requires; that part is reported only with the `requireDropAll` option, which the strict preset turns on. Privileged containers are reported by k8s/privileged instead. Unlike kube-linter\'s drop-net-raw-capability, a container that merely keeps the runtime\'s default NET_RAW is reported only with `requireDropAll`: adding a dangerous capability is a clear mistake, not dropping a default one is hardening. Unlike Polaris\' insecureCapabilities, a drop list that names every default capability one by one instead of ALL is still reported with `requireDropAll`: the restricted Pod Security Standard admits only ALL, and a runtime with a longer default list would keep the rest.',
    fix: 'Remove the capability from `securityContext.capabilities.add`, or replace it with a narrower one; add `capabilities: {drop: [ALL]}` and add back only what the process needs (e.g. NET_BIND_SERVICE).',
    scope: WORKLOAD_SCOPE,
    optionsSchema: {
      type: 'object',
      properties: { requireDropAll: { type: 'boolean', description: 'Also report containers whose capabilities.drop does not contain ALL.' } },
      additionalProperties: false,
    },
    defaultOptions: { requireDropAll: false },
  },
  check(ctx) {
    for (const pod of podSpecsOf(ctx.object)) {
      if (isWindowsPod(pod)) continue;
      for (const c of containersOf(pod, ['initContainer', 'container'])) {
        if (isPrivileged(c)) continue;
        const where = `${c.label} in ${workloadLabel(ctx.object, pod)}`;
        for (const cap of capabilityList(c, 'add')) {
          const why = DANGEROUS[cap.name];
          if (!why) continue;
          ctx.report({
            message: `${where} adds capability \`${cap.written}\`: it can ${why}`,
            path: cap.path,
            part: 'value',
            fix: `Remove \`${cap.written}\` from capabilities.add of ${c.label}; if a tool needs it, run that tool in a separate, short-lived container.`,
          });
        }
        if (!ctx.options.requireDropAll || isFragment(ctx.object, pod)) continue;
        if (capabilityList(c, 'drop').some((cap) => cap.name === 'ALL')) continue;
        const sc = containerSecurity(c);
        const caps = sc.capabilities;
        const path = caps !== undefined && caps !== null ? `${c.path}/securityContext/capabilities` : c.container.securityContext !== undefined ? `${c.path}/securityContext` : containerAnchor(c);
        ctx.report({
          message: `${where} does not drop all capabilities (no \`ALL\` in \`capabilities.drop\`)`,
          path,
          fix: `Add \`capabilities: {drop: [ALL]}\` to the securityContext of ${c.label}, and add back only what it needs.`,
        });
      }
    }
  },
});
