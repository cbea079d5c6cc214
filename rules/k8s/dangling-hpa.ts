import { closest, defineK8sRule, isRecord, sameNamespace } from '../../src/rule-api.js';
import type { KubeObject } from '../../src/rule-api.js';
import { AUTOSCALER_KINDS, autoscalersOf, isAutoscaler, scaleTargetRef } from '../lib/autoscaling.js';
import { workloadLabel } from '../lib/workload.js';

/** Workload kinds an autoscaler commonly targets and that a repository defines itself. */
const SCALABLE_KINDS = ['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController'];

function directoryOf(file: string): string {
  const i = file.lastIndexOf('/');
  return i < 0 ? '' : file.slice(0, i);
}

export default defineK8sRule({
  meta: {
    id: 'k8s/dangling-hpa',
    severity: 'warning',
    summary: 'A HorizontalPodAutoscaler or KEDA ScaledObject whose target is not in the run though its kind is defined beside it; a scaled Deployment or StatefulSet that also sets `replicas`.',
    rationale:
      "An autoscaler whose `scaleTargetRef` names a workload that does not exist (a renamed Deployment, a typo, a wrong kind) scales nothing, silently: the model server stays at its initial replica count under load. It is reported only when the autoscaler's directory defines workloads of the target kind, so an autoscaler for a workload created by an operator (KServe, KubeRay, LWS) or kept in another repository is not reported. A workload that an autoscaler scales and that also sets `spec.replicas` is reset to that count on every `kubectl apply` or GitOps sync; for GPU servers that means pods killed mid-request, then recreated minutes later after the weights reload. Unlike kube-linter's dangling-horizontalpodautoscaler, which reports any target missing from the linted objects, the target's kind must be defined in the autoscaler's directory, so targets created by operators are not reported.",
    fix: "Correct the autoscaler's `scaleTargetRef` (kind, name, apiVersion) to the workload it should scale; remove `spec.replicas` from workloads an autoscaler owns (set the floor with the autoscaler's `minReplicas`).",
    kinds: [...AUTOSCALER_KINDS, ...SCALABLE_KINDS],
    indexKinds: [...AUTOSCALER_KINDS, ...SCALABLE_KINDS],
  },
  check(ctx) {
    const obj = ctx.object;
    if (SCALABLE_KINDS.includes(obj.kind)) {
      const spec = isRecord(obj.raw.spec) ? obj.raw.spec : {};
      if (typeof spec.replicas !== 'number' || !obj.name) return;
      const scalers = autoscalersOf(obj, ctx.index);
      if (!scalers.length) return;
      const s = scalers[0];
      ctx.report({
        message: `${workloadLabel(obj)} sets \`replicas: ${spec.replicas}\` but ${s.kind} \`${s.name ?? '(unnamed)'}\` scales it: every apply resets it to ${spec.replicas} replica${spec.replicas === 1 ? '' : 's'}`,
        path: '/spec/replicas',
        part: 'span',
        fix: `Remove \`replicas\` from ${workloadLabel(obj)}; set the floor with the autoscaler's minimum replicas.`,
      });
      return;
    }
    if (!isAutoscaler(obj)) return;
    const ref = scaleTargetRef(obj);
    if (!ref) return;
    const inRun = (o: KubeObject) => sameNamespace(o.namespace, obj.namespace);
    if (ctx.index.named(ref.kind, ref.name).some(inRun)) return;
    // Only where the autoscaler's own directory defines workloads of that kind: otherwise the target lives elsewhere.
    const dir = directoryOf(obj.file);
    const siblings = ctx.index.ofKind(ref.kind).filter((o) => inRun(o) && directoryOf(o.file) === dir && o.name !== undefined);
    if (!siblings.length) return;
    const suggestion = closest(ref.name, siblings.map((o) => o.name!));
    const hasName = isRecord(obj.raw.spec) && isRecord(obj.raw.spec.scaleTargetRef) && obj.raw.spec.scaleTargetRef.name !== undefined;
    ctx.report({
      message: `${obj.kind} \`${obj.name ?? '(unnamed)'}\` scales ${ref.kind} \`${ref.name}\`, which is not defined in the run (${siblings.length === 1 ? `${ref.kind} here: \`${siblings[0].name}\`` : `${siblings.length} ${ref.kind}s here`}${suggestion ? `; did you mean \`${suggestion}\`?` : ''}): it scales nothing`,
      path: hasName ? '/spec/scaleTargetRef/name' : '/spec/scaleTargetRef',
      part: hasName ? 'value' : 'key',
      fix: suggestion ? `Set \`scaleTargetRef.name: ${suggestion}\`.` : `Point scaleTargetRef at the ${ref.kind} this autoscaler should scale.`,
    });
  },
});
