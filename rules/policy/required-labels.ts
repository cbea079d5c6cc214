import { definePolicyRule } from '../../src/rule-api.js';
import { isRecord } from '../../src/rule-api.js';
import { pointerSegment } from '../../src/rule-api.js';
import { finalImageChain } from '../../src/rule-api.js';
import { workloadLabel } from '../lib/workload.js';

/** Kinds checked when the policy names none: what runs workloads. */
const DEFAULT_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod'];

export default definePolicyRule({
  meta: {
    id: 'policy/required-labels',
    severity: 'error',
    summary: 'Policy: Kubernetes objects carry required labels/annotations (optionally matching a pattern); Dockerfiles carry required LABELs (policies.requiredLabels).',
    rationale:
      'Cost allocation of GPU spend, on-call routing and image provenance all hang off labels (`team`, `cost-center`, `org.opencontainers.image.source`). A workload without them is a GPU bill nobody owns.',
    fix: 'Add the missing labels or annotations with values that match the configured patterns.',
  },
  k8s(ctx) {
    const policy = ctx.settings.policies.requiredLabels;
    if (!policy || !(policy.kinds ?? DEFAULT_KINDS).includes(ctx.object.kind)) return;
    const meta = isRecord(ctx.object.raw.metadata) ? ctx.object.raw.metadata : {};
    for (const field of ['labels', 'annotations'] as const) {
      const required = policy[field];
      if (!required) continue;
      const present = isRecord(meta[field]) ? meta[field] : {};
      for (const [key, pattern] of Object.entries(required)) {
        const value = present[key];
        if (value === undefined) {
          ctx.report({ message: `${workloadLabel(ctx.object)} has no ${field === 'labels' ? 'label' : 'annotation'} \`${key}\``, path: `/metadata/${field}`, fix: `Add \`${key}\` to metadata.${field}.` });
        } else if (pattern && !new RegExp(pattern).test(String(value))) {
          ctx.report({
            message: `${field === 'labels' ? 'label' : 'annotation'} \`${key}\` of ${workloadLabel(ctx.object)} is \`${String(value)}\`, which does not match ${pattern}`,
            path: `/metadata/${field}/${pointerSegment(key)}`,
            part: 'value',
          });
        }
      }
    }
  },
  dockerfile(ctx) {
    const required = ctx.settings.policies.requiredLabels?.dockerfileLabels;
    if (!required?.length) return;
    const chain = finalImageChain(ctx.model);
    if (!chain.length) return;
    const present = new Set(chain.flatMap((s) => s.instructions.filter((i) => i.keyword === 'LABEL').flatMap((i) => i.properties.map((p) => p.name))));
    const missing = required.filter((l) => !present.has(l));
    if (missing.length) {
      ctx.report({ message: `the final image has no LABEL ${missing.map((l) => `\`${l}\``).join(', ')}`, range: chain[0].from.range, fix: `Add \`LABEL ${missing[0]}=...\` to the final stage.` });
    }
  },
});
