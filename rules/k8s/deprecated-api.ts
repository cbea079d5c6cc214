import { defineK8sRule } from '../../src/rule-api.js';
import { isRecord, safeFix, unsafeFix } from '../../src/rule-api.js';
import type { K8sContext } from '../../src/rule-api.js';
import type { RemovedApi } from '../lib/api-versions.js';
import { minorVersion, removedApi } from '../lib/api-versions.js';

/** The apiVersion changed to its replacement, when that alone migrates the object. */
function apiVersionFix(ctx: K8sContext<Record<string, unknown>>, removed: RemovedApi) {
  if (!removed.versionOnly) return undefined;
  // policy/v1 reads an empty selector as every pod of the namespace, policy/v1beta1 as none.
  const spec = isRecord(ctx.object.raw.spec) ? ctx.object.raw.spec : {};
  if (ctx.object.kind === 'PodDisruptionBudget' && !(isRecord(spec.selector) && Object.keys(spec.selector).length)) return undefined;
  const problems = ctx.validateSchema(removed.replacement);
  if (!problems || problems.length) return undefined;
  const edit = ctx.edit.set('/apiVersion', removed.replacement);
  return removed.versionOnly === 'safe' ? safeFix(edit) : unsafeFix(edit);
}

export default defineK8sRule({
  meta: {
    id: 'k8s/deprecated-api',
    judgesPatches: true,
    severity: 'error',
    summary: 'An apiVersion that the configured Kubernetes version (kubernetesVersion, default 1.32) no longer serves.',
    rationale:
      'Removed API versions are rejected by the API server ("no matches for kind ... in version ..."): the apply fails, or a GitOps controller stops syncing the whole application. Charts copied from older examples still ship autoscaling/v2beta2 HPAs and policy/v1beta1 PDBs.',
    autofix: { applicability: 'mixed', description: 'Changes the apiVersion when that is the whole migration: the replacement reads the same fields the same way and the object validates against its schema (safe; unsafe where defaults differ: Deployments, DaemonSets and ReplicaSets from extensions/v1beta1 and apps/v1beta1, PodDisruptionBudgets from policy/v1beta1). Removals that move fields (Ingress, CustomResourceDefinition, webhooks, HPA autoscaling/v2beta1, ...) are not fixed.' },
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
      autofix: apiVersionFix(ctx, removed),
    });
  },
});
