import { defineK8sRule, isRecord, pointerSegment } from '../../src/rule-api.js';
import { workloadLabel } from '../lib/workload.js';
import { isEmptySelector, podTemplateLabels, selectorMisses } from '../lib/selectors.js';

const SELECTOR_KINDS = ['Deployment', 'StatefulSet', 'ReplicaSet', 'DaemonSet', 'Job', 'ReplicationController'];

export default defineK8sRule({
  meta: {
    id: 'k8s/selector-mismatch',
    severity: 'error',
    summary: "A Deployment, StatefulSet, ReplicaSet, DaemonSet, Job or ReplicationController whose selector does not match its own pod template's labels, or is empty.",
    rationale:
      "The API server rejects a workload whose `spec.selector` does not select the labels of `spec.template` (`selector does not match template labels`), so the apply fails; a selector change on an existing Deployment is also refused because the field is immutable. It usually comes from renaming the app label in one place only. Jobs are checked only when they set their own selector (`manualSelector: true`).",
    fix: "Make every `matchLabels` pair (and `matchExpressions` requirement) hold for `spec.template.metadata.labels`.",
    kinds: SELECTOR_KINDS,
  },
  check(ctx) {
    const obj = ctx.object;
    const spec = isRecord(obj.raw.spec) ? obj.raw.spec : undefined;
    if (!spec || !isRecord(spec.template)) return;
    const labels = podTemplateLabels(obj) ?? {};
    if (Object.values(labels).some((v) => typeof v === 'string' && v.includes('{{'))) return;
    const where = workloadLabel(obj);
    const labelText = Object.entries(labels).map(([k, v]) => `${k}=${String(v)}`).join(',') || 'none';
    if (obj.kind === 'ReplicationController') {
      // A plain map; absent means "the template's labels".
      if (!isRecord(spec.selector)) return;
      for (const [k, v] of Object.entries(spec.selector)) {
        if (String(labels[k]) === String(v)) continue;
        ctx.report({
          message: `${where} selects \`${k}=${String(v)}\`, but its pod template is labelled ${labelText}: the API server rejects it`,
          path: `/spec/selector/${pointerSegment(k)}`,
          part: 'span',
          fix: `Set \`${k}: ${String(v)}\` in spec.template.metadata.labels, or correct the selector.`,
        });
      }
      return;
    }
    if (obj.kind === 'Job' && spec.manualSelector !== true) return;
    if (!isRecord(spec.selector)) return; // a missing required selector is k8s/schema's
    if (isEmptySelector(spec.selector)) {
      ctx.report({
        message: `${where} has an empty selector: the API server rejects it (it would select every pod of the namespace)`,
        path: '/spec/selector',
        fix: `Select the template's labels, e.g. \`matchLabels: {${Object.entries(labels).slice(0, 1).map(([k, v]) => `${k}: ${String(v)}`).join('')}}\`.`,
      });
      return;
    }
    const misses = selectorMisses(spec.selector, labels);
    if (!misses) return;
    for (const m of misses) {
      ctx.report({
        message: `${where} selects \`${m.text}\`, but its pod template is labelled ${labelText}: the API server rejects it (selector does not match template labels)`,
        path: `/spec/selector${m.path}`,
        part: 'span',
        fix: 'Add the label to spec.template.metadata.labels, or correct the selector.',
      });
    }
  },
});
