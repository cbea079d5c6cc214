import { defineK8sRule, sameNamespace } from '../../src/rule-api.js';
import type { KubeObject } from '../../src/rule-api.js';
import { POD_BEARING_KINDS, podTemplateLabels, serviceSelector, workloadLabel } from '../lib/workload.js';

/** Custom resources whose controllers create pods with labels of their own (LeaderWorkerSet, KubeRay, KServe...). */
export const POD_CREATING_CUSTOM_KINDS: readonly string[] = [
  'LeaderWorkerSet',
  'RayCluster',
  'RayService',
  'RayJob',
  'InferenceService',
  'LLMInferenceService',
  'JobSet',
  'PyTorchJob',
  'TFJob',
  'MPIJob',
  'TrainJob',
  'Rollout',
  'Notebook',
  'SeldonDeployment',
  'Model',
  'NIMService',
  'StormService',
  'RoleSet',
  'PodSet',
  'Workspace',
];

/** Label keys that controllers put on the pods they create, never written in a pod template. */
const CONTROLLER_LABEL = /^(pod-template-hash|controller-revision-hash|controller-uid|job-name|statefulset\.kubernetes\.io\/|apps\.kubernetes\.io\/|batch\.kubernetes\.io\/|leaderworkerset\.sigs\.k8s\.io\/|ray\.io\/|serving\.kserve\.io\/|serving\.knative\.dev\/|jobset\.sigs\.k8s\.io\/|training\.kubeflow\.org\/|kubeai\.org\/|rollouts-pod-template-hash)/;

function dirOf(file: string): string {
  const i = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return i >= 0 ? file.slice(0, i) : '';
}

function sameDir(a: KubeObject, b: KubeObject): boolean {
  return dirOf(a.file) === dirOf(b.file);
}

function labelList(labels: Record<string, unknown>): string {
  return Object.entries(labels).map(([k, v]) => `${k}=${String(v)}`).join(',');
}

export default defineK8sRule({
  meta: {
    id: 'k8s/service-selector',
    severity: 'warning',
    summary: 'A Service whose selector matches no pod template of its namespace in the run.',
    rationale:
      'A selector with a typo (`app: vllm-server` for pods labelled `app: vllm`) is valid YAML and a valid Service: it simply has no endpoints. Clients get connection refused or 503s from the gateway, and nothing in the deploy output says why. A Service only selects pods of its own namespace: pods with the right labels in another namespace do not count. ' +
      'Judged: core v1 Services with a selector, against the pod templates of Pods, Deployments, StatefulSets, DaemonSets, ReplicaSets, Jobs and CronJobs of the run in the same namespace (an object without `metadata.namespace` can be applied to any namespace, so it counts as the same). Reported when no pod template of the run matches while a workload beside the Service (same directory, a namespace it can share) uses some of the selector\'s label keys (a typo or a stale label), or when only a workload of another namespace beside it matches. ' +
      'Not judged: Services with no workload beside them that uses the selector\'s label keys (the pods are deployed from elsewhere: another directory, a chart, a template, a controller), Services in kube-system (cluster add-ons such as kube-dns), selectors using labels that controllers add themselves (pod-template-hash, statefulset.kubernetes.io/pod-name, leaderworkerset.sigs.k8s.io/*, ray.io/*, serving.kserve.io/*...), Services beside (or in the namespace of) custom resources that create pods (LeaderWorkerSet, RayCluster, InferenceService, JobSet, StormService...), ExternalName Services and Services of other API groups (Knative).',
    fix: 'Make the Service selector a subset of the pod template labels of the workload it fronts, in the same namespace.',
    kinds: ['Service'],
    indexKinds: [...POD_BEARING_KINDS, ...POD_CREATING_CUSTOM_KINDS],
  },
  check(ctx) {
    const svc = ctx.object;
    // kube-system Services front cluster add-ons (kube-dns...) that the cluster deploys, not the repository.
    if (svc.apiVersion !== 'v1' || svc.namespace === 'kube-system') return;
    const selector = serviceSelector(svc);
    if (!selector.length || selector.some(([k]) => CONTROLLER_LABEL.test(k))) return;
    // Pod templates indexed by label pair and by directory, with their labels, built once per run: a Service
    // costs the size of its selector's lists and of its directory, not a pass over every workload.
    const idx = ctx.index.memo('pod-templates-by-label-and-dir', (index) => {
      const byPair = new Map<string, Set<KubeObject>>();
      const byDir = new Map<string, KubeObject[]>();
      const labelsOf = new Map<KubeObject, Record<string, unknown>>();
      for (const w of index.ofKind(...POD_BEARING_KINDS)) {
        const labels = podTemplateLabels(w) ?? {};
        labelsOf.set(w, labels);
        for (const [k, v] of Object.entries(labels)) {
          const key = `${k}=${String(v)}`;
          let set = byPair.get(key);
          if (!set) byPair.set(key, (set = new Set()));
          set.add(w);
        }
        const dir = dirOf(w.file);
        let list = byDir.get(dir);
        if (!list) byDir.set(dir, (list = []));
        list.push(w);
      }
      return { byPair, byDir, labelsOf };
    });
    const [first, ...rest] = selector.map(([k, v]) => idx.byPair.get(`${k}=${v}`) ?? new Set<KubeObject>());
    const all = [...first].filter((w) => rest.every((set) => set.has(w)));
    if (all.some((w) => sameNamespace(w.namespace, svc.namespace))) return;
    // Pods of custom controllers carry labels no manifest shows.
    const custom = ctx.index.ofKind(...POD_CREATING_CUSTOM_KINDS);
    if (custom.some((o) => sameDir(o, svc) || (o.namespace !== undefined && o.namespace === svc.namespace))) return;
    const wanted = selector.map(([k, v]) => `${k}=${v}`).join(',');
    const name = svc.name ?? '(unnamed)';
    if (all.length) {
      // Matches only in another namespace: judged when such a workload sits beside the Service (kustomize may move either).
      const beside = all.find((w) => sameDir(w, svc));
      if (!beside) return;
      ctx.report({
        message: `Service \`${name}\` in namespace \`${svc.namespace}\` selects ${wanted}, which matches only pods of namespace \`${beside.namespace}\` (${workloadLabel(beside)}): a Service selects pods of its own namespace, so it has no endpoints`,
        path: '/spec/selector',
        fix: 'Put the Service in the namespace of the workload it fronts (or the workload in the Service\'s namespace).',
      });
      return;
    }
    // The workloads deployed with the Service: beside it (same directory), in a namespace it can share.
    const candidates = (idx.byDir.get(dirOf(svc.file)) ?? []).filter((w) => sameNamespace(w.namespace, svc.namespace));
    let best: { w: KubeObject; shared: number } | undefined;
    for (const w of candidates) {
      const labels = idx.labelsOf.get(w) ?? {};
      const shared = selector.filter(([k, v]) => String(labels[k]) === v).length + selector.filter(([k]) => k in labels).length;
      if (!best || shared > best.shared) best = { w, shared };
    }
    // Without a workload beside it that uses the selector's label keys, the pods live elsewhere (another directory, a chart, a controller).
    if (!best || best.shared === 0) return;
    const hint = `; closest: ${workloadLabel(best.w)} with ${labelList(podTemplateLabels(best.w) ?? {})}`;
    ctx.report({
      message: `Service \`${name}\` selects ${wanted}, which matches no pod template in the run${hint}: it has no endpoints`,
      path: '/spec/selector',
      fix: 'Correct the selector (or the pod template labels) so they match.',
    });
  },
});
