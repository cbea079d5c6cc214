import { defineK8sRule, isRecord, sameNamespace } from '../../src/rule-api.js';
import type { KubeObject } from '../../src/rule-api.js';
import { WORKLOAD_SCOPE, completePodSpecsOf, workloadLabel } from '../lib/workload.js';
import { isFragment } from '../lib/fragments.js';

const BINDING_KINDS = ['RoleBinding', 'ClusterRoleBinding'];

/** The namespace written in an object's metadata, before a kustomization replaced it. */
function writtenNamespace(o: KubeObject): string | undefined {
  const meta = o.raw.metadata;
  return isRecord(meta) && typeof meta.namespace === 'string' ? meta.namespace : undefined;
}

export default defineK8sRule({
  meta: {
    id: 'k8s/automount-token',
    severity: 'warning',
    preset: 'strict',
    summary: 'A pod that gets a service account token mounted although nothing in the run grants its service account any role.',
    rationale:
      'Every pod gets a token of its service account at /var/run/secrets/kubernetes.io/serviceaccount unless it opts out. A model server never talks to the Kubernetes API; the token only helps an attacker who gets code execution through a model artefact or a tool call to explore the cluster. Pods whose service account is the subject of a RoleBinding or ClusterRoleBinding in the run are taken to use the API and are not reported (a kustomization\'s `namespace:` moves such a subject along with the ServiceAccount it names, as kustomize does), nor are pods whose ServiceAccount (in the run) sets `automountServiceAccountToken: false`. A named service account that the run does not define is managed elsewhere with its bindings (an operator installed separately, a cloud workload identity), so its pods are not judged; `default` always is. It is part of the strict preset only. Unlike Polaris\' automountServiceAccountToken, which wants the token off for every pod, a pod whose service account is granted a role in the run is taken to need it, since turning it off would break that pod.',
    fix: 'Set `automountServiceAccountToken: false` on the pod spec (or on its ServiceAccount); a pod that does need the API keeps the token and gets a RoleBinding for a dedicated service account.',
    scope: WORKLOAD_SCOPE,
    indexKinds: ['ServiceAccount', ...BINDING_KINDS],
  },
  check(ctx) {
    for (const pod of completePodSpecsOf(ctx.object)) {
      if (isFragment(ctx.object, pod)) continue;
      const spec = pod.spec as unknown as Record<string, unknown>;
      if (spec.automountServiceAccountToken === false) continue;
      const sa = typeof spec.serviceAccountName === 'string' ? spec.serviceAccountName : typeof spec.serviceAccount === 'string' ? spec.serviceAccount : 'default';
      if (sa.includes('{{') || sa.includes('$')) continue;
      const ns = ctx.object.namespace;
      const accounts = ctx.index.named('ServiceAccount', sa);
      const account = accounts.find((o) => sameNamespace(o.namespace, ns));
      // A named account that the run does not define is managed elsewhere, and so are its bindings.
      if (sa !== 'default' && !account) continue;
      if (spec.automountServiceAccountToken !== true && account && account.raw.automountServiceAccountToken === false) continue;
      const bound = ctx.index.ofKind(...BINDING_KINDS).some((b) => {
        const subjects = Array.isArray(b.raw.subjects) ? b.raw.subjects : [];
        return subjects.some((s) => {
          if (!isRecord(s) || s.kind !== 'ServiceAccount' || s.name !== sa) return false;
          // A subject without a namespace is in the binding's namespace.
          const written = typeof s.namespace === 'string' ? s.namespace : b.namespace;
          if (sameNamespace(written, ns)) return true;
          // kustomize moves a subject naming a ServiceAccount of the same build along with that account (`namespace: system` -> the kustomization's).
          return accounts.some((a) => writtenNamespace(a) === written && sameNamespace(a.namespace, ns));
        });
      });
      if (bound) continue;
      const explicit = spec.automountServiceAccountToken === true;
      ctx.report({
        message: `${workloadLabel(ctx.object, pod)} mounts the token of service account \`${sa}\`${explicit ? ' (`automountServiceAccountToken: true`)' : ''}, though no RoleBinding or ClusterRoleBinding in the run grants it anything`,
        path: explicit ? `${pod.path}/automountServiceAccountToken` : pod.path,
        part: explicit ? 'span' : 'key',
        fix: `Set \`automountServiceAccountToken: false\` in the pod spec of ${workloadLabel(ctx.object, pod)}${sa === 'default' ? '' : ` or on ServiceAccount \`${sa}\``}.`,
      });
    }
  },
});
