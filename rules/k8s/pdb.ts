import { defineK8sRule, isRecord, sameNamespace } from '../../src/rule-api.js';
import type { KubeObject } from '../../src/rule-api.js';
import { autoscalersOf } from '../lib/autoscaling.js';
import { workloadLabel } from '../lib/workload.js';
import { isEmptySelector, podTemplateLabels, selectorMisses } from '../lib/selectors.js';

/** Workloads whose replica count a PDB can be compared with. */
const REPLICATED_KINDS = ['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController'];

/** `0`, `"0"`, `"0%"` -> 0; `"100%"` -> 100 (percent); numbers as they are. */
function parseBudget(v: unknown): { value: number; percent: boolean } | undefined {
  if (typeof v === 'number' && Number.isInteger(v)) return { value: v, percent: false };
  if (typeof v !== 'string') return undefined;
  const m = /^(\d+)(%?)$/.exec(v.trim());
  return m ? { value: Number(m[1]), percent: m[2] === '%' } : undefined;
}

export default defineK8sRule({
  meta: {
    id: 'k8s/pdb',
    severity: 'warning',
    summary: 'A PodDisruptionBudget that allows no voluntary eviction: `maxUnavailable: 0`, `minAvailable: 100%`, or `minAvailable` at least the replica count of the workload it selects.',
    rationale:
      'A drain evicts pods only while the budget allows a disruption. With `maxUnavailable: 0`, or `minAvailable` equal to the replicas, it never does: `kubectl drain`, node auto-upgrades and cluster-autoscaler scale-down of GPU nodes wait forever (managed node pools give up after a timeout and force it, or the upgrade fails). GPU node pools are where this hurts most: one idle, expensive node cannot be removed. Workloads scaled by an autoscaler are not compared with their replica count, which moves. Unlike kube-linter\'s pdb-min-available, a percentage below 100% is not compared with the replica count, and an autoscaled workload is skipped rather than compared with the autoscaler\'s minimum, since both counts move.',
    fix: 'Allow at least one disruption: `maxUnavailable: 1` (or a percentage), or `minAvailable` below the replica count; run at least two replicas of a server that must stay up during drains.',
    kinds: ['PodDisruptionBudget'],
    indexKinds: REPLICATED_KINDS,
  },
  check(ctx) {
    const pdb = ctx.object;
    const spec = isRecord(pdb.raw.spec) ? pdb.raw.spec : undefined;
    if (!spec) return;
    const name = `PodDisruptionBudget \`${pdb.name ?? '(unnamed)'}\``;
    const maxU = parseBudget(spec.maxUnavailable);
    if (maxU && maxU.value === 0) {
      ctx.report({
        message: `${name} sets \`maxUnavailable: ${String(spec.maxUnavailable)}\`: no pod it covers can ever be evicted, so node drains and upgrades hang`,
        path: '/spec/maxUnavailable',
        part: 'span',
        fix: 'Set `maxUnavailable: 1`.',
      });
      return;
    }
    const minA = parseBudget(spec.minAvailable);
    if (!minA) return;
    if (minA.percent) {
      if (minA.value < 100) return;
      ctx.report({
        message: `${name} sets \`minAvailable: ${String(spec.minAvailable)}\`: no pod it covers can ever be evicted, so node drains and upgrades hang`,
        path: '/spec/minAvailable',
        part: 'span',
        fix: 'Use `maxUnavailable: 1` instead.',
      });
      return;
    }
    if (!isRecord(spec.selector) || isEmptySelector(spec.selector)) return;
    const selector = spec.selector;
    const matched = ctx.index.ofKind(...REPLICATED_KINDS).filter((w: KubeObject) => {
      if (!sameNamespace(w.namespace, pdb.namespace)) return false;
      const misses = selectorMisses(selector, podTemplateLabels(w) ?? {});
      return misses !== undefined && misses.length === 0;
    });
    // Compare only with exactly one selected workload of a fixed size.
    if (matched.length !== 1) return;
    const w = matched[0];
    if (autoscalersOf(w, ctx.index).length) return;
    const wspec = isRecord(w.raw.spec) ? w.raw.spec : {};
    const replicas = wspec.replicas === undefined || wspec.replicas === null ? 1 : wspec.replicas;
    if (typeof replicas !== 'number' || replicas === 0 || minA.value < replicas) return;
    ctx.report({
      message: `${name} sets \`minAvailable: ${minA.value}\` for ${workloadLabel(w)}, which runs ${replicas} replica${replicas === 1 ? '' : 's'}${wspec.replicas === undefined ? ' (the default)' : ''}: no pod can ever be evicted, so node drains and upgrades hang`,
      path: '/spec/minAvailable',
      part: 'span',
      fix: replicas > 1 ? `Set \`minAvailable: ${replicas - 1}\` or \`maxUnavailable: 1\`.` : `Run at least 2 replicas of ${workloadLabel(w)} and set \`minAvailable: 1\`, or use \`maxUnavailable: 1\`.`,
    });
  },
});
