import { it } from 'vitest';
import { ruleTester } from '../../helpers.js';

ruleTester('k8s/gpu-limits', {
  valid: [{ name: 'limit only: the request defaults to it', code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: x:1\n      resources: {limits: {amd.com/gpu: 1}}\n' }],
  invalid: [
    {
      name: 'a configured accelerator resource',
      code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: x:1\n      resources:\n        requests: {example.com/npu: 2}\n',
      config: { gpu: { resources: ['example.com/npu'] } },
      errors: [{ line: 9, column: 20, message: 'requests example.com/npu: 2 but sets no limit' }],
    },
  ],
});
