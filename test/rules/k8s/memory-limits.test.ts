import { ruleTester } from '../../helpers.js';
import { pod } from './_shared.js';
import type { Container } from 'kubernetes-types/core/v1.js';

ruleTester('k8s/memory-limits', {
  valid: [
    { name: 'limits set', code: pod('    - name: a\n      image: x:1\n      resources: {limits: {memory: 1Gi}}\n') },
    { name: 'a Spark pod template container: Spark fills in its resources', code: pod('    - name: spark-kubernetes-driver\n      image: spark:3.5.1\n') },
  ],
  invalid: [
    {
      name: 'a LimitRange of another namespace does not count',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: a\nspec:\n  containers:\n    - name: c\n      image: x:1\n',
      context: ['apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: d\n  namespace: b\nspec:\n  limits:\n    - type: Container\n      default: {memory: 1Gi}\n'],
      errors: [{ line: 8, column: 7 }],
    },
  ],
});
