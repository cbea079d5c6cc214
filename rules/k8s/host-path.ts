import { defineK8sRule, isRecord } from '../../src/rule-api.js';
import { containersOf, WORKLOAD_SCOPE, podSpecsOf, workloadLabel } from '../lib/workload.js';
import { isNodeAgent } from '../lib/security.js';

/**
 * Node paths whose exposure hands over the node. `tree`: the path and
 * everything under it; otherwise the path itself only (a subdirectory such as
 * /root/models or /etc/nfd is an ordinary node directory).
 */
const SENSITIVE: readonly { path: string; why: string; tree?: true }[] = [
  { path: '/', why: "the node's whole filesystem" },
  { path: '/etc', why: "the node's configuration (kubelet credentials, shadow file)" },
  { path: '/root', why: "root's home on the node" },
  { path: '/home', why: 'the home directories of the node' },
  { path: '/var', why: "the node's variable data (container storage, kubelet state)" },
  { path: '/run', why: "the node's runtime sockets" },
  { path: '/var/run', why: "the node's runtime sockets" },
  { path: '/usr', why: "the node's programs" },
  { path: '/boot', why: 'the node kernel and boot loader', tree: true },
  { path: '/proc', why: "the node's processes", tree: true },
  { path: '/sys', why: "the node's kernel interfaces", tree: true },
  { path: '/dev', why: 'the devices of the node', tree: true },
  { path: '/dev/shm', why: "the node's shared memory (use a memory-backed emptyDir for a large /dev/shm, see k8s/shm-size)", tree: true },
  { path: '/var/run/docker.sock', why: 'the Docker socket (root on the node)', tree: true },
  { path: '/run/docker.sock', why: 'the Docker socket (root on the node)', tree: true },
  { path: '/var/run/docker', why: 'the Docker runtime state', tree: true },
  { path: '/var/lib/docker', why: 'the Docker storage of every container on the node', tree: true },
  { path: '/run/containerd', why: 'the containerd socket (root on the node)', tree: true },
  { path: '/var/run/containerd', why: 'the containerd socket (root on the node)', tree: true },
  { path: '/var/lib/containerd', why: 'the containerd storage of every container on the node', tree: true },
  { path: '/run/crio', why: 'the CRI-O socket (root on the node)', tree: true },
  { path: '/var/run/crio', why: 'the CRI-O socket (root on the node)', tree: true },
  { path: '/var/lib/kubelet', why: "the kubelet's state, pod volumes and secrets of every pod", tree: true },
  { path: '/var/lib/kubelet/plugins', why: "the kubelet's plugin sockets (a pod that can write there can pose as a CSI driver)", tree: true },
  { path: '/var/lib/kubelet/plugins_registry', why: "the kubelet's plugin registration sockets (a pod that can write there can pose as a CSI driver or device plugin)", tree: true },
  { path: '/etc/kubernetes', why: 'the node credentials' },
  { path: '/etc/kubernetes/pki', why: 'the node and cluster certificates', tree: true },
  { path: '/var/lib/etcd', why: 'the cluster database', tree: true },
];

/** A container runtime socket wherever it lives (rootless Docker, k3s, cri-dockerd): root on the node. */
const RUNTIME_SOCKET = /(?:^|\/)(?:docker|containerd|crio|cri-dockerd|dockershim|podman)\.sock$/;

/** Read-only files under sensitive directories that are harmless to share (time zone, CA bundle). */
const HARMLESS = [/^\/etc\/localtime$/, /^\/etc\/timezone$/, /^\/usr\/share\/zoneinfo(\/|$)/, /^\/etc\/(ssl\/certs|pki\/ca-trust|ca-certificates)(\/|$)/];

interface Options {
  /** Node paths (exact, or a directory and everything under it) that are not reported. */
  allowedPaths: string[];
}

function normalise(p: string): string {
  const collapsed = p.replace(/\/+/g, '/').replace(/\/\.(?=\/|$)/g, '');
  return collapsed.length > 1 ? collapsed.replace(/\/$/, '') : collapsed;
}

function under(path: string, dir: string): boolean {
  return dir === '/' ? path === '/' : path === dir || path.startsWith(`${dir}/`);
}

export default defineK8sRule<Options>({
  meta: {
    id: 'k8s/host-path',
    judgesPatches: true,
    severity: 'warning',
    summary: "A pod that mounts a directory or file of the node (`hostPath` volume); an error for sensitive paths (/, /etc, /root, /proc, /sys, /dev, container runtime sockets, /var/lib/kubelet, ...).",
    rationale:
      "A hostPath volume ties the pod to one node's disk and bypasses the volume's isolation: a model server that can write a node path can plant binaries or read the credentials of other pods; the container runtime socket or /var/lib/kubelet is root on the node. For model weights a PVC, an image volume or a node-local cache through a CSI driver does the job without that. Node agents (GPU device plugins, GPU feature discovery, DCGM exporters) legitimately mount some of these paths; when they run as DaemonSets sensitive paths are reported as warnings, and the kubelet device-plugin and pod-resources sockets are allowed by default (`allowedPaths`). /proc, /sys, /dev, /boot, the container runtime sockets (by their standard paths, and any docker.sock, containerd.sock or crio.sock elsewhere, as with rootless Docker or k3s) and storage, /var/lib/kubelet and the cluster certificates are sensitive with everything under them; /, /etc, /root, /home, /var, /run and /usr only as a whole, so a model cache in /root/models or /var/cache is an ordinary (warning) hostPath. Unlike kube-linter's sensitive-host-mounts, which reports only a list of sensitive paths, every hostPath is reported (ordinary ones as warnings), the kubelet device-plugin sockets are allowed by default through `allowedPaths`, and DaemonSets get warnings.",
    fix: 'Replace the hostPath volume with a PersistentVolumeClaim, an emptyDir or a CSI volume. For a node agent that needs a node path, list it in `allowedPaths` (`rules: {k8s/host-path: [warning, {allowedPaths: [/var/log/pods]}]}`) or suppress the finding on the volume with `# genai-lint ignore=k8s/host-path -- <why>`.',
    scope: WORKLOAD_SCOPE,
    optionsSchema: {
      type: 'object',
      properties: {
        allowedPaths: { type: 'array', items: { type: 'string' }, description: 'Node paths not reported (a directory covers everything under it).' },
      },
      additionalProperties: false,
    },
    defaultOptions: { allowedPaths: ['/var/lib/kubelet/device-plugins', '/var/lib/kubelet/pod-resources'] },
  },
  check(ctx) {
    for (const pod of podSpecsOf(ctx.object)) {
      const volumes = (pod.spec as unknown as Record<string, unknown>).volumes;
      if (!Array.isArray(volumes)) continue;
      const allowed = (ctx.options.allowedPaths ?? []).map(normalise);
      const containers = containersOf(pod, ['initContainer', 'container']);
      volumes.forEach((v, i) => {
        if (!isRecord(v) || !isRecord(v.hostPath) || typeof v.hostPath.path !== 'string') return;
        const raw = v.hostPath.path;
        if (raw.includes('{{') || raw.includes('$(')) return;
        const path = normalise(raw);
        if (allowed.some((a) => under(path, a))) return;
        const name = typeof v.name === 'string' ? v.name : `#${i}`;
        const mounts = containers.flatMap((c) =>
          (Array.isArray(c.container.volumeMounts) ? c.container.volumeMounts : []).filter((m) => isRecord(m) && m.name === name).map((m) => ({ c, readOnly: m.readOnly === true })),
        );
        const writable = mounts.filter((m) => !m.readOnly).map((m) => m.c.label);
        if (HARMLESS.some((h) => h.test(path)) && !writable.length) return;
        const sensitive =
          SENSITIVE.filter((s) => (s.tree ? under(path, s.path) : path === s.path)).pop() ??
          (RUNTIME_SOCKET.test(path) ? { path, why: 'a container runtime socket (root on the node)' } : undefined);
        const agent = isNodeAgent(ctx.object);
        const how = writable.length ? `, writable by ${writable.join(', ')}` : mounts.length ? ', read-only' : '';
        ctx.report({
          message: sensitive
            ? `${workloadLabel(ctx.object, pod)} mounts the node's \`${raw}\` (hostPath volume \`${name}\`${how}): it exposes ${sensitive.why}${agent ? '; if this node agent needs it, add the path to allowedPaths or suppress with a reason' : ''}`
            : `${workloadLabel(ctx.object, pod)} mounts the node's \`${raw}\` (hostPath volume \`${name}\`${how}): the pod is tied to that node's disk and can ${writable.length ? 'change' : 'read'} the node's files`,
          path: `${pod.path}/volumes/${i}/hostPath/path`,
          part: 'value',
          fix: sensitive && writable.length && !agent
            ? `Replace hostPath volume \`${name}\` with a PVC or emptyDir; at the very least mount it \`readOnly: true\`.`
            : `Replace hostPath volume \`${name}\` with a PersistentVolumeClaim, an emptyDir or a CSI volume.`,
          severity: sensitive && !agent ? 'error' : 'warning',
        });
      });
    }
  },
});
