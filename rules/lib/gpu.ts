import type { Container, Toleration } from 'kubernetes-types/core/v1.js';
import type { RunSettings } from '../../src/engine/config.js';
import { isRecord } from '../../src/parse/kube.js';

/** Extended resources that are GPUs or accelerators; a trailing * matches a prefix. */
export const DEFAULT_GPU_RESOURCES: readonly string[] = [
  'nvidia.com/gpu',
  'nvidia.com/mig-*',
  'nvidia.com/gpu.shared',
  'amd.com/gpu',
  'gpu.intel.com/*',
  'habana.ai/gaudi',
  'aws.amazon.com/neuron*',
  'google.com/tpu',
];

/** Taints GPU node pools commonly carry: `key` or `key=value`. */
export const DEFAULT_GPU_TAINT_KEYS: readonly string[] = ['nvidia.com/gpu', 'amd.com/gpu', 'sku=gpu'];

function matchesPattern(name: string, pattern: string): boolean {
  return pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}

export function isGpuResource(name: string, settings: RunSettings): boolean {
  return [...DEFAULT_GPU_RESOURCES, ...settings.gpuResources].some((p) => matchesPattern(name, p));
}

export interface GpuResourceUse {
  resource: string;
  request: string | number | undefined;
  limit: string | number | undefined;
}

function quantityField(v: unknown): string | number | undefined {
  return typeof v === 'string' || typeof v === 'number' ? v : undefined;
}

/** GPU resources a container asks for, in requests or limits. */
export function gpuResourcesOf(container: Container, settings: RunSettings): GpuResourceUse[] {
  const res = isRecord(container.resources) ? container.resources : {};
  const requests = isRecord(res.requests) ? res.requests : {};
  const limits = isRecord(res.limits) ? res.limits : {};
  const names = new Set([...Object.keys(requests), ...Object.keys(limits)].filter((n) => isGpuResource(n, settings)));
  return [...names].sort().map((resource) => ({
    resource,
    request: quantityField(requests[resource]),
    limit: quantityField(limits[resource]),
  }));
}

export function usesGpu(container: Container, settings: RunSettings): boolean {
  return gpuResourcesOf(container, settings).length > 0;
}

/** Number of GPUs a container gets: the limit (Kubernetes requires it equal to the request). */
export function gpuCount(container: Container, settings: RunSettings): number {
  let total = 0;
  for (const use of gpuResourcesOf(container, settings)) {
    const n = Number(use.limit ?? use.request ?? 0);
    if (Number.isFinite(n)) total += n;
  }
  return total;
}

/** Whether a toleration lets a pod onto nodes tainted for the given GPU resources. */
export function toleratesGpu(tolerations: readonly Toleration[], resources: readonly string[], settings: RunSettings): boolean {
  const taints = [...DEFAULT_GPU_TAINT_KEYS, ...settings.gpuTaintKeys, ...resources].map((t) => {
    const [key, value] = t.split('=', 2);
    return { key, value };
  });
  return tolerations.some((t) => {
    if (!isRecord(t)) return false;
    const op = t.operator ?? 'Equal';
    if (!t.key) return op === 'Exists';
    return taints.some((taint) => {
      if (taint.key !== t.key) return false;
      if (op === 'Exists' || taint.value === undefined) return true;
      return t.value === taint.value;
    });
  });
}
