/**
 * Kubernetes API versions removed from the API server, by release
 * (from the upstream deprecation guide). `kinds` empty = every kind of the group version.
 */
export interface RemovedApi {
  apiVersion: string;
  kinds: readonly string[];
  /** Minor version of the first release without it. */
  removedIn: number;
  replacement: string;
  /**
   * The replacement reads the same fields the same way, so changing the
   * apiVersion is the whole migration (k8s/deprecated-api's fix): `safe`, or
   * `unsafe` when defaults the object relies on differ (apps/v1 Deployments
   * roll out with other surge and history defaults). Absent: fields move.
   */
  versionOnly?: 'safe' | 'unsafe';
}

export const REMOVED_APIS: readonly RemovedApi[] = [
  { apiVersion: 'extensions/v1beta1', kinds: ['Deployment', 'DaemonSet', 'ReplicaSet'], removedIn: 16, replacement: 'apps/v1', versionOnly: 'unsafe' },
  { apiVersion: 'extensions/v1beta1', kinds: ['NetworkPolicy'], removedIn: 16, replacement: 'networking.k8s.io/v1', versionOnly: 'safe' },
  { apiVersion: 'extensions/v1beta1', kinds: ['PodSecurityPolicy'], removedIn: 16, replacement: 'Pod Security Admission (PodSecurityPolicy itself was removed in 1.25)' },
  { apiVersion: 'apps/v1beta1', kinds: [], removedIn: 16, replacement: 'apps/v1', versionOnly: 'unsafe' },
  { apiVersion: 'apps/v1beta2', kinds: [], removedIn: 16, replacement: 'apps/v1', versionOnly: 'safe' },
  { apiVersion: 'extensions/v1beta1', kinds: ['Ingress'], removedIn: 22, replacement: 'networking.k8s.io/v1' },
  { apiVersion: 'networking.k8s.io/v1beta1', kinds: ['Ingress', 'IngressClass'], removedIn: 22, replacement: 'networking.k8s.io/v1' },
  { apiVersion: 'rbac.authorization.k8s.io/v1beta1', kinds: [], removedIn: 22, replacement: 'rbac.authorization.k8s.io/v1', versionOnly: 'safe' },
  { apiVersion: 'apiextensions.k8s.io/v1beta1', kinds: [], removedIn: 22, replacement: 'apiextensions.k8s.io/v1' },
  { apiVersion: 'admissionregistration.k8s.io/v1beta1', kinds: [], removedIn: 22, replacement: 'admissionregistration.k8s.io/v1' },
  { apiVersion: 'scheduling.k8s.io/v1beta1', kinds: [], removedIn: 22, replacement: 'scheduling.k8s.io/v1', versionOnly: 'safe' },
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment'], removedIn: 22, replacement: 'storage.k8s.io/v1', versionOnly: 'safe' },
  { apiVersion: 'certificates.k8s.io/v1beta1', kinds: [], removedIn: 22, replacement: 'certificates.k8s.io/v1' },
  { apiVersion: 'coordination.k8s.io/v1beta1', kinds: [], removedIn: 22, replacement: 'coordination.k8s.io/v1', versionOnly: 'safe' },
  { apiVersion: 'batch/v1beta1', kinds: ['CronJob'], removedIn: 25, replacement: 'batch/v1', versionOnly: 'safe' },
  { apiVersion: 'policy/v1beta1', kinds: ['PodDisruptionBudget'], removedIn: 25, replacement: 'policy/v1', versionOnly: 'unsafe' },
  { apiVersion: 'policy/v1beta1', kinds: ['PodSecurityPolicy'], removedIn: 25, replacement: 'Pod Security Admission (no replacement API)' },
  { apiVersion: 'autoscaling/v2beta1', kinds: [], removedIn: 25, replacement: 'autoscaling/v2' },
  { apiVersion: 'discovery.k8s.io/v1beta1', kinds: [], removedIn: 25, replacement: 'discovery.k8s.io/v1' },
  { apiVersion: 'events.k8s.io/v1beta1', kinds: [], removedIn: 25, replacement: 'events.k8s.io/v1' },
  { apiVersion: 'node.k8s.io/v1beta1', kinds: [], removedIn: 25, replacement: 'node.k8s.io/v1' },
  { apiVersion: 'autoscaling/v2beta2', kinds: [], removedIn: 26, replacement: 'autoscaling/v2', versionOnly: 'safe' },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta1', kinds: [], removedIn: 26, replacement: 'flowcontrol.apiserver.k8s.io/v1' },
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: ['CSIStorageCapacity'], removedIn: 27, replacement: 'storage.k8s.io/v1' },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2', kinds: [], removedIn: 29, replacement: 'flowcontrol.apiserver.k8s.io/v1' },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3', kinds: [], removedIn: 32, replacement: 'flowcontrol.apiserver.k8s.io/v1' },
];

/** Minor version number of "1.32" (or "v1.32.2"). */
export function minorVersion(version: string): number {
  const m = /^v?1\.(\d+)/.exec(version.trim());
  return m ? Number(m[1]) : NaN;
}

/** The removal entry for an apiVersion/kind at a target release, if removed by then. */
export function removedApi(apiVersion: string, kind: string, targetMinor: number): RemovedApi | undefined {
  return REMOVED_APIS.find((r) => r.apiVersion === apiVersion && (r.kinds.length === 0 || r.kinds.includes(kind)) && r.removedIn <= targetMinor);
}

/** API versions that serve each common built-in kind in current releases. */
export const SERVED_VERSIONS: Readonly<Record<string, readonly string[]>> = {
  Pod: ['v1'], Service: ['v1'], ConfigMap: ['v1'], Secret: ['v1'], Namespace: ['v1'], ServiceAccount: ['v1'],
  PersistentVolume: ['v1'], PersistentVolumeClaim: ['v1'], LimitRange: ['v1'], ResourceQuota: ['v1'],
  ReplicationController: ['v1'], Endpoints: ['v1'], Node: ['v1'], Event: ['v1', 'events.k8s.io/v1'],
  Deployment: ['apps/v1'], StatefulSet: ['apps/v1'], DaemonSet: ['apps/v1'], ReplicaSet: ['apps/v1'], ControllerRevision: ['apps/v1'],
  Job: ['batch/v1'], CronJob: ['batch/v1'],
  HorizontalPodAutoscaler: ['autoscaling/v1', 'autoscaling/v2'],
  PodDisruptionBudget: ['policy/v1'],
  Ingress: ['networking.k8s.io/v1'], IngressClass: ['networking.k8s.io/v1'], NetworkPolicy: ['networking.k8s.io/v1'],
  Role: ['rbac.authorization.k8s.io/v1'], ClusterRole: ['rbac.authorization.k8s.io/v1'], RoleBinding: ['rbac.authorization.k8s.io/v1'], ClusterRoleBinding: ['rbac.authorization.k8s.io/v1'],
  StorageClass: ['storage.k8s.io/v1'], CSIDriver: ['storage.k8s.io/v1'], CSINode: ['storage.k8s.io/v1'], VolumeAttachment: ['storage.k8s.io/v1'],
  PriorityClass: ['scheduling.k8s.io/v1'], RuntimeClass: ['node.k8s.io/v1'],
  CustomResourceDefinition: ['apiextensions.k8s.io/v1'],
  MutatingWebhookConfiguration: ['admissionregistration.k8s.io/v1'], ValidatingWebhookConfiguration: ['admissionregistration.k8s.io/v1'],
  Lease: ['coordination.k8s.io/v1'], EndpointSlice: ['discovery.k8s.io/v1'], CertificateSigningRequest: ['certificates.k8s.io/v1'],
  APIService: ['apiregistration.k8s.io/v1'],
};

/** Groups built into the API server (`` is the core group of `v1`). */
const BUILT_IN_GROUPS = new Set(['', 'extensions', ...Object.values(SERVED_VERSIONS).flat().map((v) => (v.includes('/') ? v.split('/')[0] : ''))]);

/**
 * For a built-in group version that does not serve `kind` although the kind
 * is built in (`v1` + `Deployment`): the versions that do. Undefined when the
 * pair is served, unknown (custom resources), or a removed version that
 * k8s/deprecated-api reports.
 */
export function unservedKind(apiVersion: string, kind: string): readonly string[] | undefined {
  const served = SERVED_VERSIONS[kind];
  if (!served || served.includes(apiVersion)) return undefined;
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  if (!BUILT_IN_GROUPS.has(group)) return undefined;
  if (REMOVED_APIS.some((r) => r.apiVersion === apiVersion && (r.kinds.length === 0 || r.kinds.includes(kind)))) return undefined;
  return served;
}
