import { defineK8sRule } from '../../src/engine/rule.js';
import { isRecord } from '../../src/parse/kube.js';
import type { KubeObject } from '../../src/parse/kube.js';
import { sameNamespace } from '../../src/engine/run-index.js';
import { POD_BEARING_KINDS, workloadLabel } from '../lib/workload.js';
import { podTemplateLabels } from '../lib/selectors.js';

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
    // Pod templates indexed by label pair: a selector's matches are the workloads carrying all its pairs.
    const byLabel = ctx.index.memo('pod-templates-by-label', (idx) => {
      const m = new Map<string, KubeObject[]>();
      for (const w of idx.ofKind(...POD_BEARING_KINDS)) {
        for (const [k, v] of Object.entries(podTemplateLabels(w) ?? {})) {
          const key = `${k}=${String(v)}`;
          m.set(key, [...(m.get(key) ?? []), w]);
        }
      }
      return m;
    });
    const [first, ...rest] = selector.map(([k, v]) => byLabel.get(`${k}=${String(v)}`) ?? []);
    const matches = first.filter((w) => sameNamespace(w.namespace, svc.namespace) && rest.every((list) => list.includes(w)));
    if (matches.length) return;
    const candidates = ctx.index.ofKind(...POD_BEARING_KINDS).filter((w) => sameNamespace(w.namespace, svc.namespace));
    // Without any workload of the namespace in the run, the pods live elsewhere: nothing to compare.
    if (!candidates.length) return;
    let best: { w: KubeObject; shared: number } | undefined;
    for (const w of candidates) {
      const labels = podTemplateLabels(w) ?? {};
      const shared = selector.filter(([k, v]) => String(labels[k]) === String(v)).length + selector.filter(([k]) => k in labels).length;
      if (!best || shared > best.shared) best = { w, shared };
    }
    const wanted = selector.map(([k, v]) => `${k}=${String(v)}`).join(',');
    const hint = best && best.shared > 0 ? `; closest: ${workloadLabel(best.w)} with ${Object.entries(podTemplateLabels(best.w) ?? {}).map(([k, v]) => `${k}=${String(v)}`).join(',')}` : '';
    ctx.report({
      message: `Service \`${svc.name ?? '(unnamed)'}\` selects ${wanted}, which matches no pod template in the run${hint}: it has no endpoints`,
      path: '/spec/selector',
      fix: 'Correct the selector (or the pod template labels) so they match.',
    });
  },
});
