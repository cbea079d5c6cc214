import { ruleTester } from '../../helpers.js';

ruleTester('k8s/deprecated-api', {
  valid: [],
  invalid: [
    {
      name: 'a Deployment names only its own replacement',
      code: 'apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata: {name: d}\nspec: {}\n',
      errors: [{ line: 1, column: 13, message: /use apps\/v1$/ }],
    },
    {
      name: 'a NetworkPolicy names networking.k8s.io/v1',
      code: 'apiVersion: extensions/v1beta1\nkind: NetworkPolicy\nmetadata: {name: n}\nspec: {}\n',
      errors: [{ line: 1, column: 13, message: /use networking\.k8s\.io\/v1$/ }],
    },
  ],
});
