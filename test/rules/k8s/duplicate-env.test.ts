import { ruleTester } from '../../helpers.js';
import { pod } from './_shared.js';

ruleTester('k8s/duplicate-env', {
  valid: [{ name: 'same name in two containers', code: pod('    - name: a\n      image: x:1\n      env: [{name: X, value: "1"}]\n    - name: b\n      image: x:1\n      env: [{name: X, value: "2"}]\n') }],
  invalid: [
    { name: 'peer edge case: duplicate in an init container', code: pod('    - name: c\n      image: x:1\n', '  initContainers:\n    - name: i\n      image: x:1\n      env: [{name: A, value: "1"}, {name: A, value: "2"}]\n'), errors: [{ line: 9, column: 43, message: 'sets `A` again' }] },
    {
      name: 'three times, the value never printed',
      code: pod('    - name: a\n      image: x:1\n      env:\n        - {name: HF_TOKEN, value: hf_first}\n        - {name: HF_TOKEN, value: hf_second}\n        - {name: HF_TOKEN, valueFrom: {secretKeyRef: {name: s, key: k}}}\n'),
      errors: [
        { line: 11, column: 18, message: /sets `HF_TOKEN` again \(first at line 10\)(?!.*hf_)/ },
        { line: 12, column: 18, message: 'first at line 10' },
      ],
    },
  ],
});
