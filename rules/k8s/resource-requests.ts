import { defineK8sRule, isRecord } from '../../src/rule-api.js';
import { containerAnchor, containersOf, sparkTemplateContainer, WORKLOAD_SCOPE, completePodSpecsOf, workloadLabel } from '../lib/workload.js';
import { isFragment } from '../lib/fragments.js';
import { usesGpu } from '../lib/gpu.js';

const RESOURCES = ['cpu', 'memory'] as const;

export default defineK8sRule({
  meta: {
    id: 'k8s/resource-requests',
    severity: 'warning',
    summary: 'A container (init containers included) without a cpu or memory request, where no limit and no LimitRange of its namespace sets one.',
    rationale:
      "The scheduler places pods by their requests. A container that requests nothing counts as free: GPU nodes get over-packed with tokenizers, gateways and sidecars until the model server is throttled or OOM-killed, and the pod is the first evicted under node pressure (BestEffort QoS). A limit without a request is not reported (Kubernetes copies the limit into the request), nor is a resource that a LimitRange of the same namespace in the run defaults (`default` or `defaultRequest`). Unlike kube-linter's unset-cpu-requirements and unset-memory-requirements, which want the request written out, a limit alone is accepted, since the API server copies it into the request. The driver and executor containers of Spark pod templates are not judged: Spark sets their resources from its own configuration. Nor are the pods of an InferenceService (KServe's defaulting fills requests and limits) or pods an operator completes (docs/workloads.md).",
    fix: 'Set `resources.requests.cpu` and `resources.requests.memory` to what the container uses at steady state (for a model server: the host RAM it needs while loading weights), or define a LimitRange with `defaultRequest` for the namespace.',
    scope: WORKLOAD_SCOPE,
    indexKinds: ['LimitRange'],
  },
  check(ctx) {
    for (const pod of completePodSpecsOf(ctx.object)) {
      if (pod.workload?.operatorResources) continue; // KServe defaults them (docs/workloads.md)
      if (isFragment(ctx.object, pod)) continue;
      // Resources a LimitRange of the same namespace defaults for containers at admission.
      const defaulted = new Set<string>();
      for (const lr of ctx.index.ofKind('LimitRange')) {
        if (lr.namespace !== ctx.object.namespace) continue;
        const spec = isRecord(lr.raw.spec) ? lr.raw.spec : {};
        for (const l of Array.isArray(spec.limits) ? spec.limits : []) {
          if (!isRecord(l) || (l.type ?? 'Container') !== 'Container') continue;
          for (const field of ['default', 'defaultRequest']) {
            const m = l[field];
            if (isRecord(m)) for (const r of RESOURCES) if (m[r] !== undefined && m[r] !== null) defaulted.add(r);
          }
        }
      }
      for (const c of containersOf(pod, ['initContainer', 'container'])) {
        if (sparkTemplateContainer(c.container)) continue;
        const res = isRecord(c.container.resources) ? (c.container.resources as Record<string, unknown>) : undefined;
        const requests = res && isRecord(res.requests) ? res.requests : {};
        const limits = res && isRecord(res.limits) ? res.limits : {};
        const set = (m: Record<string, unknown>, r: string) => m[r] !== undefined && m[r] !== null;
        const missing = RESOURCES.filter((r) => !set(requests, r) && !set(limits, r) && !defaulted.has(r));
        if (!missing.length) continue;
        const gpu = usesGpu(c.container, ctx.settings);
        const what = missing.length === 2 ? 'cpu and memory requests' : `${missing[0]} request`;
        ctx.report({
          message: `${c.label} in ${workloadLabel(ctx.object, pod)} has no ${what}: the scheduler places it as if it used none${gpu ? ' and packs it onto a GPU node regardless of host CPU and memory' : ''}`,
          path: res && isRecord(res.requests) ? `${c.path}/resources/requests` : res ? `${c.path}/resources` : containerAnchor(c),
          fix: `Set ${missing.map((r) => `\`resources.requests.${r}\``).join(' and ')} for ${c.label}.`,
        });
      }
    }
  },
});
