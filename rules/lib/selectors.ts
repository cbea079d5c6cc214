import { isRecord, pointerSegment } from '../../src/rule-api.js';
import { podTemplateLabels } from './workload.js';

// The labels of a workload's pods are read in one place (workload.ts); selector rules use them from here too.
export { podTemplateLabels };

/** One requirement of a label selector that the labels fail, with its pointer (relative to the selector). */
export interface SelectorMiss {
  path: string;
  /** `app=vllm`, `tier in (a,b)`. */
  text: string;
}

/**
 * Requirements of a metav1.LabelSelector (matchLabels and matchExpressions)
 * that a label set does not meet; [] when it matches. undefined when the
 * selector cannot be evaluated statically (non-string values, unknown operators).
 */
export function selectorMisses(selector: Record<string, unknown>, labels: Record<string, unknown>): SelectorMiss[] | undefined {
  const misses: SelectorMiss[] = [];
  const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined);
  if (selector.matchLabels !== undefined && selector.matchLabels !== null) {
    if (!isRecord(selector.matchLabels)) return undefined;
    for (const [k, v] of Object.entries(selector.matchLabels)) {
      const want = str(v);
      if (want === undefined) return undefined;
      if (str(labels[k]) !== want) misses.push({ path: `/matchLabels/${pointerSegment(k)}`, text: `${k}=${want}` });
    }
  }
  if (selector.matchExpressions !== undefined && selector.matchExpressions !== null) {
    if (!Array.isArray(selector.matchExpressions)) return undefined;
    for (const [i, e] of selector.matchExpressions.entries()) {
      if (!isRecord(e) || typeof e.key !== 'string' || typeof e.operator !== 'string') return undefined;
      const values = Array.isArray(e.values) ? e.values.map(str) : [];
      if (values.some((v) => v === undefined)) return undefined;
      const have = str(labels[e.key]);
      let ok: boolean;
      switch (e.operator) {
        case 'In':
          ok = have !== undefined && values.includes(have);
          break;
        case 'NotIn':
          ok = have === undefined || !values.includes(have);
          break;
        case 'Exists':
          ok = have !== undefined;
          break;
        case 'DoesNotExist':
          ok = have === undefined;
          break;
        default:
          return undefined;
      }
      if (!ok) misses.push({ path: `/matchExpressions/${i}`, text: `${e.key} ${e.operator}${values.length ? ` (${values.join(',')})` : ''}` });
    }
  }
  return misses;
}

/** A selector with neither matchLabels nor matchExpressions entries. */
export function isEmptySelector(selector: Record<string, unknown>): boolean {
  const labels = isRecord(selector.matchLabels) ? Object.keys(selector.matchLabels).length : 0;
  const exprs = Array.isArray(selector.matchExpressions) ? selector.matchExpressions.length : 0;
  return labels === 0 && exprs === 0;
}
