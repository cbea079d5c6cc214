import type { KubeObject, LocationPart } from '../../src/rule-api.js';
import { isRecord, pointerSegment, valueAtPointer } from '../../src/rule-api.js';
import { SERVED_VERSIONS, unservedKind } from './api-versions.js';
import { containersOf, podSpecsOf } from './workload.js';
import type { PodView } from './workload.js';
import {
  dns1035LabelProblem,
  dns1123LabelProblem,
  dns1123SubdomainProblem,
  ianaSvcNameProblem,
  isTemplated,
  labelValueProblem,
  qualifiedNameProblem,
} from './names.js';

export interface SemanticProblem {
  path: string;
  part: LocationPart;
  message: string;
}

/** Kinds whose names are not DNS subdomains (RBAC names are path segments: `system:controller:x` is valid). */
const FREE_NAME_KINDS = new Set(['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding']);
const LABEL_NAME_KINDS = new Set(['Namespace']);
const DNS1035_NAME_KINDS = new Set(['Service']);
/** The CronJob controller appends an 11-character suffix to Job names. */
const CRONJOB_NAME_MAX = 52;

/**
 * What the API server would reject in a built-in object although the schema
 * allows it: names, label keys and values, port numbers and names, and an
 * apiVersion that does not serve the kind.
 */
export function semanticProblems(obj: KubeObject): SemanticProblem[] {
  const out: SemanticProblem[] = [];
  const served = unservedKind(obj.apiVersion, obj.kind);
  if (served) {
    out.push({
      path: '/apiVersion',
      part: 'value',
      message: `\`apiVersion: ${obj.apiVersion}\` does not serve kind \`${obj.kind}\`; the API server rejects it (use ${served.map((v) => `\`${v}\``).join(' or ')})`,
    });
    return out;
  }
  if (!SERVED_VERSIONS[obj.kind]?.includes(obj.apiVersion)) return out;
  const meta = isRecord(obj.raw.metadata) ? obj.raw.metadata : undefined;
  if (meta) {
    if (typeof meta.name === 'string' && !isTemplated(meta.name) && !FREE_NAME_KINDS.has(obj.kind)) {
      const check = LABEL_NAME_KINDS.has(obj.kind) ? dns1123LabelProblem : DNS1035_NAME_KINDS.has(obj.kind) ? dns1035LabelProblem : dns1123SubdomainProblem;
      const p = check(meta.name);
      if (p) out.push({ path: '/metadata/name', part: 'value', message: `${obj.kind} name \`${meta.name}\` ${p}` });
      else if (obj.kind === 'CronJob' && meta.name.length > CRONJOB_NAME_MAX) {
        out.push({ path: '/metadata/name', part: 'value', message: `CronJob name \`${meta.name}\` is ${meta.name.length} characters long; at most ${CRONJOB_NAME_MAX} are allowed (the Job names it creates add 11)` });
      }
    }
    if (typeof meta.namespace === 'string' && !isTemplated(meta.namespace)) {
      const p = dns1123LabelProblem(meta.namespace);
      if (p) out.push({ path: '/metadata/namespace', part: 'value', message: `namespace \`${meta.namespace}\` ${p}` });
    }
  }
  labelsAt(obj, '/metadata', out);
  const pods = podSpecsOf(obj);
  for (const pod of pods) if (pod.metadataPath && pod.metadataPath !== '/metadata') labelsAt(obj, pod.metadataPath, out);
  selectorLabels(obj, out);
  for (const pod of pods) podProblems(pod, out);
  if (obj.kind === 'Service') serviceProblems(obj, out);
  return out;
}

function labelsAt(obj: KubeObject, metaPath: string, out: SemanticProblem[]): void {
  const meta = valueAtPointer(obj.raw, metaPath);
  if (!isRecord(meta)) return;
  for (const field of ['labels', 'annotations'] as const) {
    const map = meta[field];
    if (!isRecord(map)) continue;
    const word = field === 'labels' ? 'label' : 'annotation';
    for (const [k, v] of Object.entries(map)) {
      if (isTemplated(k)) continue;
      const path = `${metaPath}/${field}/${pointerSegment(k)}`;
      const kp = qualifiedNameProblem(k);
      if (kp) out.push({ path, part: 'key', message: `${word} key \`${k}\` ${kp}` });
      if (field === 'labels' && typeof v === 'string' && !isTemplated(v)) {
        const vp = labelValueProblem(v);
        if (vp) out.push({ path, part: 'value', message: `value \`${v}\` of label \`${k}\` ${vp}` });
      }
    }
  }
}

function selectorLabels(obj: KubeObject, out: SemanticProblem[]): void {
  const spec = isRecord(obj.raw.spec) ? obj.raw.spec : undefined;
  if (!spec || !isRecord(spec.selector)) return;
  const plain = obj.kind === 'Service' || obj.kind === 'ReplicationController';
  const map = plain ? spec.selector : spec.selector.matchLabels;
  if (!isRecord(map)) return;
  const base = plain ? '/spec/selector' : '/spec/selector/matchLabels';
  for (const [k, v] of Object.entries(map)) {
    if (isTemplated(k)) continue;
    const path = `${base}/${pointerSegment(k)}`;
    const kp = qualifiedNameProblem(k);
    if (kp) out.push({ path, part: 'key', message: `selector key \`${k}\` ${kp}` });
    if (typeof v === 'string' && !isTemplated(v)) {
      const vp = labelValueProblem(v);
      if (vp) out.push({ path, part: 'value', message: `selector value \`${v}\` of \`${k}\` ${vp}` });
    }
  }
}

const PORT_MAX = 65535;

function portNumberProblem(v: unknown, allowZero: boolean): string | undefined {
  if (typeof v !== 'number' || !Number.isInteger(v)) return undefined; // types are the schema's
  if ((allowZero && v === 0) || (v >= 1 && v <= PORT_MAX)) return undefined;
  return `${v} is outside 1-${PORT_MAX}`;
}

function podProblems(pod: PodView, out: SemanticProblem[]): void {
  const spec = pod.spec as unknown as Record<string, unknown>;
  if (Array.isArray(spec.volumes)) {
    spec.volumes.forEach((v, i) => {
      if (!isRecord(v) || typeof v.name !== 'string' || isTemplated(v.name)) return;
      const p = dns1123LabelProblem(v.name);
      if (p) out.push({ path: `${pod.path}/volumes/${i}/name`, part: 'value', message: `volume name \`${v.name}\` ${p}` });
    });
  }
  for (const c of containersOf(pod, ['initContainer', 'container', 'ephemeralContainer'])) {
    const cname = c.container.name;
    if (typeof cname === 'string' && !isTemplated(cname)) {
      const p = dns1123LabelProblem(cname);
      if (p) out.push({ path: `${c.path}/name`, part: 'value', message: `container name \`${cname}\` ${p}` });
    }
    const ports = Array.isArray(c.container.ports) ? (c.container.ports as unknown[]) : [];
    const seen = new Map<string, number>();
    ports.forEach((port, i) => {
      if (!isRecord(port)) return;
      const base = `${c.path}/ports/${i}`;
      const cp = portNumberProblem(port.containerPort, false);
      if (cp) out.push({ path: `${base}/containerPort`, part: 'value', message: `containerPort of ${c.label}: ${cp}` });
      const hp = portNumberProblem(port.hostPort, true);
      if (hp) out.push({ path: `${base}/hostPort`, part: 'value', message: `hostPort of ${c.label}: ${hp}` });
      if (typeof port.name === 'string' && !isTemplated(port.name)) {
        const np = ianaSvcNameProblem(port.name);
        if (np) out.push({ path: `${base}/name`, part: 'value', message: `port name \`${port.name}\` of ${c.label} ${np}` });
        else if (seen.has(port.name)) out.push({ path: `${base}/name`, part: 'value', message: `port name \`${port.name}\` is declared twice in ${c.label}; names must be unique` });
        seen.set(port.name, i);
      }
    });
    for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
      const pr = (c.container as unknown as Record<string, unknown>)[probe];
      if (!isRecord(pr)) continue;
      for (const h of ['httpGet', 'tcpSocket'] as const) {
        const handler = pr[h];
        if (!isRecord(handler)) continue;
        const path = `${c.path}/${probe}/${h}/port`;
        const port = handler.port;
        if (typeof port === 'number') {
          const pp = portNumberProblem(port, false);
          if (pp) out.push({ path, part: 'value', message: `${probe} port of ${c.label}: ${pp}` });
        } else if (typeof port === 'string' && !isTemplated(port)) {
          const np = ianaSvcNameProblem(port);
          if (np) out.push({ path, part: 'value', message: `${probe} port \`${port}\` of ${c.label} ${np}` });
        }
      }
    }
  }
}

function serviceProblems(obj: KubeObject, out: SemanticProblem[]): void {
  const spec = isRecord(obj.raw.spec) ? obj.raw.spec : undefined;
  if (!spec || !Array.isArray(spec.ports)) return;
  const ports = spec.ports;
  ports.forEach((port, i) => {
    if (!isRecord(port)) return;
    const base = `/spec/ports/${i}`;
    const pp = portNumberProblem(port.port, false);
    if (pp) out.push({ path: `${base}/port`, part: 'value', message: `Service port: ${pp}` });
    const np = portNumberProblem(port.nodePort, true);
    if (np) out.push({ path: `${base}/nodePort`, part: 'value', message: `nodePort: ${np}` });
    if (typeof port.targetPort === 'number') {
      const tp = portNumberProblem(port.targetPort, false);
      if (tp) out.push({ path: `${base}/targetPort`, part: 'value', message: `targetPort: ${tp}` });
    } else if (typeof port.targetPort === 'string' && !isTemplated(port.targetPort)) {
      const tp = ianaSvcNameProblem(port.targetPort);
      if (tp) out.push({ path: `${base}/targetPort`, part: 'value', message: `targetPort \`${port.targetPort}\` ${tp}` });
    }
    if (typeof port.name === 'string' && !isTemplated(port.name)) {
      const p = dns1123LabelProblem(port.name);
      if (p) out.push({ path: `${base}/name`, part: 'value', message: `Service port name \`${port.name}\` ${p}` });
    } else if (port.name === undefined && ports.length > 1) {
      out.push({ path: base, part: 'key', message: `Service port ${i + 1} of ${ports.length} has no name; the API server requires a name on every port of a multi-port Service` });
    }
  });
}
