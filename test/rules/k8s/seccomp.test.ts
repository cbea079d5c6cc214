import { describe, expect, it } from 'vitest';
import { lintSnippet, ruleTester } from '../../helpers.js';
import { pod } from './_shared.js';

const on = { rules: { 'k8s/seccomp': 'warning' } } as const;

describe('k8s/seccomp is in the strict preset only', () => {
  it('is off by default', () => {
    expect(lintSnippet({ code: pod('    - name: c\n      image: x:1\n') }).filter((f) => f.ruleId === 'k8s/seccomp')).toEqual([]);
  });
});

ruleTester('k8s/seccomp', {
  valid: [
    { name: 'container-level Localhost profile', code: pod('    - name: c\n      image: x:1\n      securityContext:\n        seccompProfile: {type: Localhost, localhostProfile: profiles/vllm.json}\n'), config: on },
    { name: 'pod-level RuntimeDefault', code: pod('    - name: c\n      image: x:1\n', '  securityContext:\n    seccompProfile: {type: RuntimeDefault}\n'), config: on },
  ],
  invalid: [
    {
      name: 'peer edge case: the seccomp annotation, ignored since Kubernetes 1.27, does not count',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    seccomp.security.alpha.kubernetes.io/pod: runtime/default\nspec:\n  containers:\n    - name: a\n      image: x:1\n',
      config: on,
      errors: [{ line: 7, column: 1, message: 'Pod `p` sets no seccomp profile for container `a`' }],
    },
    {
      name: 'peer edge case: a container Unconfined under a RuntimeDefault pod',
      code: pod('    - name: a\n      image: x:1\n      securityContext:\n        seccompProfile: {type: Unconfined}\n', '  securityContext:\n    seccompProfile: {type: RuntimeDefault}\n'),
      config: on,
      errors: [{ line: 12, column: 32, message: 'container `a` in Pod `p` runs without seccomp (`seccompProfile.type: Unconfined`)' }],
    },
    {
      name: 'AppArmor and SELinux options do not stand in for seccomp',
      code: pod('    - name: a\n      image: x:1\n      securityContext:\n        appArmorProfile: {type: RuntimeDefault}\n        seLinuxOptions: {level: "s0:c123,c456"}\n        capabilities: {drop: [ALL]}\n'),
      config: on,
      errors: [{ line: 5, column: 1, message: 'Pod `p` sets no seccomp profile for container `a`' }],
    },
    {
      name: 'no profile anywhere: one finding at the pod spec',
      code: pod('    - name: a\n      image: x:1\n    - name: b\n      image: x:1\n'),
      config: on,
      errors: [{ line: 5, column: 1, message: 'Pod `p` sets no seccomp profile for container `a`, container `b`' }],
    },
    {
      name: 'pod-level Unconfined',
      code: pod('    - name: a\n      image: x:1\n', '  securityContext:\n    seccompProfile:\n      type: Unconfined\n'),
      config: on,
      errors: [{ line: 8, column: 13, message: 'runs container `a` without seccomp (pod `seccompProfile.type: Unconfined`)' }],
    },
  ],
});
