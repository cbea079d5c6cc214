import type { KubeObject } from '../../src/rule-api.js';
import { isRecord } from '../../src/rule-api.js';
import type { ContainerView, PodView } from './workload.js';

/** A container's securityContext, or an empty one. */
export function containerSecurity(c: ContainerView): Record<string, unknown> {
  return isRecord(c.container.securityContext) ? (c.container.securityContext as Record<string, unknown>) : {};
}

/** The pod's securityContext, or an empty one. */
export function podSecurity(pod: PodView): Record<string, unknown> {
  const sc = (pod.spec as unknown as Record<string, unknown>).securityContext;
  return isRecord(sc) ? sc : {};
}

/** Windows pods have no Linux security context (seccomp, capabilities, privilege escalation). */
export function isWindowsPod(pod: PodView): boolean {
  const spec = pod.spec as unknown as Record<string, unknown>;
  return (isRecord(spec.os) && spec.os.name === 'windows') || isRecord(podSecurity(pod).windowsOptions);
}

/** `CAP_SYS_ADMIN`, `sys_admin` -> `SYS_ADMIN`. */
export function normaliseCapability(name: string): string {
  return name.trim().toUpperCase().replace(/^CAP_/, '');
}

export interface CapabilityEntry {
  name: string;
  /** As written. */
  written: string;
  path: string;
}

/** Capabilities a container adds or drops, with their pointers. */
export function capabilityList(c: ContainerView, which: 'add' | 'drop'): CapabilityEntry[] {
  const caps = containerSecurity(c).capabilities;
  const list = isRecord(caps) ? caps[which] : undefined;
  if (!Array.isArray(list)) return [];
  const out: CapabilityEntry[] = [];
  list.forEach((v, i) => {
    if (typeof v === 'string') out.push({ name: normaliseCapability(v), written: v, path: `${c.path}/securityContext/capabilities/${which}/${i}` });
  });
  return out;
}

/** Whether a container runs privileged (`securityContext.privileged: true`). */
export function isPrivileged(c: ContainerView): boolean {
  return containerSecurity(c).privileged === true;
}

/** Node agents: DaemonSets run one pod per node to manage the node itself (device plugins, exporters, CNI). */
export function isNodeAgent(obj: KubeObject): boolean {
  return obj.kind === 'DaemonSet';
}
