import { ruleTester } from '../../helpers.js';
import { deployment, pod } from './_shared.js';

ruleTester('k8s/privilege-escalation', {
  valid: [
    { name: 'explicitly false', code: pod('    - name: c\n      image: x:1\n      securityContext: {allowPrivilegeEscalation: false}\n') },
    { name: 'privileged is k8s/privileged\'s finding', code: pod('    - name: c\n      image: x:1\n      securityContext: {privileged: true}\n') },
    { name: 'a Kustomize patch without selector (the base may set it)', code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  template:\n    spec:\n      containers:\n        - name: c\n          args: [--x]\n' },
    { name: 'Windows pods', code: pod('    - name: c\n      image: x:1\n', '  securityContext:\n    windowsOptions: {runAsUserName: ContainerUser}\n') },
  ],
  invalid: [
    {
      name: 'peer edge case: allowPrivilegeEscalation in the pod securityContext is not a pod field and does not count',
      code: deployment('      securityContext:\n        allowPrivilegeEscalation: false\n      containers:\n        - name: api\n          image: x:1\n'),
      errors: [{ line: 15, column: 11, message: 'container `api` in Deployment `d` allows privilege escalation: `allowPrivilegeEscalation` is not set' }],
    },
    {
      name: 'not set, no securityContext: at the container name',
      code: deployment('      containers:\n        - name: api\n          image: x:1\n'),
      errors: [{ line: 13, column: 11, message: 'container `api` in Deployment `d` allows privilege escalation: `allowPrivilegeEscalation` is not set' }],
    },
    {
      name: 'not set with a securityContext: at the securityContext key',
      code: pod('    - name: c\n      image: x:1\n      securityContext:\n        runAsNonRoot: true\n'),
      errors: [{ line: 9, column: 7, message: 'is not set and defaults to true' }],
    },
    {
      name: 'CAP_SYS_ADMIN implies escalation',
      code: pod('    - name: c\n      image: x:1\n      securityContext:\n        capabilities: {add: [CAP_SYS_ADMIN]}\n'),
      errors: [{ line: 10, column: 30, message: 'adds capability `CAP_SYS_ADMIN`, which always allows privilege escalation' }],
    },
    {
      name: 'false together with privileged: rejected by the API server',
      code: pod('    - name: c\n      image: x:1\n      securityContext:\n        privileged: true\n        allowPrivilegeEscalation: false\n'),
      errors: [{ line: 11, column: 9, message: 'the API server rejects this combination' }],
    },
    {
      name: 'false together with SYS_ADMIN: rejected by the API server',
      code: pod('    - name: c\n      image: x:1\n      securityContext:\n        allowPrivilegeEscalation: false\n        capabilities: {add: [SYS_ADMIN]}\n'),
      errors: [{ line: 10, column: 9, message: 'adds capability `SYS_ADMIN`: the API server rejects' }],
    },
  ],
});
