import { ruleTester } from '../../helpers.js';
import { pod } from './_shared.js';

ruleTester('k8s/run-as-non-root', {
  valid: [{ name: 'pod-level runAsNonRoot applies to all containers', code: pod('    - name: a\n      image: x:1\n    - name: b\n      image: y:1\n', '  securityContext: {runAsNonRoot: true}\n') }],
  invalid: [
    {
      name: 'container runAsUser: 0 overrides a safe pod setting',
      code: pod('    - name: a\n      image: x:1\n      securityContext:\n        runAsUser: 0\n', '  securityContext: {runAsNonRoot: true, runAsUser: 1000}\n'),
      errors: [{ line: 11, column: 9, message: 'runs as root (`runAsUser: 0`)' }],
    },
  ],
});
