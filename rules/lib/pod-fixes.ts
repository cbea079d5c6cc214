/**
 * The edits of fixes that several Kubernetes rules make in a pod spec or a
 * container, built with the context's YAML editor. Each returns undefined
 * when the edit is not certain (the rule then reports without a fix).
 */
import type { Container, Probe, Volume } from 'kubernetes-types/core/v1.js';
import { allEdits, isRecord, safeFix, unsafeFix, trimTrailingSlashes } from '../../src/rule-api.js';
import type { Autofix, YamlEditor } from '../../src/rule-api.js';
import { parseQuantity } from './quantity.js';

/** Where a container sits: its pointer inside the object, and its value. */
interface ContainerAt {
  path: string;
  container: Container;
}

const GI = 2 ** 30;
const MI = 2 ** 20;

/** A /dev/shm size: 16Gi, or half the container's memory limit when that is below 32Gi. */
export function shmSizeLimit(container: Container): string {
  const limits = isRecord(container.resources) && isRecord(container.resources.limits) ? container.resources.limits : undefined;
  const limit = limits ? parseQuantity(limits.memory) : undefined;
  if (limit === undefined || limit >= 32 * GI) return '16Gi';
  const half = limit / 2;
  return half >= GI ? `${Math.floor(half / GI)}Gi` : `${Math.max(64, Math.floor(half / MI))}Mi`;
}

function mountsOf(container: Container): Record<string, unknown>[] {
  return ((Array.isArray(container.volumeMounts) ? container.volumeMounts : []) as unknown[]).filter(isRecord);
}

const atShm = (m: Record<string, unknown>) => typeof m.mountPath === 'string' && trimTrailingSlashes(m.mountPath) === '/dev/shm';

/**
 * A memory-backed emptyDir mounted at /dev/shm in the container: the pod's
 * memory emptyDir that another container already mounts there, or a new
 * volume (`dshm`, or the first free `dshm-N`). None when the container
 * already mounts something at /dev/shm (that mount is the user's to change).
 */
export function shmFix(edit: YamlEditor, podPath: string, podSpec: Record<string, unknown>, c: ContainerAt): Autofix | undefined {
  if (mountsOf(c.container).some(atShm)) return undefined;
  const volumes = (Array.isArray(podSpec.volumes) ? podSpec.volumes : []).filter(isRecord) as unknown as Volume[];
  const others = ['initContainers', 'containers'].flatMap((k) => (Array.isArray(podSpec[k]) ? (podSpec[k] as unknown[]) : [])).filter(isRecord) as unknown as Container[];
  const shared = volumes.find((v) => isRecord(v.emptyDir) && v.emptyDir.medium === 'Memory' && others.some((o) => mountsOf(o).some((m) => atShm(m) && m.name === v.name)));
  const names = new Set(volumes.map((v) => v.name));
  let name = shared?.name ?? 'dshm';
  for (let i = 1; !shared && names.has(name); i++) name = `dshm-${i}`;
  // The container's edit first: when both land at the end of the pod spec, the mount stays inside its container.
  const mount = edit.append(`${c.path}/volumeMounts`, { name, mountPath: '/dev/shm' });
  if (shared) return safeFix(mount);
  return safeFix(allEdits(mount, edit.append(`${podPath}/volumes`, { name, emptyDir: { medium: 'Memory', sizeLimit: shmSizeLimit(c.container) } })));
}

/** The port a probe's handler names, if any. */
function probePort(probe: unknown): number | string | undefined {
  if (!isRecord(probe)) return undefined;
  for (const handler of ['httpGet', 'tcpSocket', 'grpc'] as const) {
    const h = probe[handler];
    if (isRecord(h) && (typeof h.port === 'number' || typeof h.port === 'string')) return h.port;
  }
  return undefined;
}

/**
 * A startupProbe whose budget (failureThreshold x periodSeconds, every 10 s)
 * covers `budgetSeconds`. For a recognised server it checks the server's
 * readiness path at the port its probes (or first declared port) use: safe.
 * Otherwise it repeats the liveness probe's HTTP, TCP or gRPC check: unsafe,
 * since that check may not say the model has loaded. None for exec probes
 * and when no port is known.
 */
export function startupProbeFix(edit: YamlEditor, c: ContainerAt, readyPath: string | undefined, budgetSeconds: number): Autofix | undefined {
  const period = 10;
  const budget = { periodSeconds: period, failureThreshold: Math.max(1, Math.ceil(budgetSeconds / period)) };
  const liveness = c.container.livenessProbe as Probe | undefined;
  const ports = Array.isArray(c.container.ports) ? c.container.ports.filter(isRecord) : [];
  // A named port must be one the container declares (k8s/probe-port): a probe on another never passes.
  const declared = (port: number | string | undefined) => (typeof port === 'string' ? ports.some((p) => p.name === port) : port !== undefined);
  if (readyPath) {
    const port = [probePort(liveness), probePort(c.container.readinessProbe), ports[0]?.containerPort].find(declared);
    if (port === undefined) return undefined;
    const scheme = isRecord(liveness?.httpGet) && liveness.httpGet.scheme === 'HTTPS' ? { scheme: 'HTTPS' } : {};
    return safeFix(edit.set(`${c.path}/startupProbe`, { httpGet: { path: readyPath, port, ...scheme }, ...budget }));
  }
  if (!isRecord(liveness)) return undefined;
  const http = liveness.httpGet;
  const handler = isRecord(http)
    ? { httpGet: { ...(typeof http.path === 'string' ? { path: http.path } : {}), port: http.port, ...(http.scheme ? { scheme: http.scheme } : {}) } }
    : isRecord(liveness.tcpSocket)
      ? { tcpSocket: { port: liveness.tcpSocket.port } }
      : isRecord(liveness.grpc)
        ? { grpc: { port: liveness.grpc.port } }
        : undefined;
  if (!handler || !declared(probePort(handler))) return undefined;
  return unsafeFix(edit.set(`${c.path}/startupProbe`, { ...handler, ...budget }));
}
