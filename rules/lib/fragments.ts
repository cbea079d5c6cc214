import type { KubeObject } from '../../src/rule-api.js';
import { isRecord } from '../../src/rule-api.js';
import { containersOf, podSpecsOf } from './workload.js';
import type { PodView } from './workload.js';

/** apps/v1 kinds whose `spec.selector` the API server requires. */
const SELECTOR_REQUIRED = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'];

/**
 * Whether a workload is a fragment rather than a whole object: a Kustomize
 * strategic-merge patch or an overlay that sets a few fields of an object
 * defined elsewhere. An apps/v1 workload without `spec.selector`, or a pod
 * whose containers have no image, would be rejected as written; rules that
 * report a *missing* field skip fragments, since the field may come from the
 * base. (k8s/schema still reports the missing required fields.) A pod an
 * operator completes (PodView.partial: a KServe model container, a KubeAI
 * Model) is a fragment too. `pod` is the pod judged (the first by default).
 */
export function isFragment(obj: KubeObject, pod: PodView | undefined = podSpecsOf(obj)[0]): boolean {
  const spec = isRecord(obj.raw.spec) ? obj.raw.spec : undefined;
  if (SELECTOR_REQUIRED.includes(obj.kind) && (!spec || spec.selector === undefined || spec.selector === null)) return true;
  if (!pod) return false;
  if (pod.partial) return true;
  const containers = containersOf(pod);
  return containers.length === 0 || containers.some((c) => typeof c.container.image !== 'string');
}
