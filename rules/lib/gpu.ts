import type { Container, PodSpec, Toleration } from 'kubernetes-types/core/v1.js';
import type { RunSettings } from '../../src/rule-api.js';
import { isRecord } from '../../src/rule-api.js';

/**
 * What an extended resource is: a GPU (NVIDIA, AMD, Intel, MIG slices and
 * shared GPUs), a TPU (Google Cloud TPU chips), or another accelerator
 * (Gaudi, Neuron). Rules about NCCL, GPU taints or GPU budgets judge GPUs
 * only; rules about extended resources in general judge them all.
 */
export type AcceleratorKind = 'gpu' | 'tpu' | 'other';

/** Extended resources that are accelerators, by kind; a trailing * matches a prefix. */
export const DEFAULT_ACCELERATOR_RESOURCES: readonly (readonly [pattern: string, kind: AcceleratorKind])[] = [
  ['nvidia.com/gpu', 'gpu'],
  ['nvidia.com/mig-*', 'gpu'],
  ['nvidia.com/gpu.shared', 'gpu'],
  ['amd.com/gpu', 'gpu'],
  ['gpu.intel.com/*', 'gpu'],
  ['google.com/tpu', 'tpu'],
  ['habana.ai/gaudi', 'other'],
  ['aws.amazon.com/neuron*', 'other'],
];

/** Extended resources that are GPUs or accelerators (all kinds). */
export const DEFAULT_GPU_RESOURCES: readonly string[] = DEFAULT_ACCELERATOR_RESOURCES.map(([p]) => p);

/** Taints GPU node pools commonly carry: `key` or `key=value`. */
export const DEFAULT_GPU_TAINT_KEYS: readonly string[] = ['nvidia.com/gpu', 'amd.com/gpu', 'sku=gpu'];

function matchesPattern(name: string, pattern: string): boolean {
  return pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}

/** The accelerator kind of an extended resource; resources listed in `gpu.resources` of the config are GPUs. */
export function acceleratorKind(name: string, settings: RunSettings): AcceleratorKind | undefined {
  const builtIn = DEFAULT_ACCELERATOR_RESOURCES.find(([p]) => matchesPattern(name, p));
  if (builtIn) return builtIn[1];
  return settings.gpuResources.some((p) => matchesPattern(name, p)) ? 'gpu' : undefined;
}

export function isGpuResource(name: string, settings: RunSettings): boolean {
  return acceleratorKind(name, settings) !== undefined;
}

export interface GpuResourceUse {
  resource: string;
  kind: AcceleratorKind;
  request: string | number | undefined;
  limit: string | number | undefined;
}

function quantityField(v: unknown): string | number | undefined {
  return typeof v === 'string' || typeof v === 'number' ? v : undefined;
}

/** Accelerator resources (GPUs, TPUs, others) a container asks for, in requests or limits. */
export function gpuResourcesOf(container: Container, settings: RunSettings): GpuResourceUse[] {
  const res = isRecord(container.resources) ? container.resources : {};
  const requests = isRecord(res.requests) ? res.requests : {};
  const limits = isRecord(res.limits) ? res.limits : {};
  const out: GpuResourceUse[] = [];
  for (const resource of [...new Set([...Object.keys(requests), ...Object.keys(limits)])].sort()) {
    const kind = acceleratorKind(resource, settings);
    if (kind) out.push({ resource, kind, request: quantityField(requests[resource]), limit: quantityField(limits[resource]) });
  }
  return out;
}

/** Whether a container asks for any accelerator (GPU, TPU or other). */
export function usesGpu(container: Container, settings: RunSettings): boolean {
  return gpuResourcesOf(container, settings).length > 0;
}

/** Number of devices of the given kinds a container gets: the limit (Kubernetes requires it equal to the request). */
export function gpuCount(container: Container, settings: RunSettings, kinds: readonly AcceleratorKind[] = ['gpu']): number {
  let total = 0;
  for (const use of gpuResourcesOf(container, settings)) {
    if (!kinds.includes(use.kind)) continue;
    const n = Number(use.limit ?? use.request ?? 0);
    if (Number.isFinite(n)) total += n;
  }
  return total;
}

/** `4 GPUs`, `1 GPU`, `8 TPU chips`, `2 accelerators` for messages. */
export function deviceCount(n: number, kind: AcceleratorKind): string {
  const word = kind === 'gpu' ? 'GPU' : kind === 'tpu' ? 'TPU chip' : 'accelerator';
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Node labels only GKE accelerator node pools carry; GKE adds the matching tolerations itself. */
export const GKE_ACCELERATOR_NODE_LABELS: readonly string[] = [
  'cloud.google.com/gke-accelerator',
  'cloud.google.com/gke-tpu-accelerator',
  'cloud.google.com/gke-tpu-topology',
];

/** The node-label keys a pod constrains, in nodeSelector or in node affinity (required or preferred). */
export function nodeLabelKeys(spec: PodSpec): string[] {
  const keys: string[] = [];
  if (isRecord(spec.nodeSelector)) keys.push(...Object.keys(spec.nodeSelector));
  const node = isRecord(spec.affinity) && isRecord(spec.affinity.nodeAffinity) ? spec.affinity.nodeAffinity : undefined;
  if (!node) return keys;
  const terms: unknown[] = [];
  const required = node.requiredDuringSchedulingIgnoredDuringExecution;
  if (isRecord(required) && Array.isArray(required.nodeSelectorTerms)) terms.push(...required.nodeSelectorTerms);
  const preferred = node.preferredDuringSchedulingIgnoredDuringExecution;
  if (Array.isArray(preferred)) for (const p of preferred) if (isRecord(p)) terms.push(p.preference);
  for (const term of terms) {
    if (!isRecord(term)) continue;
    for (const list of [term.matchExpressions, term.matchFields]) {
      if (!Array.isArray(list)) continue;
      for (const e of list) if (isRecord(e) && typeof e.key === 'string') keys.push(e.key);
    }
  }
  return keys;
}

/** The GKE accelerator label a pod targets, if any: such pods get their GPU/TPU tolerations from GKE. */
export function gkeAcceleratorTarget(spec: PodSpec): string | undefined {
  return nodeLabelKeys(spec).find((k) => GKE_ACCELERATOR_NODE_LABELS.includes(k));
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
