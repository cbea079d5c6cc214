import { ruleTester } from '../../helpers.js';
import { pod } from './_shared.js';

const withVolume = (path: string, mount = '', kind = 'Pod') =>
  kind === 'Pod'
    ? pod(`    - name: c\n      image: x:1\n      volumeMounts:\n        - {name: v, mountPath: /v${mount}}\n`, `  volumes:\n    - name: v\n      hostPath:\n        path: ${path}\n`)
    : `apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  selector:\n    matchLabels: {app: a}\n  template:\n    metadata:\n      labels: {app: a}\n    spec:\n      volumes:\n        - name: v\n          hostPath:\n            path: ${path}\n      containers:\n        - name: c\n          image: x:1\n          volumeMounts:\n            - {name: v, mountPath: /v}\n`;

ruleTester('k8s/host-path', {
  valid: [
    { name: 'device-plugin socket directory (default allowedPaths)', code: withVolume('/var/lib/kubelet/device-plugins/') },
    { name: 'read-only time zone file', code: withVolume('/etc/localtime', ', readOnly: true') },
    { name: 'a path listed in allowedPaths', code: withVolume('/var/log/pods'), config: { rules: { 'k8s/host-path': ['warning', { allowedPaths: ['/var/log'] }] } } },
  ],
  invalid: [
    {
      name: 'a node directory for a model cache: warning',
      code: withVolume('/mnt/nvme/models'),
      errors: [{ line: 9, column: 15, endColumn: 31, message: "mounts the node's `/mnt/nvme/models` (hostPath volume `v`, writable by container `c`): the pod is tied to that node's disk" }],
    },
    {
      name: 'a model cache under /root is an ordinary node directory, not root\'s home',
      code: withVolume('/root/models'),
      errors: [{ line: 9, column: 15, message: "mounts the node's `/root/models` (hostPath volume `v`, writable by container `c`): the pod is tied to that node's disk" }],
    },
    {
      name: 'peer edge case: a runtime socket outside the standard paths (k3s)',
      code: withVolume('/run/k3s/containerd/containerd.sock'),
      errors: [{ line: 9, column: 15, message: 'it exposes a container runtime socket (root on the node)' }],
    },
    {
      name: 'the kubelet plugin registry is named for what it is',
      code: withVolume('/var/lib/kubelet/plugins_registry/'),
      errors: [{ line: 9, column: 15, message: "it exposes the kubelet's plugin registration sockets" }],
    },
    {
      name: '/proc read-only is still sensitive',
      code: withVolume('/proc', ', readOnly: true'),
      errors: [{ line: 9, column: 15, message: "(hostPath volume `v`, read-only): it exposes the node's processes" }],
    },
    {
      name: 'under /var/lib/kubelet: the pod volumes of every pod',
      code: withVolume('/var/lib/kubelet/pods'),
      errors: [{ line: 9, column: 15, message: "the kubelet's state" }],
    },
    {
      name: 'a DaemonSet node agent mounting /sys: reported, with the way to allow it',
      code: withVolume('/sys', '', 'DaemonSet'),
      errors: [{ line: 15, column: 19, message: 'add the path to allowedPaths or suppress with a reason' }],
    },
  ],
});
