import { defineK8sRule, isRecord, pointerSegment } from '../../src/rule-api.js';
import type { KubeObject, RunSettings } from '../../src/rule-api.js';
import { gpuResourcesOf } from '../lib/gpu.js';
import { containersOf, podSpecsOf, WORKLOAD_KIND_NAMES, WORKLOAD_SCOPE, workloadLabel } from '../lib/workload.js';

/** The GPU resources a workload's containers ask for, with the pointer of the first use of each. */
function gpuUses(obj: KubeObject, settings: RunSettings): Map<string, string> {
  const out = new Map<string, string>();
  for (const pod of podSpecsOf(obj)) {
    for (const c of containersOf(pod, ['initContainer', 'container'])) {
      for (const use of gpuResourcesOf(c.container, settings)) {
        if (use.kind !== 'gpu' || out.has(use.resource)) continue;
        const field = use.limit !== undefined ? 'limits' : 'requests';
        out.set(use.resource, `${c.path}/resources/${field}/${pointerSegment(use.resource)}`);
      }
    }
  }
  return out;
}

/** The resources a ResourceQuota caps with `hard` (requests.<resource> for extended resources). */
function quotaLimits(quota: KubeObject): Set<string> {
  const spec = isRecord(quota.raw.spec) ? quota.raw.spec : {};
  const hard = isRecord(spec.hard) ? spec.hard : {};
  return new Set(Object.keys(hard));
}

/** An object's place in the run: file, document, List member. */
const key = (o: KubeObject) => `${o.file}\u0000${String(o.document.index).padStart(6, '0')}\u0000${o.basePath}`;

export default defineK8sRule({
  meta: {
    id: 'k8s/gpu-quota',
    severity: 'info',
    preset: 'strict',
    summary: 'A namespace of the run that holds GPU workloads but no ResourceQuota capping the GPU resource they request (`requests.nvidia.com/gpu`).',
    rationale:
      'GPUs are the most expensive resource of a cluster. Without a ResourceQuota on `requests.<gpu resource>` a namespace can take every GPU the autoscaler can buy: a runaway HPA, a copy-pasted replica count or a batch of test pods has no ceiling, and neighbouring teams starve. Kubernetes caps extended resources only through the `requests.` prefix (`requests.nvidia.com/gpu`, `requests.nvidia.com/mig-3g.40gb`, `requests.amd.com/gpu`). ' +
      'Judged per namespace of the run: the workloads that request GPUs (nvidia.com/gpu, MIG slices, amd.com/gpu, gpu.intel.com/*, configured `gpu.resources`) against the ResourceQuotas of the run in the same namespace (objects without a namespace match any, since they land where they are applied). Reported once per namespace, on the first such workload (by file and position), naming the others. Quotas kept in another repository are invisible here, which is why the rule is informational and in the strict preset only.',
    fix: 'Add a ResourceQuota to the namespace, e.g. `spec: {hard: {requests.nvidia.com/gpu: "8"}}`, sized to the GPUs the team may use.',
    scope: WORKLOAD_SCOPE,
    indexKinds: [...WORKLOAD_KIND_NAMES, 'ResourceQuota'],
  },
  check(ctx) {
    const obj = ctx.object;
    if (obj.contextOnly) return;
    const mine = gpuUses(obj, ctx.settings);
    if (!mine.size) return;
    // Namespaces are grouped as written: objects without one form the group of "the namespace they are applied to".
    const group = ctx.index
      .ofKind(...WORKLOAD_KIND_NAMES)
      .filter((o) => o.namespace === obj.namespace && !o.contextOnly && !o.patch && gpuUses(o, ctx.settings).size > 0)
      .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    if (group.length && key(group[0]) !== key(obj)) return;
    const capped = new Set<string>();
    for (const q of ctx.index.ofKind('ResourceQuota')) {
      if (q.namespace !== undefined && obj.namespace !== undefined && q.namespace !== obj.namespace) continue;
      for (const r of quotaLimits(q)) capped.add(r);
    }
    const uncapped = [...mine.keys()].filter((r) => !capped.has(`requests.${r}`));
    if (!uncapped.length) return;
    const others = group.filter((o) => key(o) !== key(obj));
    const ns = obj.namespace !== undefined ? `namespace \`${obj.namespace}\`` : 'the namespace these manifests are applied to';
    // A workload of the same kind and name elsewhere (a copy of a sample) is named with its file.
    const labelOf = (o: typeof obj) => (workloadLabel(o) === workloadLabel(obj) ? `${workloadLabel(o)} in ${o.file}` : workloadLabel(o));
    const also = others.length ? ` (with ${others.slice(0, 3).map(labelOf).join(', ')}${others.length > 3 ? ` and ${others.length - 3} more` : ''})` : '';
    ctx.report({
      message: `${workloadLabel(obj)}${also} requests ${uncapped.map((r) => `\`${r}\``).join(', ')} in ${ns}, and no ResourceQuota of the run caps ${uncapped.map((r) => `\`requests.${r}\``).join(', ')}: GPU use there has no ceiling`,
      path: mine.get(uncapped[0]),
      fix: `Add a ResourceQuota to ${ns} with \`hard: {requests.${uncapped[0]}: "<GPUs allowed>"}\`.`,
    });
  },
});
