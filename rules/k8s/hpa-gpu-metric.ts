import { defineK8sRule } from '../../src/rule-api.js';
import { isRecord } from '../../src/rule-api.js';
import { AUTOSCALER_KINDS, gpuScaleTarget } from '../lib/autoscaling.js';
import { WORKLOAD_KIND_NAMES, workloadLabel } from '../lib/workload.js';

const CPU_MEMORY = new Set(['cpu', 'memory']);

/** Names of the resource metrics an autoscaler scales on, or undefined when it uses any other metric. */
function onlyResourceMetrics(raw: Record<string, unknown>, kind: string, apiVersion: string): string[] | undefined {
  const spec = isRecord(raw.spec) ? raw.spec : {};
  if (kind === 'ScaledObject') {
    const triggers = Array.isArray(spec.triggers) ? spec.triggers : [];
    const types = triggers.map((t) => (isRecord(t) && typeof t.type === 'string' ? t.type : ''));
    return types.length && types.every((t) => CPU_MEMORY.has(t)) ? types : undefined;
  }
  if (apiVersion === 'autoscaling/v1') return ['cpu'];
  const metrics = Array.isArray(spec.metrics) ? spec.metrics : [];
  if (!metrics.length) return ['cpu'];
  const names: string[] = [];
  for (const m of metrics) {
    if (!isRecord(m)) return undefined;
    const body = m.type === 'Resource' ? m.resource : m.type === 'ContainerResource' ? m.containerResource : undefined;
    if (!isRecord(body) || typeof body.name !== 'string' || !CPU_MEMORY.has(body.name)) return undefined;
    names.push(body.name);
  }
  return names;
}

export default defineK8sRule({
  meta: {
    id: 'k8s/hpa-gpu-metric',
    severity: 'warning',
    summary: 'An autoscaler of a GPU workload that scales only on CPU or memory utilisation.',
    rationale:
      'A GPU model server saturates on its request queue and batch size while its CPU sits idle and its memory stays flat (weights and KV cache are preallocated). A CPU- or memory-based autoscaler never adds replicas under load, so latency climbs until clients time out.',
    fix: 'Scale on a Pods or External metric from the server: vLLM `vllm:num_requests_waiting`, TGI `tgi_queue_size`, Triton queue time (`nv_inference_queue_duration_us`), through prometheus-adapter or a KEDA prometheus trigger.',
    kinds: AUTOSCALER_KINDS,
    indexKinds: WORKLOAD_KIND_NAMES,
  },
  check(ctx) {
    const a = ctx.object;
    const scaled = gpuScaleTarget(a, ctx.index, ctx.settings);
    if (!scaled) return;
    const { target, gpus } = scaled;
    const metrics = onlyResourceMetrics(a.raw, a.kind, a.apiVersion);
    if (!metrics) return;
    const spec = isRecord(a.raw.spec) ? a.raw.spec : {};
    const path = a.kind === 'ScaledObject' ? '/spec/triggers' : spec.metrics !== undefined ? '/spec/metrics' : spec.targetCPUUtilizationPercentage !== undefined ? '/spec/targetCPUUtilizationPercentage' : '/spec';
    ctx.report({
      message: `${a.kind} \`${a.name ?? '(unnamed)'}\` scales GPU ${workloadLabel(target)} (${gpus} GPU${gpus > 1 ? 's' : ''} per pod) only on ${[...new Set(metrics)].join(' and ')}: it will not add replicas when requests queue up`,
      path,
      fix: 'Scale on a queue-depth metric such as vllm:num_requests_waiting (Pods metric or KEDA prometheus trigger).',
    });
  },
});
