import { ruleTester } from '../../helpers.js';
import { pod } from './_shared.js';

ruleTester('k8s/resource-requests', {
  valid: [
    { name: 'a Spark pod template container: Spark fills in its resources', code: pod('    - name: spark-kubernetes-executor\n      image: spark:3.5.1\n') },
    { name: 'peer edge case: limits alone count as requests', code: pod('    - name: c\n      image: x:1\n      resources: {limits: {cpu: 1, memory: 1Gi}}\n') },
    { name: 'limits only: Kubernetes copies them into requests', code: pod('    - name: c\n      image: x:1\n      resources: {limits: {cpu: 1, memory: 1Gi}}\n') },
    {
      name: 'a LimitRange of the namespace defaults both',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: ml\nspec:\n  containers:\n    - name: c\n      image: x:1\n',
      context: ['apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: d\n  namespace: ml\nspec:\n  limits:\n    - type: Container\n      default: {cpu: 500m, memory: 1Gi}\n'],
    },
  ],
  invalid: [
    { name: 'peer edge case: cpu set, memory missing', code: pod('    - name: c\n      image: x:1\n      resources:\n        requests: {cpu: 1}\n'), errors: [{ line: 10, column: 9, message: 'has no memory request' }] },
    {
      name: 'a LimitRange of another namespace does not count',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: ml\nspec:\n  containers:\n    - name: c\n      image: x:1\n',
      context: ['apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: d\n  namespace: other\nspec:\n  limits:\n    - type: Container\n      default: {cpu: 500m, memory: 1Gi}\n'],
      errors: [{ line: 8, column: 7, message: 'container `c` in Pod `p` has no cpu and memory requests' }],
    },
    {
      name: 'a GPU container gets the over-packing hint',
      code: pod('    - name: c\n      image: x:1\n      resources:\n        limits: {nvidia.com/gpu: 1}\n'),
      errors: [{ line: 9, column: 7, message: 'packs it onto a GPU node' }],
    },
  ],
});
