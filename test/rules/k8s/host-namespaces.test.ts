import { ruleTester } from '../../helpers.js';
import { pod } from './_shared.js';

ruleTester('k8s/host-namespaces', {
  valid: [{ name: 'false values', code: pod('    - name: c\n      image: x:1\n', '  hostNetwork: false\n  hostPID: false\n') }],
  invalid: [
    {
      name: 'hostNetwork for RDMA multi-node inference says it may be deliberate',
      code: pod('    - name: c\n      image: x:1\n      resources: {limits: {nvidia.com/gpu: 8, rdma/ib: 1}}\n', '  hostNetwork: true\n'),
      errors: [{ line: 6, column: 3, endColumn: 20, message: 'it requests RDMA devices: if multi-node inference needs the host network, suppress' }],
    },
    {
      name: 'hostIPC points at a memory-backed emptyDir',
      code: pod('    - name: c\n      image: x:1\n', '  hostIPC: true\n'),
      errors: [{ line: 6, column: 3, message: 'mount a memory-backed emptyDir at /dev/shm instead (k8s/shm-size)' }],
    },
  ],
});
