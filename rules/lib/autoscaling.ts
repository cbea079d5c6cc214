import type { KubeObject } from '../../src/rule-api.js';
import { isRecord } from '../../src/rule-api.js';
import { sameNamespace } from '../../src/rule-api.js';
import type { RunIndex } from '../../src/rule-api.js';
import type { RunSettings } from '../../src/rule-api.js';
import { containersOf, podSpecsOf, workloadKindOf } from './workload.js';
import type { PodView } from './workload.js';
import { gpuCount } from './gpu.js';

export const AUTOSCALER_KINDS = ['HorizontalPodAutoscaler', 'ScaledObject'] as const;

export function isAutoscaler(a: KubeObject): boolean {
  return (
    (a.kind === 'HorizontalPodAutoscaler' && a.apiVersion.startsWith('autoscaling/')) ||
    (a.kind === 'ScaledObject' && a.apiVersion.startsWith('keda.sh/'))
  );
}

/** The kind and name an autoscaler scales (KEDA defaults the kind to Deployment). */
export function scaleTargetRef(a: KubeObject): { kind: string; name: string } | undefined {
  const spec = isRecord(a.raw.spec) ? a.raw.spec : {};
  const ref = isRecord(spec.scaleTargetRef) ? spec.scaleTargetRef : undefined;
  if (!ref || typeof ref.name !== 'string') return undefined;
  const kind = typeof ref.kind === 'string' ? ref.kind : a.kind === 'ScaledObject' ? 'Deployment' : undefined;
  return kind ? { kind, name: ref.name } : undefined;
}

/**
 * Autoscalers of other projects that scale a workload through scaleTargetRef
 * (AIBrix PodAutoscaler). They count as autoscaling; the HPA-specific rules
 * (metrics, replica budgets) do not judge them.
 */
export const OTHER_AUTOSCALER_KINDS = ['PodAutoscaler'] as const;

/** Every kind autoscalersOf looks up: rules calling it list these in indexKinds. */
export const ALL_AUTOSCALER_KINDS = [...AUTOSCALER_KINDS, ...OTHER_AUTOSCALER_KINDS] as const;

function isOtherAutoscaler(a: KubeObject): boolean {
  return a.kind === 'PodAutoscaler' && a.apiVersion.startsWith('autoscaling.aibrix.ai/');
}

/** Autoscalers anywhere in the run that target `workload`. */
export function autoscalersOf(workload: KubeObject, index: RunIndex): KubeObject[] {
  const byTarget = index.memo('autoscalers-by-target', (idx) => {
    const m = new Map<string, KubeObject[]>();
    for (const a of idx.ofKind(...ALL_AUTOSCALER_KINDS)) {
      const ref = isAutoscaler(a) || isOtherAutoscaler(a) ? scaleTargetRef(a) : undefined;
      if (!ref) continue;
      const key = `${ref.kind}\u0000${ref.name}`;
      m.set(key, [...(m.get(key) ?? []), a]);
    }
    return m;
  });
  return (byTarget.get(`${workload.kind}\u0000${workload.name}`) ?? []).filter((a) => sameNamespace(a.namespace, workload.namespace));
}

/** The workload an autoscaler targets, when it is in the run. */
export function scaleTargetOf(a: KubeObject, index: RunIndex): KubeObject | undefined {
  const ref = scaleTargetRef(a);
  if (!ref) return undefined;
  return index.named(ref.kind, ref.name).find((w) => sameNamespace(w.namespace, a.namespace));
}

/** GPUs one pod holds: all app containers together, or the largest init container. */
export function gpusPerPod(pod: PodView, settings: RunSettings): number {
  const app = containersOf(pod).reduce((n, c) => n + gpuCount(c.container, settings), 0);
  const init = containersOf(pod, ['initContainer']).reduce((n, c) => Math.max(n, gpuCount(c.container, settings)), 0);
  return Math.max(app, init);
}

/**
 * GPUs one replica of a workload holds: its pod for core kinds; for kinds
 * with several pods per replica, each template's pods times their count (a
 * LeaderWorkerSet group: the leader plus size - 1 workers).
 */
export function gpusPerReplica(workload: KubeObject, settings: RunSettings): number {
  return podSpecsOf(workload).reduce((n, pod) => n + pod.perReplica * gpusPerPod(pod, settings), 0);
}

/** The GPU workload an autoscaler scales and its GPUs per pod; undefined for CPU workloads or targets outside the run. */
export function gpuScaleTarget(a: KubeObject, index: RunIndex, settings: RunSettings): { target: KubeObject; gpus: number } | undefined {
  if (!isAutoscaler(a)) return undefined;
  const target = scaleTargetOf(a, index);
  // Only kinds of the workload table: they are the ones shared between threads (indexKinds).
  if (!target || !workloadKindOf(target)) return undefined;
  const gpus = gpusPerReplica(target, settings);
  return gpus > 0 ? { target, gpus } : undefined;
}
