import type { Container, PodSpec } from 'kubernetes-types/core/v1.js';
import { isRecord, valueAtPointer } from '../../src/rule-api.js';
import type { KubeObject } from '../../src/rule-api.js';
import { sameNamespace } from '../../src/rule-api.js';
import type { RunIndex } from '../../src/rule-api.js';
import { splitImageReference } from '../../src/rule-api.js';
import { clientRole, modelServerKind } from './model-server.js';

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

/** Kinds whose pods are restarted when they exit: the only ones that can serve for long (DaemonSets run per-node agents). */
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

/**
 * A container of a Spark pod template (the names Spark gives the driver and
 * executor containers it fills in): Spark sets its resources from
 * `spark.driver.memory`, `spark.executor.cores` and the like, so the template
 * leaves them out on purpose.
 */
export function sparkTemplateContainer(container: { name?: unknown }): boolean {
  return container.name === 'spark-kubernetes-driver' || container.name === 'spark-kubernetes-executor';
}

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

/** Labels of the pods a workload creates (its pod template's labels; a Pod's own labels). */
export function podTemplateLabels(obj: KubeObject): Record<string, unknown> | undefined {
  const specPath = POD_SPEC_PATHS[obj.kind];
  if (!specPath) return undefined;
  const metaPath = obj.kind === 'Pod' ? '/metadata' : specPath.replace(/\/spec$/, '/metadata');
  const meta = valueAtPointer(obj.raw, metaPath);
  return isRecord(meta) && isRecord(meta.labels) ? meta.labels : {};
}

/** The label selector of a Service, as pairs; empty when it selects nothing (ExternalName, no selector). */
export function serviceSelector(svc: KubeObject): [string, string][] {
  const spec = isRecord(svc.raw.spec) ? svc.raw.spec : {};
  if (spec.type === 'ExternalName' || !isRecord(spec.selector)) return [];
  return Object.entries(spec.selector).map(([k, v]) => [k, String(v)]);
}

/** Services of the run whose selector picks the pods of `workload` (in a namespace they can share). */
export function servicesTargeting(workload: KubeObject, index: RunIndex): KubeObject[] {
  const labels = podTemplateLabels(workload);
  if (!labels) return [];
  return index
    .ofKind('Service')
    .filter((svc) => {
      const selector = serviceSelector(svc);
      return selector.length > 0 && sameNamespace(svc.namespace, workload.namespace) && selector.every(([k, v]) => k in labels && String(labels[k]) === v);
    });
}

/**
 * Whether a workload's pods run until stopped: a Pod, Deployment,
 * StatefulSet, ReplicaSet or ReplicationController whose restartPolicy is
 * Always (the default). Jobs, CronJobs, DaemonSets and pods with
 * restartPolicy Never/OnFailure are not.
 */
export function isLongRunning(obj: KubeObject): boolean {
  if (!(LONG_RUNNING_KINDS as readonly string[]).includes(obj.kind)) return false;
  const pod = podSpecOf(obj);
  return !!pod && (pod.spec.restartPolicy === undefined || pod.spec.restartPolicy === 'Always');
}

function hasPorts(c: ContainerView): boolean {
  return Array.isArray(c.container.ports) && c.container.ports.length > 0;
}

/** Images of proxies, exporters and log shippers that run beside a server (matched on the repository). */
const SIDECAR_IMAGES = /(^|\/)(kube-rbac-proxy|oauth2-proxy|cloud-sql-proxy|cloudsql-proxy|proxyv2|linkerd2?-proxy|fluent-bit|fluentd|promtail|vector|opentelemetry-collector[\w-]*|otel-collector|[\w-]+-exporter)$/;

function isKnownSidecar(c: ContainerView): boolean {
  return typeof c.container.image === 'string' && SIDECAR_IMAGES.test(splitImageReference(c.container.image).repository);
}

function hasProbe(c: ContainerView): boolean {
  return isRecord(c.container.readinessProbe) || isRecord(c.container.livenessProbe);
}

/**
 * The long-running serving containers of a workload: the ones k8s/probes,
 * k8s/termination-grace and k8s/hpa judge.
 *
 * - The workload is long-running (see isLongRunning).
 * - Client containers are left out: idle ones (`sleep infinity`,
 *   `tail -f /dev/null`) and load generators (k6, locust, genai-perf,
 *   benchmark scripts).
 * - A container serves when it declares ports or runs a known model server;
 *   portless containers beside such a server are sidecars, and so are known
 *   proxies, exporters and log shippers (kube-rbac-proxy, *-exporter,
 *   fluent-bit...) beside another serving container.
 * - When no container declares ports but a Service of the run targets the
 *   pods, the probed containers serve, or else the first container.
 * - Otherwise nothing shows that the pods serve: none is judged.
 */
export function servingContainers(obj: KubeObject, index: RunIndex): ContainerView[] {
  if (!isLongRunning(obj)) return [];
  const pod = podSpecOf(obj)!;
  const app = containersOf(pod).filter((c) => clientRole(c.container) === undefined);
  const servers = app.filter((c) => hasPorts(c) || modelServerKind(c.container) !== undefined);
  const main = servers.filter((c) => !isKnownSidecar(c));
  if (main.length) return main;
  if (servers.length) return servers;
  if (!app.length || !servicesTargeting(obj, index).length) return [];
  const probed = app.filter(hasProbe);
  return probed.length ? probed : app.slice(0, 1);
}
