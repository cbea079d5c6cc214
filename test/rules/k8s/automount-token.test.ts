import { describe, expect, it } from 'vitest';
import { lintSnippet, ruleTester } from '../../helpers.js';
import { fixturePositions, pod } from './_shared.js';

describe('k8s/automount-token fixtures', () => fixturePositions('k8s/automount-token', ['11:5']));

const on = { rules: { 'k8s/automount-token': 'warning' } } as const;

describe('k8s/automount-token is in the strict preset only', () => {
  it('is off by default', () => {
    expect(lintSnippet({ code: pod('    - name: c\n      image: x:1\n') }).filter((f) => f.ruleId === 'k8s/automount-token')).toEqual([]);
  });
});

ruleTester('k8s/automount-token', {
  valid: [
    { name: 'opted out on the pod', code: pod('    - name: c\n      image: x:1\n', '  automountServiceAccountToken: false\n'), config: on },
    {
      name: 'a service account bound by a ClusterRoleBinding uses the API',
      code: pod('    - name: c\n      image: x:1\n', '  serviceAccountName: ctl\n'),
      context: ['apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: b\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}\nsubjects:\n  - {kind: ServiceAccount, name: ctl, namespace: default}\n'],
      config: on,
    },
  ],
  invalid: [
    {
      name: 'the default service account',
      code: pod('    - name: c\n      image: x:1\n'),
      config: on,
      errors: [{ line: 5, column: 1, message: 'Pod `p` mounts the token of service account `default`' }],
    },
    {
      name: 'explicitly true on the pod wins over the ServiceAccount',
      code: pod('    - name: c\n      image: x:1\n', '  serviceAccountName: s\n  automountServiceAccountToken: true\n'),
      context: ['apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: s\nautomountServiceAccountToken: false\n'],
      config: on,
      errors: [{ line: 7, column: 3, message: '(`automountServiceAccountToken: true`)' }],
    },
  ],
});
