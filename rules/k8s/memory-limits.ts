import { defineK8sRule } from '../../src/rule-api.js';
import { unsafeFix } from '../../src/rule-api.js';
import { isRecord } from '../../src/rule-api.js';
import { containerAnchor, containersOf, sparkTemplateContainer, WORKLOAD_SCOPE, completePodSpecsOf, workloadLabel } from '../lib/workload.js';

export default defineK8sRule({
  meta: {
    id: 'k8s/memory-limits',
    severity: 'warning',
    summary: 'A container (init containers included) without resources.limits.memory.',
    rationale:
      'Model servers grow host memory while loading weights (safetensors are memory-mapped, tokenizers and KV-cache swap space live in RAM). Without a limit one pod can exhaust the node, and the kernel OOM-kills neighbours instead of the offender; the scheduler also cannot pack GPU nodes safely.'
      + ' Not judged: the driver and executor containers of Spark pod templates (`spark-kubernetes-driver`, `spark-kubernetes-executor`), whose memory Spark sets from its own configuration; pods KServe builds (InferenceService), whose defaulting fills requests and limits, and pods an operator completes (docs/workloads.md).',
    autofix: { applicability: 'unsafe', description: 'Sets the memory limit to the container\'s memory request when it has one (unsafe: a container that uses more than it requests is OOM-killed from then on). Without a request there is no value to take, and no fix.' },
    fix: 'Set `resources.limits.memory` (and a matching request) sized for the model load peak, or define a LimitRange with a default memory limit for the namespace.',
    scope: WORKLOAD_SCOPE,
    indexKinds: ['LimitRange'],
  },
  check(ctx) {
    for (const pod of completePodSpecsOf(ctx.object)) {
      if (pod.workload?.operatorResources) continue; // KServe defaults them (docs/workloads.md)
      // A LimitRange of the same namespace with a default Container memory limit fills the gap at admission.
      const defaulted = ctx.index.ofKind('LimitRange').some((lr) => {
        if (lr.namespace !== ctx.object.namespace) return false;
        const spec = isRecord(lr.raw.spec) ? lr.raw.spec : {};
        const limits = Array.isArray(spec.limits) ? spec.limits : [];
        return limits.some((l) => isRecord(l) && (l.type ?? 'Container') === 'Container' && isRecord(l.default) && l.default.memory !== undefined);
      });
      if (defaulted) continue;
      for (const c of containersOf(pod, ['initContainer', 'container'])) {
        if (sparkTemplateContainer(c.container)) continue;
        const res = isRecord(c.container.resources) ? c.container.resources : undefined;
        const limits = res && isRecord(res.limits) ? res.limits : undefined;
        if (limits && limits.memory !== undefined && limits.memory !== null) continue;
        const request = res && isRecord(res.requests) ? res.requests.memory : undefined;
        ctx.report({
          message: `${c.label} in ${workloadLabel(ctx.object, pod)} has no memory limit${request !== undefined ? ` (requests ${String(request)})` : ''}; one pod can exhaust the node's memory`,
          path: limits ? `${c.path}/resources/limits` : res ? `${c.path}/resources` : containerAnchor(c),
          fix: `Set \`resources.limits.memory\` for ${c.label}${request !== undefined ? ` (at least ${String(request)})` : ''}.`,
          autofix: request !== undefined && request !== null ? unsafeFix(ctx.edit.set(`${c.path}/resources/limits/memory`, request)) : undefined,
        });
      }
    }
  },
});
