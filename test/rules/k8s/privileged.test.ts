import { ruleTester } from '../../helpers.js';
import { pod } from './_shared.js';

ruleTester('k8s/privileged', {
  valid: [
    { name: 'privileged: false', code: pod('    - name: c\n      image: x:1\n      securityContext: {privileged: false}\n') },
    { name: 'no securityContext', code: pod('    - name: c\n      image: x:1\n') },
  ],
  invalid: [
    {
      name: 'an init container',
      code: pod('    - name: c\n      image: x:1\n', '  initContainers:\n    - name: setup\n      image: x:1\n      securityContext:\n        privileged: true\n'),
      errors: [{ line: 10, column: 9, endColumn: 25, message: 'init container `setup` in Pod `p` runs privileged' }],
    },
    {
      name: 'a GPU container gets the device-plugin hint',
      code: pod('    - name: vllm\n      image: x:1\n      resources: {limits: {nvidia.com/gpu: 1}}\n      securityContext: {privileged: true}\n'),
      errors: [{ line: 10, column: 25, message: 'the device plugin already provides the `nvidia.com/gpu` it requests' }],
    },
    {
      name: 'a DaemonSet node agent: a warning that says how to suppress',
      code: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: driver\nspec:\n  selector:\n    matchLabels: {app: driver}\n  template:\n    metadata:\n      labels: {app: driver}\n    spec:\n      containers:\n        - name: installer\n          image: x:1\n          securityContext: {privileged: true}\n',
      errors: [{ line: 15, column: 29, message: 'suppress with a reason' }],
    },
  ],
});
