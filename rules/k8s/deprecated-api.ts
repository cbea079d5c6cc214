import { defineK8sRule } from '../../src/rule-api.js';
import { minorVersion, removedApi } from '../lib/api-versions.js';

export default defineK8sRule({
  meta: {
    id: 'k8s/deprecated-api',
    judgesPatches: true,
    severity: 'error',
    summary: 'An apiVersion that the configured Kubernetes version (kubernetesVersion, default 1.32) no longer serves.',
    rationale:
      'Removed API versions are rejected by the API server ("no matches for kind ... in version ..."): the apply fails, or a GitOps controller stops syncing the whole application. Charts copied from older examples still ship autoscaling/v2beta2 HPAs and policy/v1beta1 PDBs.',
    fix: 'Move the object to the replacement apiVersion named in the message, adjusting fields that changed (autoscaling/v2 metric targets, networking.k8s.io/v1 Ingress backends).',
  },
  check(ctx) {
    const target = minorVersion(ctx.settings.kubernetesVersion);
    const removed = removedApi(ctx.object.apiVersion, ctx.object.kind, target);
    if (!removed) return;
    ctx.report({
      message: `${ctx.object.apiVersion} ${ctx.object.kind} was removed in Kubernetes 1.${removed.removedIn} (target ${ctx.settings.kubernetesVersion}); use ${removed.replacement}`,
      path: '/apiVersion',
      part: 'value',
      fix: `Change apiVersion to ${removed.replacement}.`,
    });
  },
});
