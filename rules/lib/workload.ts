import type { Container, PodSpec } from 'kubernetes-types/core/v1.js';
import { isRecord, valueAtPointer } from '../../src/parse/kube.js';
import type { KubeObject } from '../../src/parse/kube.js';

/** Where each pod-bearing kind keeps its pod spec. */
export const POD_SPEC_PATHS: Readonly<Record<string, string>> = {
  Pod: '/spec',
  Deployment: '/spec/template/spec',
  StatefulSet: '/spec/template/spec',
  DaemonSet: '/spec/template/spec',
  ReplicaSet: '/spec/template/spec',
  ReplicationController: '/spec/template/spec',
  Job: '/spec/template/spec',
  CronJob: '/spec/jobTemplate/spec/template/spec',
};

export const POD_BEARING_KINDS = Object.keys(POD_SPEC_PATHS);

/** Kinds that run long-lived serving pods (probes and autoscaling apply). */
export const LONG_RUNNING_KINDS = ['Pod', 'Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController'] as const;

export interface PodView {
  spec: PodSpec;
  /** Pointer of the pod spec inside the object. */
  path: string;
}

export type ContainerRole = 'container' | 'initContainer' | 'ephemeralContainer';

export interface ContainerView {
  container: Container;
  role: ContainerRole;
  index: number;
  name: string;
  /** Pointer of the container inside the object. */
  path: string;
  /** Human label for messages: container `vllm`, init container `fetch`. */
  label: string;
}

/** The pod spec of a Pod or of a workload's pod template. */
export function podSpecOf(obj: KubeObject): PodView | undefined {
  const path = POD_SPEC_PATHS[obj.kind];
  if (!path) return undefined;
  const spec = valueAtPointer(obj.raw, path);
  return isRecord(spec) ? { spec: spec as unknown as PodSpec, path } : undefined;
}

const ROLE_FIELDS: readonly [ContainerRole, 'containers' | 'initContainers' | 'ephemeralContainers', string][] = [
  ['initContainer', 'initContainers', 'init container'],
  ['container', 'containers', 'container'],
  ['ephemeralContainer', 'ephemeralContainers', 'ephemeral container'],
];

/** The containers of a pod spec, init containers first, with their paths. */
export function containersOf(pod: PodView, roles: readonly ContainerRole[] = ['container']): ContainerView[] {
  const out: ContainerView[] = [];
  for (const [role, field, word] of ROLE_FIELDS) {
    if (!roles.includes(role)) continue;
    const list = (pod.spec as unknown as Record<string, unknown>)[field];
    if (!Array.isArray(list)) continue;
    list.forEach((c, index) => {
      if (!isRecord(c)) return;
      const name = typeof c.name === 'string' ? c.name : `#${index}`;
      out.push({
        container: c as unknown as Container,
        role,
        index,
        name,
        path: `${pod.path}/${field}/${index}`,
        label: `${word} \`${name}\``,
      });
    });
  }
  return out;
}

/** Where to point when something is missing from a container: its `name:` key. */
export function containerAnchor(c: ContainerView): string {
  return typeof c.container.name === 'string' ? `${c.path}/name` : c.path;
}

/** `Deployment default/vllm` style label for messages. */
export function workloadLabel(obj: KubeObject): string {
  return `${obj.kind} \`${obj.name ?? '(unnamed)'}\``;
}
