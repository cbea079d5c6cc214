import { describe, expect, it } from 'vitest';
import { lint } from '../../../src/index.js';
import { lintSnippet, project, ruleTester } from '../../helpers.js';
import { pod } from './_shared.js';

const on = { rules: { 'k8s/automount-token': 'warning' } } as const;

describe('k8s/automount-token is in the strict preset only', () => {
  it('is off by default', () => {
    expect(lintSnippet({ code: pod('    - name: c\n      image: x:1\n') }).filter((f) => f.ruleId === 'k8s/automount-token')).toEqual([]);
  });
});

describe('k8s/automount-token under a kustomization', () => {
  const rbac = [
    'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: controller-manager\n  namespace: system\n',
    'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: manager-rolebinding\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: manager-role}\nsubjects:\n  - {kind: ServiceAccount, name: controller-manager, namespace: system}\n',
  ].join('---\n');
  const manager = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: controller-manager\n  namespace: system\nspec:\n  serviceAccountName: controller-manager\n  containers:\n    - name: manager\n      image: x:1\n';
  const findings = async (files: Record<string, string>) => {
    const dir = project({ '.genai-lint.yaml': 'rules:\n  k8s/automount-token: warning\n', ...files });
    return (await lint({ paths: [dir], cwd: dir })).findings.filter((f) => f.ruleId === 'k8s/automount-token').map((f) => `${f.file} ${f.range.start.line}:${f.range.start.column}`);
  };
  it('a binding subject moves with the ServiceAccount when kustomize replaces the namespace', async () => {
    expect(await findings({ 'kustomization.yaml': 'namespace: llm-system\nresources: [rbac.yaml, manager.yaml]\n', 'rbac.yaml': rbac, 'manager.yaml': manager })).toEqual([]);
  });
  it('without the binding, the pod is still reported', async () => {
    expect(await findings({ 'kustomization.yaml': 'namespace: llm-system\nresources: [rbac.yaml, manager.yaml]\n', 'rbac.yaml': rbac.split('---\n')[0], 'manager.yaml': manager })).toEqual(['manager.yaml 6:1']);
  });
});

ruleTester('k8s/automount-token', {
  valid: [
    { name: 'opted out on the pod', code: pod('    - name: c\n      image: x:1\n', '  automountServiceAccountToken: false\n'), config: on },
    {
      name: 'a service account bound by a ClusterRoleBinding uses the API',
      code: pod('    - name: c\n      image: x:1\n', '  serviceAccountName: ctl\n'),
      context: ['apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ctl\n', 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: b\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}\nsubjects:\n  - {kind: ServiceAccount, name: ctl, namespace: default}\n'],
      config: on,
    },
    { name: 'a named service account the run does not define is managed elsewhere (an operator installed separately)', code: pod('    - name: c\n      image: x:1\n', '  serviceAccountName: keda-operator\n'), config: on },
    { name: 'a service account name from envsubst', code: pod('    - name: c\n      image: x:1\n', '  serviceAccountName: $K8S_SA_NAME\n'), config: on },
  ],
  invalid: [
    {
      name: 'a named service account defined in the run with no binding',
      code: pod('    - name: c\n      image: x:1\n', '  serviceAccountName: vllm\n'),
      context: ['apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: vllm\n'],
      config: on,
      errors: [{ line: 5, column: 1, message: 'Pod `p` mounts the token of service account `vllm`' }],
    },
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
