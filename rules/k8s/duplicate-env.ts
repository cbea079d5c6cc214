import { defineK8sRule, isRecord } from '../../src/rule-api.js';
import { containersOf, WORKLOAD_SCOPE, podSpecsOf, workloadLabel } from '../lib/workload.js';

export default defineK8sRule({
  meta: {
    id: 'k8s/duplicate-env',
    judgesPatches: true,
    severity: 'warning',
    summary: 'The same environment variable name listed twice in one container (init containers included).',
    rationale:
      'When a name appears twice in `env`, the last entry wins (recent API servers print at most a warning that scrolls past in a deploy log). In model-server manifests this is how a tuned `VLLM_*`, `CUDA_VISIBLE_DEVICES` or `HF_HUB_OFFLINE` silently stops applying after someone appends a default further down (often through a Kustomize patch or a Helm merge). Values are never printed.',
    fix: 'Keep one entry per name: delete the one that should not apply.',
    scope: WORKLOAD_SCOPE,
  },
  check(ctx) {
    for (const pod of podSpecsOf(ctx.object)) {
      for (const c of containersOf(pod, ['initContainer', 'container', 'ephemeralContainer'])) {
        const env = c.container.env;
        if (!Array.isArray(env)) continue;
        const first = new Map<string, number>();
        env.forEach((e, i) => {
          if (!isRecord(e) || typeof e.name !== 'string') return;
          const seen = first.get(e.name);
          if (seen === undefined) {
            first.set(e.name, i);
            return;
          }
          const line = ctx.locate(`${c.path}/env/${seen}/name`, 'value').start.line;
          ctx.report({
            message: `${c.label} in ${workloadLabel(ctx.object, pod)} sets \`${e.name}\` again (first at line ${line}): this later entry silently wins`,
            path: `${c.path}/env/${i}/name`,
            part: 'value',
            fix: `Keep a single \`${e.name}\` entry in ${c.label}.`,
          });
        });
      }
    }
  },
});
