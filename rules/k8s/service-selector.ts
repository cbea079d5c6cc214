import { defineK8sRule } from '../../src/engine/rule.js';
import { isRecord, valueAtPointer } from '../../src/parse/kube.js';
import type { KubeObject } from '../../src/parse/kube.js';
import { sameNamespace } from '../../src/engine/run-index.js';
import { POD_BEARING_KINDS, POD_SPEC_PATHS, workloadLabel } from '../lib/workload.js';

/** Labels of the pods a workload creates (its pod template's labels). */
export function podTemplateLabels(obj: KubeObject): Record<string, unknown> | undefined {
  const specPath = POD_SPEC_PATHS[obj.kind];
  if (!specPath) return undefined;
  const metaPath = obj.kind === 'Pod' ? '/metadata' : specPath.replace(/\/spec$/, '/metadata');
  const meta = valueAtPointer(obj.raw, metaPath);
  return isRecord(meta) && isRecord(meta.labels) ? meta.labels : {};
}

export default defineK8sRule({
  meta: {
    id: 'k8s/service-selector',
    severity: 'warning',
    summary: 'A Service whose selector matches no pod template in the run.',
    rationale:
      'A selector with a typo (`app: vllm-server` for pods labelled `app: vllm`) is valid YAML and a valid Service: it simply has no endpoints. Clients get connection refused or 503s from the gateway, and nothing in the deploy output says why.',
    fix: 'Make the Service selector a subset of the pod template labels of the workload it fronts.',
    kinds: ['Service'],
    indexKinds: POD_BEARING_KINDS,
  },
  check(ctx) {
    const svc = ctx.object;
    const spec = isRecord(svc.raw.spec) ? svc.raw.spec : {};
    if (spec.type === 'ExternalName' || !isRecord(spec.selector)) return;
    const selector = Object.entries(spec.selector);
    if (!selector.length) return;
    // Pod templates indexed by label pair and by label key, with their labels and run order, built once per run:
    // a Service costs the size of its selector's lists, not a pass over every workload.
    const idx = ctx.index.memo('pod-templates-by-label', (index) => {
      const byPair = new Map<string, Set<KubeObject>>();
      const byKey = new Map<string, KubeObject[]>();
      const labels = new Map<KubeObject, Record<string, unknown>>();
      const order = new Map<KubeObject, number>();
      const workloads = index.ofKind(...POD_BEARING_KINDS);
      workloads.forEach((w, i) => {
        const l = podTemplateLabels(w) ?? {};
        labels.set(w, l);
        order.set(w, i);
        for (const [k, v] of Object.entries(l)) {
          const pair = `${k}=${String(v)}`;
          let set = byPair.get(pair);
          if (!set) byPair.set(pair, (set = new Set()));
          set.add(w);
          let list = byKey.get(k);
          if (!list) byKey.set(k, (list = []));
          list.push(w);
        }
      });
      return { byPair, byKey, labels, order, workloads, namespaces: new Map<string | undefined, boolean>() };
    });
    const [first, ...rest] = selector.map(([k, v]) => idx.byPair.get(`${k}=${String(v)}`) ?? new Set<KubeObject>());
    for (const w of first) {
      if (sameNamespace(w.namespace, svc.namespace) && rest.every((set) => set.has(w))) return;
    }
    // Without any workload of the namespace in the run, the pods live elsewhere: nothing to compare.
    let anyInNamespace = idx.namespaces.get(svc.namespace);
    if (anyInNamespace === undefined) {
      anyInNamespace = idx.workloads.some((w) => sameNamespace(w.namespace, svc.namespace));
      idx.namespaces.set(svc.namespace, anyInNamespace);
    }
    if (!anyInNamespace) return;
    // The closest workload: most selector pairs matched plus selector keys present; the first in run order on a tie.
    const shared = new Map<KubeObject, number>();
    const count = (w: KubeObject) => sameNamespace(w.namespace, svc.namespace) && shared.set(w, (shared.get(w) ?? 0) + 1);
    for (const set of [first, ...rest]) for (const w of set) count(w);
    for (const [k] of selector) for (const w of idx.byKey.get(k) ?? []) count(w);
    let best: { w: KubeObject; shared: number } | undefined;
    for (const [w, n] of shared) {
      if (!best || n > best.shared || (n === best.shared && idx.order.get(w)! < idx.order.get(best.w)!)) best = { w, shared: n };
    }
    const wanted = selector.map(([k, v]) => `${k}=${String(v)}`).join(',');
    const hint = best && best.shared > 0 ? `; closest: ${workloadLabel(best.w)} with ${Object.entries(idx.labels.get(best.w) ?? {}).map(([k, v]) => `${k}=${String(v)}`).join(',')}` : '';
    ctx.report({
      message: `Service \`${svc.name ?? '(unnamed)'}\` selects ${wanted}, which matches no pod template in the run${hint}: it has no endpoints`,
      path: '/spec/selector',
      fix: 'Correct the selector (or the pod template labels) so they match.',
    });
  },
});
