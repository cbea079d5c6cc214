/**
 * Builds the compact Kubernetes schema bundle shipped in schemas/kubernetes/
 * from a Kubernetes OpenAPI definitions file converted to JSON Schema
 * (strict flavour). Pure and deterministic: `npm run schemas` writes its
 * output, and a test checks the committed bundle is exactly that output.
 */

/** Kinds whose schemas the bundle carries (with everything they reference). */
export const BUNDLED_KINDS = [
  'Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob',
  'Service', 'ConfigMap', 'Secret', 'ServiceAccount', 'PersistentVolumeClaim', 'PersistentVolume',
  'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'Ingress', 'IngressClass', 'NetworkPolicy', 'Namespace',
  'Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding', 'LimitRange', 'ResourceQuota',
  'PriorityClass', 'StorageClass', 'RuntimeClass',
] as const;

/** Kubernetes' resource.Quantity syntax; the definitions only say "string or number". */
export const QUANTITY_PATTERN = '^[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[KMGTPE]i|[numkMGTPE]|[eE][+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+))?$';
const QUANTITY_DEF = 'io.k8s.apimachinery.pkg.api.resource.Quantity';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Schema = { [k: string]: Json };

export interface KubeSchemaBundle {
  kubernetesVersion: string;
  /** `apiVersion kind` -> definition name. */
  kinds: Record<string, string>;
  definitions: Record<string, Schema>;
}

function isObject(v: Json | undefined): v is Schema {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Drops documentation and Kubernetes extension keys; keeps property names intact. */
function cleanSchema(schema: Schema): Schema {
  const out: Schema = {};
  for (const key of Object.keys(schema).sort()) {
    const value = schema[key];
    if (key === 'description' || key === 'format' || key === 'readOnly' || key.startsWith('x-kubernetes-')) continue;
    if (key === 'properties' && isObject(value)) {
      const props: Schema = {};
      for (const name of Object.keys(value).sort()) {
        const sub = value[name];
        props[name] = isObject(sub) ? cleanSchema(sub) : sub;
      }
      out[key] = props;
    } else if ((key === 'items' || key === 'additionalProperties' || key === 'not') && isObject(value)) {
      out[key] = cleanSchema(value);
    } else if ((key === 'oneOf' || key === 'anyOf' || key === 'allOf') && Array.isArray(value)) {
      out[key] = value.map((v) => (isObject(v) ? cleanSchema(v) : v));
    } else {
      out[key] = value;
    }
  }
  return out;
}

function collectRefs(value: Json, into: Set<string>): void {
  if (Array.isArray(value)) value.forEach((v) => collectRefs(v, into));
  else if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith('#/definitions/')) into.add(v.slice('#/definitions/'.length));
      else collectRefs(v, into);
    }
  }
}

/** The bundle for the given definitions, as the exact text committed to the repository. */
export function buildKubeSchemaBundle(definitionsFile: { definitions: Record<string, Schema> }, kubernetesVersion: string): string {
  const all = definitionsFile.definitions;
  const kinds: Record<string, string> = {};
  const roots: string[] = [];
  for (const name of Object.keys(all).sort()) {
    const gvks = all[name]['x-kubernetes-group-version-kind'];
    if (!Array.isArray(gvks)) continue;
    for (const gvk of gvks) {
      if (!isObject(gvk) || typeof gvk.kind !== 'string' || !(BUNDLED_KINDS as readonly string[]).includes(gvk.kind)) continue;
      const apiVersion = gvk.group ? `${gvk.group}/${gvk.version}` : String(gvk.version);
      kinds[`${apiVersion} ${gvk.kind}`] = name;
      roots.push(name);
    }
  }
  const reachable = new Set<string>();
  const queue = [...roots];
  while (queue.length) {
    const name = queue.pop()!;
    if (reachable.has(name) || !all[name]) continue;
    reachable.add(name);
    const refs = new Set<string>();
    collectRefs(all[name], refs);
    queue.push(...refs);
  }
  const definitions: Record<string, Schema> = {};
  for (const name of [...reachable].sort()) {
    definitions[name] = cleanSchema(all[name]);
  }
  if (definitions[QUANTITY_DEF]) {
    definitions[QUANTITY_DEF] = { oneOf: [{ type: 'string', pattern: QUANTITY_PATTERN }, { type: 'number' }] };
  }
  const sortedKinds: Record<string, string> = {};
  for (const k of Object.keys(kinds).sort()) sortedKinds[k] = kinds[k];
  const bundle: KubeSchemaBundle = { kubernetesVersion, kinds: sortedKinds, definitions };
  return JSON.stringify(bundle) + '\n';
}
