import { ruleTester } from '../../helpers.js';

ruleTester('k8s/service-selector', {
  valid: [
    {
      name: 'a Pod in a context file matches',
      code: 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  selector: {app: api}\n',
      context: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\n  labels: {app: api, tier: web}\nspec:\n  containers: []\n'],
    },
  ],
  invalid: [],
});

ruleTester('k8s/service-selector', {
  valid: [],
  invalid: [
    {
      name: 'the same labels in another namespace do not count as a match',
      code: 'apiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: a}\nspec:\n  selector: {app: x}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: b, labels: {app: x}}\nspec:\n  containers: []\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: q, namespace: a, labels: {app: y}}\nspec:\n  containers: []\n',
      errors: [{ line: 5, column: 3, message: 'matches only pods of namespace `b` (Pod `p`)' }],
    },
  ],
});
