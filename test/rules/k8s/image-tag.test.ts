import { ruleTester } from '../../helpers.js';
import { pod } from './_shared.js';

ruleTester('k8s/image-tag', {
  valid: [{ name: 'the floating tag list is an option', code: pod('    - name: a\n      image: ghcr.io/acme/x:nightly\n'), config: { rules: { 'k8s/image-tag': ['warning', { floatingTags: ['latest'] }] } } }],
  invalid: [
    {
      name: 'a custom floating tag',
      code: pod('    - name: a\n      image: ghcr.io/acme/x:canary\n'),
      config: { rules: { 'k8s/image-tag': ['warning', { floatingTags: ['latest', 'canary'] }] } },
      errors: [{ line: 8, column: 14, message: 'the floating tag `canary`' }],
    },
  ],
});

ruleTester('k8s/image-tag', {
  valid: [
    { name: 'envsubst image', code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: ${IMAGE}\n' },
    { name: 'Go template without spaces', code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: "{{.Image}}"\n' },
  ],
  invalid: [
    { name: 'an untagged image next to a templated one', code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: $IMAGE\n    - name: b\n      image: redis\n', errors: [{ line: 9, column: 14, message: 'no tag' }] },
  ],
});
