import type { Container, PodSpec } from 'kubernetes-types/core/v1.js';
import { isRecord, pointerSegment, valueAtPointer } from '../../src/rule-api.js';
import type { KubeObject } from '../../src/rule-api.js';
import { sameNamespace } from '../../src/rule-api.js';
import type { RunIndex } from '../../src/rule-api.js';
import { splitImageReference } from '../../src/rule-api.js';
import { clientRole, modelServerKind } from './model-server.js';

/**
 * Where a kind keeps the pods it creates.
 *
 * - `template`: a PodTemplateSpec (`metadata` + `spec`), as in a Deployment.
 * - `podSpec`: a PodSpec-like object holding `containers` directly (a Pod's
 *   spec, a KServe predictor, a ServingRuntime spec).
 * - `synthetic`: no pod spec at all; `build` maps the object's own fields
 *   (KubeAI Model `image` / `args` / `resourceProfile`) to a pod of one
 *   container whose pointers are those fields.
 */
export interface PodLocation {
  /** JSON pointer; a `*` segment takes every item of a list or every value of a map. */
  path: string;
  shape: 'template' | 'podSpec' | 'synthetic';
  /**
   * How messages name this pod when the object holds several; `{}` is
   * replaced by the item's `groupName` / `name`, or else its key or index.
   */
  label?: string;
  /** Container-like children the operator completes from a runtime (KServe `predictor.model`); their presence makes the pod partial. */
  containerFields?: readonly string[];
  /** The operator merges this pod with defaults of its own (images, probes, resources): only the values written are judged. */
  partial?: boolean;
  /** For `synthetic`: the pod spec and the pointer of its one container. */
  build?: (obj: KubeObject) => { spec: Record<string, unknown>; containerPath: string } | undefined;
  /** Pods of this location per replica of the workload (LeaderWorkerSet: size - 1 workers). */
  perReplica?: (obj: KubeObject) => number;
  /**
   * Whether the serving containers of these pods are judged (k8s/probes, k8s/termination-grace);
   * default true. Not for the workers of a multi-node group (only the leader takes requests), nor
   * where the operator sets probes and grace itself (KubeRay, Knative, KServe).
   */
  judgedServing?: (obj: KubeObject) => boolean;
}

/** What genai-lint knows of a workload kind: its pods, and what its operator does to them. */
export interface WorkloadKind {
  kind: string;
  /** API groups (`apiVersion` before the slash; '' for core v1); any when absent. */
  groups?: readonly string[];
  pods: readonly PodLocation[];
  /** Pods run until stopped (restartPolicy Always): probes, grace periods and autoscaling are judged. */
  longRunning: boolean;
  /** The operator adds readiness (and liveness) probes to the serving container itself. */
  operatorProbes?: string;
  /** The operator mounts a memory-backed /dev/shm itself. */
  operatorShm?: string;
  /** The operator fills in CPU and memory requests and limits the containers leave out. */
  operatorResources?: string;
}

const TEMPLATE_ONLY = (path: string): readonly PodLocation[] => [{ path, shape: 'template' }];

// Ray pods are not judged as serving containers (probes, grace periods): KubeRay adds the
// probes, and a RayService switches traffic to a new cluster before deleting the old one.
const NOT_SERVING = (): boolean => false;
const RAY_CLUSTER = (base: string): readonly PodLocation[] => [
  { path: `${base}/headGroupSpec/template`, shape: 'template', label: 'headGroupSpec', judgedServing: NOT_SERVING },
  { path: `${base}/workerGroupSpecs/*/template`, shape: 'template', label: 'workerGroupSpecs[{}]', judgedServing: NOT_SERVING },
];
// KubeRay adds readiness and liveness probes to the Ray container when none is set
// (ray-operator/controllers/ray/common/pod.go, initLivenessAndReadinessProbe) and mounts
// a memory-backed emptyDir at /dev/shm for the object store (same file, SharedMemoryVolumeMountPath).
const KUBERAY_PROBES = 'KubeRay adds readiness and liveness probes to the Ray container (ray-operator common/pod.go)';
const KUBERAY_SHM = 'KubeRay mounts a memory-backed /dev/shm for the object store (ray-operator common/pod.go)';

/** KServe predictor fields that hold a model container completed by a ServingRuntime. */
const KSERVE_MODEL_FIELDS = ['model', 'sklearn', 'xgboost', 'tensorflow', 'pytorch', 'triton', 'onnx', 'huggingface', 'pmml', 'lightgbm', 'paddle'] as const;
// KServe gives the model server (kserve-container) and transformer a TCP readiness probe when
// they have none (pkg/controller/v1beta1/inferenceservice/reconcilers/deployment/deployment_reconciler.go);
// in serverless mode Knative does the same for the user container.
const KSERVE_PROBES = 'KServe (or Knative) adds a readiness probe to the model server container';

const KUBEFLOW_JOBS: readonly [string, string][] = [
  ['PyTorchJob', 'pytorchReplicaSpecs'],
  ['TFJob', 'tfReplicaSpecs'],
  ['MPIJob', 'mpiReplicaSpecs'],
  ['XGBoostJob', 'xgbReplicaSpecs'],
  ['PaddleJob', 'paddleReplicaSpecs'],
  ['JAXJob', 'jaxReplicaSpecs'],
];

/** `nvidia-gpu-l4:2` → 2 nvidia.com/gpu: KubeAI's default profiles give one GPU per unit. */
const KUBEAI_PROFILE_RESOURCES: readonly [RegExp, string][] = [
  [/^nvidia-gpu/, 'nvidia.com/gpu'],
  [/^amd-gpu/, 'amd.com/gpu'],
];

export function kubeAiProfileGpus(profile: unknown): { resource: string; count: number } | undefined {
  if (typeof profile !== 'string') return undefined;
  const m = /^([\w.-]+?)(?::(\d+))?$/.exec(profile.trim());
  if (!m) return undefined;
  const resource = KUBEAI_PROFILE_RESOURCES.find(([re]) => re.test(m[1]))?.[1];
  return resource ? { resource, count: m[2] === undefined ? 1 : Number(m[2]) } : undefined;
}

/** A KubeAI Model as the pod KubeAI creates: its image, args and the GPUs of its resource profile. */
function kubeAiModelPod(obj: KubeObject): { spec: Record<string, unknown>; containerPath: string } | undefined {
  const spec = isRecord(obj.raw.spec) ? obj.raw.spec : undefined;
  if (!spec) return undefined;
  const container: Record<string, unknown> = { name: 'model' };
  if (typeof spec.image === 'string') container.image = spec.image;
  if (Array.isArray(spec.args)) container.args = spec.args;
  // The engine is started with the model of spec.url (hf://org/name → org/name).
  const hub = typeof spec.url === 'string' ? /^hf:\/\/([^@?#]+)$/.exec(spec.url) : null;
  if (hub) container.env = [{ name: 'MODEL_ID', value: hub[1] }];
  const gpus = kubeAiProfileGpus(spec.resourceProfile);
  if (gpus) container.resources = { limits: { [gpus.resource]: gpus.count } };
  return { spec: { containers: [container] }, containerPath: '/spec' };
}

/** A NIMService as the pod the NIM operator creates: `spec.image` {repository, tag} and the container fields beside it. */
function nimServicePod(obj: KubeObject): { spec: Record<string, unknown>; containerPath: string } | undefined {
  const spec = isRecord(obj.raw.spec) ? obj.raw.spec : undefined;
  if (!spec) return undefined;
  const container: Record<string, unknown> = { name: 'nim' };
  if (isRecord(spec.image) && typeof spec.image.repository === 'string') {
    container.image = typeof spec.image.tag === 'string' || typeof spec.image.tag === 'number' ? `${spec.image.repository}:${spec.image.tag}` : spec.image.repository;
  }
  for (const f of ['command', 'args', 'env', 'resources'] as const) if (spec[f] !== undefined) container[f] = spec[f];
  const pod: Record<string, unknown> = { containers: [container] };
  for (const f of ['tolerations', 'nodeSelector', 'affinity', 'runtimeClassName'] as const) if (spec[f] !== undefined) pod[f] = spec[f];
  return { spec: pod, containerPath: '/spec' };
}

function lwsSize(obj: KubeObject): number {
  const size = valueAtPointer(obj.raw, '/spec/leaderWorkerTemplate/size');
  return typeof size === 'number' && Number.isInteger(size) && size >= 1 ? size : 1;
}

function hasLeaderTemplate(obj: KubeObject): boolean {
  return isRecord(valueAtPointer(obj.raw, '/spec/leaderWorkerTemplate/leaderTemplate'));
}

/**
 * The workload kinds genai-lint knows, with where their pods live and what
 * their operators add. Objects of other kinds are workloads when they hold a
 * PodTemplateSpec at `spec.template` or `spec.jobTemplate.spec.template`
 * (see DUCK_TYPED_LOCATIONS). docs/workloads.md describes this table.
 */
export const WORKLOAD_KINDS: readonly WorkloadKind[] = [
  { kind: 'Pod', pods: [{ path: '/spec', shape: 'podSpec' }], longRunning: true },
  { kind: 'Deployment', pods: TEMPLATE_ONLY('/spec/template'), longRunning: true },
  { kind: 'StatefulSet', pods: TEMPLATE_ONLY('/spec/template'), longRunning: true },
  { kind: 'DaemonSet', pods: TEMPLATE_ONLY('/spec/template'), longRunning: false },
  { kind: 'ReplicaSet', pods: TEMPLATE_ONLY('/spec/template'), longRunning: true },
  { kind: 'ReplicationController', pods: TEMPLATE_ONLY('/spec/template'), longRunning: true },
  { kind: 'Job', pods: TEMPLATE_ONLY('/spec/template'), longRunning: false },
  { kind: 'CronJob', pods: TEMPLATE_ONLY('/spec/jobTemplate/spec/template'), longRunning: false },
  {
    kind: 'LeaderWorkerSet',
    groups: ['leaderworkerset.x-k8s.io'],
    pods: [
      { path: '/spec/leaderWorkerTemplate/leaderTemplate', shape: 'template', label: 'leaderTemplate' },
      // Without a leaderTemplate the leader is created from the workerTemplate too.
      // Workers beside a leader run the model shards; only the leader takes requests.
      {
        path: '/spec/leaderWorkerTemplate/workerTemplate',
        shape: 'template',
        label: 'workerTemplate',
        perReplica: (o) => (hasLeaderTemplate(o) ? lwsSize(o) - 1 : lwsSize(o)),
        judgedServing: (o) => !hasLeaderTemplate(o),
      },
    ],
    longRunning: true,
  },
  { kind: 'RayCluster', groups: ['ray.io'], pods: RAY_CLUSTER('/spec'), longRunning: true, operatorProbes: KUBERAY_PROBES, operatorShm: KUBERAY_SHM },
  { kind: 'RayService', groups: ['ray.io'], pods: RAY_CLUSTER('/spec/rayClusterConfig'), longRunning: true, operatorProbes: KUBERAY_PROBES, operatorShm: KUBERAY_SHM },
  {
    kind: 'RayJob',
    groups: ['ray.io'],
    pods: [...RAY_CLUSTER('/spec/rayClusterSpec'), { path: '/spec/submitterPodTemplate', shape: 'template', label: 'submitterPodTemplate' }],
    longRunning: false,
    operatorShm: KUBERAY_SHM,
  },
  {
    kind: 'InferenceService',
    groups: ['serving.kserve.io'],
    pods: [
      // In the default (serverless) mode Knative runs these pods and sets their grace period.
      { path: '/spec/predictor', shape: 'podSpec', label: 'predictor', containerFields: KSERVE_MODEL_FIELDS, judgedServing: NOT_SERVING },
      // Multi-node workers are merged with the ServingRuntime's workerSpec.
      { path: '/spec/predictor/workerSpec', shape: 'podSpec', label: 'predictor.workerSpec', partial: true, judgedServing: NOT_SERVING },
      { path: '/spec/transformer', shape: 'podSpec', label: 'transformer', judgedServing: NOT_SERVING },
      { path: '/spec/explainer', shape: 'podSpec', label: 'explainer', judgedServing: NOT_SERVING },
    ],
    longRunning: true,
    operatorProbes: KSERVE_PROBES,
    // The InferenceService defaulting webhook fills CPU and memory requests and limits from the
    // inferenceservice ConfigMap (setResourceRequirementDefaults in pkg/apis/serving/v1beta1).
    operatorResources: 'KServe sets default CPU and memory requests and limits (1 CPU, 2Gi unless configured)',
  },
  ...(['ServingRuntime', 'ClusterServingRuntime'] as const).map((kind): WorkloadKind => ({
    kind,
    groups: ['serving.kserve.io'],
    // A runtime is a template for the pods of the InferenceServices that use it: their grace
    // period and probes are set on the predictor, so its containers are not judged as serving.
    pods: [
      { path: '/spec', shape: 'podSpec', label: 'runtime', judgedServing: NOT_SERVING },
      { path: '/spec/workerSpec', shape: 'podSpec', label: 'workerSpec', judgedServing: NOT_SERVING },
    ],
    longRunning: true,
    operatorProbes: KSERVE_PROBES,
  })),
  {
    // The pod specs are merged over LLMInferenceServiceConfig templates (kserve config/llmisvcconfig),
    // which set the image, ports, probes and the vLLM command: only what is written is judged.
    kind: 'LLMInferenceService',
    groups: ['serving.kserve.io'],
    pods: [
      { path: '/spec/template', shape: 'podSpec', label: 'template', partial: true },
      { path: '/spec/worker', shape: 'podSpec', label: 'worker', partial: true },
      { path: '/spec/prefill/template', shape: 'podSpec', label: 'prefill.template', partial: true },
      { path: '/spec/prefill/worker', shape: 'podSpec', label: 'prefill.worker', partial: true },
    ],
    longRunning: true,
    operatorProbes: 'the LLMInferenceServiceConfig templates KServe merges in set the probes',
  },
  {
    // KubeAI builds the pod from the engine, the resource profile (resources, tolerations, node
    // selector) and its own probes (internal/modelcontroller/engine_vllm.go and the other engines).
    kind: 'Model',
    groups: ['kubeai.org'],
    pods: [{ path: '/spec', shape: 'synthetic', partial: true, build: kubeAiModelPod }],
    longRunning: true,
    operatorProbes: 'KubeAI sets startup, readiness and liveness probes for every engine',
  },
  {
    kind: 'NIMService',
    groups: ['apps.nvidia.com'],
    pods: [{ path: '/spec', shape: 'synthetic', partial: true, build: nimServicePod }],
    longRunning: true,
    operatorProbes: 'the NIM operator sets readiness, liveness and startup probes on /v1/health',
  },
  {
    // Knative gives the user container a TCP readiness probe when it has none.
    kind: 'Service',
    groups: ['serving.knative.dev'],
    // Knative also sets the grace period from the revision's timeoutSeconds (the queue-proxy drains).
    pods: [{ path: '/spec/template', shape: 'template', judgedServing: NOT_SERVING }],
    longRunning: true,
    operatorProbes: 'Knative adds a readiness probe to the user container',
  },
  { kind: 'Rollout', groups: ['argoproj.io'], pods: TEMPLATE_ONLY('/spec/template'), longRunning: true },
  { kind: 'JobSet', groups: ['jobset.x-k8s.io'], pods: [{ path: '/spec/replicatedJobs/*/template/spec/template', shape: 'template', label: 'replicatedJobs[{}]' }], longRunning: false },
  ...KUBEFLOW_JOBS.map(([kind, field]): WorkloadKind => ({
    kind,
    groups: ['kubeflow.org'],
    pods: [{ path: `/spec/${field}/*/template`, shape: 'template', label: `${field}.{}` }],
    longRunning: false,
  })),
];

/** What rules reading pod specs apply to, for their docs pages (RuleMeta.scope). */
export const WORKLOAD_SCOPE = 'Pods and workloads: the core kinds, the custom resources of [docs/workloads.md](../../workloads.md) (LeaderWorkerSet, KubeRay, KServe, KubeAI, NIMService, Kubeflow jobs...) and any object with a pod template at `spec.template` or `spec.jobTemplate.spec.template`';

/** Where objects of other kinds are workloads: a PodTemplateSpec with containers. */
export const DUCK_TYPED_LOCATIONS: readonly PodLocation[] = [
  { path: '/spec/template', shape: 'template' },
  { path: '/spec/jobTemplate/spec/template', shape: 'template' },
];

const CORE_KINDS = new Set(['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob']);

function apiGroup(apiVersion: string): string {
  const i = apiVersion.indexOf('/');
  return i < 0 ? '' : apiVersion.slice(0, i);
}

/** The table entry of an object's kind (matched on kind and API group). */
export function workloadKindOf(obj: KubeObject): WorkloadKind | undefined {
  return WORKLOAD_KINDS.find((w) => w.kind === obj.kind && (!w.groups || w.groups.includes(apiGroup(obj.apiVersion))));
}

/** Where each core pod-bearing kind keeps its pod spec. */
export const POD_SPEC_PATHS: Readonly<Record<string, string>> = Object.fromEntries(
  WORKLOAD_KINDS.filter((w) => CORE_KINDS.has(w.kind)).map((w) => [w.kind, w.pods[0].shape === 'template' ? `${w.pods[0].path}/spec` : w.pods[0].path]),
);

/** The core kinds that carry a pod spec. */
export const POD_BEARING_KINDS = Object.keys(POD_SPEC_PATHS);

/** Every kind of the table: rules that look workloads up across files list these in indexKinds. */
export const WORKLOAD_KIND_NAMES: readonly string[] = [...new Set(WORKLOAD_KINDS.map((w) => w.kind))];

/** Kinds whose pods are restarted when they exit: the only ones that can serve for long (DaemonSets run per-node agents). */
export const LONG_RUNNING_KINDS: readonly string[] = [...new Set(WORKLOAD_KINDS.filter((w) => w.longRunning).map((w) => w.kind))];

export interface PodView {
  spec: PodSpec;
  /** Pointer of the pod spec inside the object. */
  path: string;
  /** Names the pod when the object holds several (`workerTemplate`, `workerGroupSpecs[gpu]`); undefined for the one pod of core kinds. */
  label?: string;
  /** Pointer of the pod template's metadata, when the pod comes from a PodTemplateSpec or is a Pod. */
  metadataPath?: string;
  /** Pointers of the `containers` entries when they do not sit at `<path>/containers/<i>` (KServe model, KubeAI Model). */
  containerPaths?: readonly string[];
  /** The operator merges this pod with its own defaults: rules judge what is written, never what is missing. */
  partial: boolean;
  /** Pods of this template per replica of the workload. */
  perReplica: number;
  /** Its serving containers are judged (see PodLocation.judgedServing). */
  judgedServing: boolean;
  /** The kind's table entry; undefined for duck-typed objects. */
  workload?: WorkloadKind;
}

/** Matches of a pointer with `*` segments in `root`, with the key each `*` took. */
function expand(root: unknown, path: string): { path: string; value: unknown; key?: string; item?: Record<string, unknown> }[] {
  let states: { path: string; value: unknown; key?: string; item?: Record<string, unknown> }[] = [{ path: '', value: root }];
  for (const seg of path.split('/').slice(1)) {
    const next: typeof states = [];
    for (const s of states) {
      if (seg === '*') {
        const entries: [string, unknown][] = Array.isArray(s.value) ? s.value.map((v, i) => [String(i), v]) : isRecord(s.value) ? Object.entries(s.value) : [];
        for (const [k, v] of entries) next.push({ path: `${s.path}/${pointerSegment(k)}`, value: v, key: k, item: isRecord(v) ? v : undefined });
      } else if (isRecord(s.value) && seg in s.value) {
        next.push({ ...s, path: `${s.path}/${seg}`, value: s.value[seg] });
      }
    }
    states = next;
  }
  return states;
}

function itemName(key: string | undefined, item: Record<string, unknown> | undefined): string {
  if (item && typeof item.groupName === 'string') return item.groupName;
  if (item && typeof item.name === 'string') return item.name;
  return key ?? '';
}

function viewsAt(obj: KubeObject, loc: PodLocation, workload: WorkloadKind | undefined, several: boolean): PodView[] {
  const out: PodView[] = [];
  if (loc.shape === 'synthetic') {
    const built = loc.build?.(obj);
    if (built) {
      out.push({ spec: built.spec as unknown as PodSpec, path: loc.path, label: several ? loc.label : undefined, containerPaths: [built.containerPath], partial: !!loc.partial, perReplica: 1, judgedServing: true, workload });
    }
    return out;
  }
  for (const m of expand(obj.raw, loc.path)) {
    const label = several && loc.label ? loc.label.replace('{}', itemName(m.key, m.item)) : undefined;
    const perReplica = loc.perReplica?.(obj) ?? 1;
    const judgedServing = loc.judgedServing?.(obj) ?? true;
    if (loc.shape === 'template') {
      if (!isRecord(m.value) || !isRecord(m.value.spec)) continue;
      out.push({ spec: m.value.spec as unknown as PodSpec, path: `${m.path}/spec`, label, metadataPath: `${m.path}/metadata`, partial: !!loc.partial, perReplica, judgedServing, workload });
      continue;
    }
    if (!isRecord(m.value)) continue;
    const extra = (loc.containerFields ?? []).filter((f) => isRecord((m.value as Record<string, unknown>)[f]));
    if (!extra.length) {
      out.push({ spec: m.value as unknown as PodSpec, path: m.path, label, metadataPath: workload?.kind === 'Pod' ? '/metadata' : undefined, partial: !!loc.partial, perReplica, judgedServing, workload });
      continue;
    }
    // A pod whose model container the operator completes: its containers plus the container-like fields.
    const own = Array.isArray(m.value.containers) ? m.value.containers : [];
    const containers = [...own, ...extra.map((f) => ({ name: f, ...(m.value as Record<string, Record<string, unknown>>)[f] }))];
    const containerPaths = [...own.map((_, i) => `${m.path}/containers/${i}`), ...extra.map((f) => `${m.path}/${f}`)];
    out.push({ spec: { ...m.value, containers } as unknown as PodSpec, path: m.path, label, containerPaths, partial: true, perReplica, judgedServing, workload });
  }
  return out;
}

function hasContainers(view: PodView): boolean {
  return Array.isArray(view.spec.containers);
}

/**
 * Every pod spec of an object: the one of a Pod or core workload, each
 * template of a LeaderWorkerSet, RayCluster, KServe or Kubeflow resource,
 * the pod an operator builds from a KubeAI Model or NIMService, and, for
 * kinds not in WORKLOAD_KINDS, a PodTemplateSpec at `spec.template` or
 * `spec.jobTemplate.spec.template`. Empty for objects that create no pods.
 */
export function podSpecsOf(obj: KubeObject): readonly PodView[] {
  // Most rules ask for the pods of every object: read them once per object.
  let views = PODS.get(obj.raw);
  if (!views) PODS.set(obj.raw, (views = readPodSpecs(obj)));
  return views;
}

const PODS = new WeakMap<object, readonly PodView[]>();

function readPodSpecs(obj: KubeObject): PodView[] {
  const workload = workloadKindOf(obj);
  if (workload) {
    // Labels name the pod when the object can hold several: several locations, or one with a `*`.
    const several = workload.pods.filter((p) => p.label).length > 1 || workload.pods.some((p) => p.label && p.path.includes('*'));
    return workload.pods.flatMap((loc) => viewsAt(obj, loc, workload, several));
  }
  // Kinds of the table under another API group (a v1 Service, a Model of another project) are not duck-typed.
  if (WORKLOAD_KINDS.some((w) => w.kind === obj.kind)) return [];
  for (const loc of DUCK_TYPED_LOCATIONS) {
    const views = viewsAt(obj, loc, undefined, false).filter(hasContainers);
    if (views.length) return views;
  }
  return [];
}

/** The pod specs of an object that rules reporting something *missing* judge: not those an operator completes. */
export function completePodSpecsOf(obj: KubeObject): PodView[] {
  return podSpecsOf(obj).filter((p) => !p.partial);
}

export type ContainerRole = 'container' | 'initContainer' | 'ephemeralContainer';

export interface ContainerView {
  container: Container;
  role: ContainerRole;
  index: number;
  name: string;
  /** Pointer of the container inside the object. */
  path: string;
  /** Human label for messages: container `vllm`, init container `fetch`. */
  label: string;
  /** The pod it belongs to. */
  pod: PodView;
}

const ROLE_FIELDS: readonly [ContainerRole, 'containers' | 'initContainers' | 'ephemeralContainers', string][] = [
  ['initContainer', 'initContainers', 'init container'],
  ['container', 'containers', 'container'],
  ['ephemeralContainer', 'ephemeralContainers', 'ephemeral container'],
];

/**
 * A container of a Spark pod template (the names Spark gives the driver and
 * executor containers it fills in): Spark sets its resources from
 * `spark.driver.memory`, `spark.executor.cores` and the like, so the template
 * leaves them out on purpose.
 */
export function sparkTemplateContainer(container: { name?: unknown }): boolean {
  return container.name === 'spark-kubernetes-driver' || container.name === 'spark-kubernetes-executor';
}

/** The containers of a pod spec, init containers first, with their paths. */
export function containersOf(pod: PodView, roles: readonly ContainerRole[] = ['container']): ContainerView[] {
  const out: ContainerView[] = [];
  for (const [role, field, word] of ROLE_FIELDS) {
    if (!roles.includes(role)) continue;
    const list = (pod.spec as unknown as Record<string, unknown>)[field];
    if (!Array.isArray(list)) continue;
    list.forEach((c, index) => {
      if (!isRecord(c)) return;
      const name = typeof c.name === 'string' ? c.name : `#${index}`;
      out.push({
        container: c as unknown as Container,
        role,
        index,
        name,
        path: (role === 'container' ? pod.containerPaths?.[index] : undefined) ?? `${pod.path}/${field}/${index}`,
        label: `${word} \`${name}\``,
        pod,
      });
    });
  }
  return out;
}

/** Where to point when something is missing from a container: its `name:` key. */
export function containerAnchor(c: ContainerView): string {
  return typeof c.container.name === 'string' ? `${c.path}/name` : c.path;
}

/** `Deployment \`vllm\`` style label for messages; `LeaderWorkerSet \`sglang\` (workerTemplate)` for one pod of several. */
export function workloadLabel(obj: KubeObject, pod?: PodView): string {
  // A Knative Service is a workload, not the core Service its kind name reads as.
  const kind = obj.kind === 'Service' && obj.apiVersion.startsWith('serving.knative.dev/') ? 'Knative Service' : obj.kind;
  return `${kind} \`${obj.name ?? '(unnamed)'}\`${pod?.label ? ` (${pod.label})` : ''}`;
}

/** Labels of the pods created from one pod view (its template's labels; a Pod's own labels); {} when none are written. */
export function podLabels(obj: KubeObject, pod: PodView): Record<string, unknown> {
  if (!pod.metadataPath) return {};
  const meta = valueAtPointer(obj.raw, pod.metadataPath);
  return isRecord(meta) && isRecord(meta.labels) ? meta.labels : {};
}

/**
 * Labels of the pods a workload creates: its pod template's labels, a Pod's
 * own labels, the first template's labels for kinds with several (the
 * LeaderWorkerSet leader). Undefined for objects without a pod template.
 */
export function podTemplateLabels(obj: KubeObject): Record<string, unknown> | undefined {
  const pod = podSpecsOf(obj).find((p) => p.metadataPath);
  return pod ? podLabels(obj, pod) : undefined;
}

/** The label selector of a Service, as pairs; empty when it selects nothing (ExternalName, no selector). */
export function serviceSelector(svc: KubeObject): [string, string][] {
  const spec = isRecord(svc.raw.spec) ? svc.raw.spec : {};
  if (spec.type === 'ExternalName' || !isRecord(spec.selector)) return [];
  return Object.entries(spec.selector).map(([k, v]) => [k, String(v)]);
}

/** Services of the run whose selector picks the pods of `workload` (of its pod view `pod` when given) in a namespace they can share. */
export function servicesTargeting(workload: KubeObject, index: RunIndex, pod?: PodView): KubeObject[] {
  const labels = pod ? podLabels(workload, pod) : podTemplateLabels(workload);
  if (!labels) return [];
  return index
    .ofKind('Service')
    .filter((svc) => {
      const selector = serviceSelector(svc);
      return selector.length > 0 && sameNamespace(svc.namespace, workload.namespace) && selector.every(([k, v]) => k in labels && String(labels[k]) === v);
    });
}

/**
 * Whether a workload's pods run until stopped: a Pod, Deployment,
 * StatefulSet, ReplicaSet or ReplicationController, or a long-running kind of
 * WORKLOAD_KINDS (LeaderWorkerSet, RayCluster, InferenceService, Rollout...),
 * whose restartPolicy is Always (the default). Jobs, CronJobs, DaemonSets,
 * training jobs, duck-typed kinds and pods with restartPolicy Never/OnFailure
 * are not.
 */
export function isLongRunning(obj: KubeObject, pod?: PodView): boolean {
  if (!workloadKindOf(obj)?.longRunning) return false;
  const spec = (pod ?? podSpecsOf(obj)[0])?.spec;
  return !!spec && (spec.restartPolicy === undefined || spec.restartPolicy === 'Always');
}

function hasPorts(c: ContainerView): boolean {
  return Array.isArray(c.container.ports) && c.container.ports.length > 0;
}

/** Images of proxies, exporters and log shippers that run beside a server (matched on the repository). */
const SIDECAR_IMAGES = /(^|\/)(kube-rbac-proxy|oauth2-proxy|cloud-sql-proxy|cloudsql-proxy|proxyv2|linkerd2?-proxy|fluent-bit|fluentd|promtail|vector|opentelemetry-collector[\w-]*|otel-collector|[\w-]+-exporter)$/;

function isKnownSidecar(c: ContainerView): boolean {
  return typeof c.container.image === 'string' && SIDECAR_IMAGES.test(splitImageReference(c.container.image).repository);
}

function hasProbe(c: ContainerView): boolean {
  return isRecord(c.container.readinessProbe) || isRecord(c.container.livenessProbe);
}

/**
 * The long-running serving containers of a workload: the ones k8s/probes,
 * k8s/termination-grace and k8s/hpa judge.
 *
 * - The workload is long-running (see isLongRunning); pods an operator
 *   completes (KubeAI Model, LLMInferenceService) and the workers of a
 *   multi-node group (LeaderWorkerSet workerTemplate beside a leader) are
 *   left out.
 * - Client containers are left out: idle ones (`sleep infinity`,
 *   `tail -f /dev/null`) and load generators (k6, locust, genai-perf,
 *   benchmark scripts).
 * - A container serves when it declares ports or runs a known model server;
 *   portless containers beside such a server are sidecars, and so are known
 *   proxies, exporters and log shippers (kube-rbac-proxy, *-exporter,
 *   fluent-bit...) beside another serving container.
 * - When no container declares ports but a Service of the run targets the
 *   pods, the probed containers serve, or else the first container.
 * - Otherwise nothing shows that the pods serve: none is judged.
 */
export function servingContainers(obj: KubeObject, index: RunIndex): ContainerView[] {
  return completePodSpecsOf(obj).flatMap((pod) => servingContainersOf(obj, pod, index));
}

/** The serving containers of one pod view of a workload (see servingContainers). */
export function servingContainersOf(obj: KubeObject, pod: PodView, index: RunIndex): ContainerView[] {
  if (!pod.judgedServing || !isLongRunning(obj, pod)) return [];
  const app = containersOf(pod).filter((c) => clientRole(c.container) === undefined);
  const servers = app.filter((c) => hasPorts(c) || modelServerKind(c.container) !== undefined);
  const main = servers.filter((c) => !isKnownSidecar(c));
  if (main.length) return main;
  if (servers.length) return servers;
  if (!app.length || !servicesTargeting(obj, index, pod).length) return [];
  const probed = app.filter(hasProbe);
  return probed.length ? probed : app.slice(0, 1);
}
