import { defineK8sRule } from '../../src/rule-api.js';
import { safeFix, unsafeFix } from '../../src/rule-api.js';
import { pointerSegment } from '../../src/rule-api.js';
import { containersOf, WORKLOAD_SCOPE, podSpecsOf, workloadLabel } from '../lib/workload.js';
import { gpuResourcesOf } from '../lib/gpu.js';
import { parseQuantity } from '../lib/quantity.js';

export default defineK8sRule({
  meta: {
    id: 'k8s/gpu-limits',
    severity: 'error',
    summary: 'GPUs requested without a limit, or with a request different from the limit.',
    rationale:
      'GPUs are extended resources that cannot be overcommitted: the API server rejects a pod whose GPU request has no limit or differs from it ("Limit must be set for non overcommitable resources"). The Deployment is accepted, but its ReplicaSet can never create a pod, and the failure only shows in ReplicaSet events.',
    autofix: { applicability: 'mixed', description: 'Adds a limit equal to the request when there is none (safe); when both are set and differ, sets the limit to the request (unsafe: which count was meant is the author\'s call).' },
    fix: 'Put the GPU count under `resources.limits` (a request is then optional and defaults to the limit); if both are set, make them equal.',
    scope: WORKLOAD_SCOPE,
  },
  check(ctx) {
    for (const pod of podSpecsOf(ctx.object)) {
      for (const c of containersOf(pod, ['initContainer', 'container'])) {
        for (const g of gpuResourcesOf(c.container, ctx.settings)) {
          if (g.request === undefined) continue;
          const requestPath = `${c.path}/resources/requests/${pointerSegment(g.resource)}`;
          if (g.limit === undefined) {
            ctx.report({
              message: `${c.label} in ${workloadLabel(ctx.object, pod)} requests ${g.resource}: ${g.request} but sets no limit; the API server rejects the pod`,
              path: requestPath,
              part: 'span',
              fix: `Move \`${g.resource}: ${g.request}\` under \`resources.limits\`.`,
              autofix: safeFix(ctx.edit.set(`${c.path}/resources/limits/${pointerSegment(g.resource)}`, g.request)),
            });
          } else if (parseQuantity(g.request) !== parseQuantity(g.limit)) {
            ctx.report({
              message: `${c.label} in ${workloadLabel(ctx.object, pod)} requests ${g.request} ${g.resource} but limits it to ${g.limit}; requests of extended resources must equal limits`,
              path: requestPath,
              part: 'span',
              fix: `Set the request and the limit of ${g.resource} to the same count.`,
              autofix: unsafeFix(ctx.edit.set(`${c.path}/resources/limits/${pointerSegment(g.resource)}`, g.request)),
            });
          }
        }
      }
    }
  },
});
