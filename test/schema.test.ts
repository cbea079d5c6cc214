import { existsSync, readFileSync, mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { buildKubeSchemaBundle } from '../src/k8s-schema-bundle.js';
import { KubeSchemaValidator } from '../src/engine/kube-schema.js';
import { FIXTURES, REPO_ROOT, lintFixture, lintSnippet, ruleTester } from './helpers.js';

const BUNDLE = join(REPO_ROOT, 'schemas', 'kubernetes', 'v1.32', 'bundle.json');
const DEFINITIONS = join(REPO_ROOT, '..', 'shared', 'kubernetes', 'v1.32.2-standalone-strict', '_definitions.json');

const podSpec = { containers: [{ name: 'c', image: 'x:1' }] };
const template = { metadata: { labels: { app: 'a' } }, spec: podSpec };
const selector = { matchLabels: { app: 'a' } };

/** A minimal valid object of every bundled kind. */
const VALID: Record<string, Record<string, unknown>> = {
  'apps/v1 DaemonSet': { spec: { selector, template } },
  'apps/v1 Deployment': { spec: { selector, template } },
  'apps/v1 ReplicaSet': { spec: { selector, template } },
  'apps/v1 StatefulSet': { spec: { selector, template, serviceName: 's' } },
  'autoscaling/v1 HorizontalPodAutoscaler': { spec: { scaleTargetRef: { kind: 'Deployment', name: 'a' }, maxReplicas: 3, targetCPUUtilizationPercentage: 80 } },
  'autoscaling/v2 HorizontalPodAutoscaler': { spec: { scaleTargetRef: { kind: 'Deployment', name: 'a' }, maxReplicas: 3 } },
  'batch/v1 CronJob': { spec: { schedule: '* * * * *', jobTemplate: { spec: { template: { spec: { ...podSpec, restartPolicy: 'Never' } } } } } },
  'batch/v1 Job': { spec: { template: { spec: { ...podSpec, restartPolicy: 'Never' } } } },
  'networking.k8s.io/v1 Ingress': { spec: { rules: [{ host: 'a.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'a', port: { number: 80 } } } }] } }] } },
  'networking.k8s.io/v1 IngressClass': { spec: { controller: 'k8s.io/ingress-nginx' } },
  'networking.k8s.io/v1 NetworkPolicy': { spec: { podSelector: {}, policyTypes: ['Ingress'] } },
  'node.k8s.io/v1 RuntimeClass': { handler: 'nvidia' },
  'policy/v1 PodDisruptionBudget': { spec: { minAvailable: '50%', selector } },
  'rbac.authorization.k8s.io/v1 ClusterRole': { rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }] },
  'rbac.authorization.k8s.io/v1 ClusterRoleBinding': { roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'r' }, subjects: [{ kind: 'ServiceAccount', name: 's', namespace: 'n' }] },
  'rbac.authorization.k8s.io/v1 Role': { rules: [] },
  'rbac.authorization.k8s.io/v1 RoleBinding': { roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'r' } },
  'scheduling.k8s.io/v1 PriorityClass': { value: 1000, description: 'GPU inference' },
  'storage.k8s.io/v1 StorageClass': { provisioner: 'pd.csi.storage.gke.io', parameters: { type: 'pd-ssd' } },
  'v1 ConfigMap': { data: { 'config.yaml': 'a: 1' } },
  'v1 LimitRange': { spec: { limits: [{ type: 'Container', default: { memory: '1Gi' } }] } },
  'v1 Namespace': {},
  'v1 PersistentVolume': { spec: { capacity: { storage: '100Gi' }, accessModes: ['ReadWriteMany'], nfs: { server: 'nfs', path: '/models' } } },
  'v1 PersistentVolumeClaim': { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '100Gi' } } } },
  'v1 Pod': { spec: podSpec },
  'v1 ReplicationController': { spec: { selector: { app: 'a' }, template } },
  'v1 ResourceQuota': { spec: { hard: { 'requests.nvidia.com/gpu': '4' } } },
  'v1 Secret': { type: 'Opaque', stringData: { token: 'changeme' } },
  'v1 Service': { spec: { selector: { app: 'a' }, ports: [{ port: 80, targetPort: 'http' }] } },
  'v1 ServiceAccount': { automountServiceAccountToken: false },
};

describe('schema bundle', () => {
  it.runIf(existsSync(DEFINITIONS))('is exactly what the generator writes from the definitions (npm run schemas)', () => {
    expect(buildKubeSchemaBundle(JSON.parse(readFileSync(DEFINITIONS, 'utf8')), '1.32')).toBe(readFileSync(BUNDLE, 'utf8'));
  });
  it('carries no descriptions or Kubernetes extension keys, but keeps fields named `description`', () => {
    const text = readFileSync(BUNDLE, 'utf8');
    expect(text).not.toContain('x-kubernetes-');
    const bundle = JSON.parse(text);
    expect(bundle.definitions['io.k8s.api.apps.v1.Deployment'].description).toBeUndefined();
    expect(Object.keys(bundle.definitions['io.k8s.api.scheduling.v1.PriorityClass'].properties)).toContain('description');
  });
  it('a valid manifest of every bundled kind passes', () => {
    const kinds = Object.keys(JSON.parse(readFileSync(BUNDLE, 'utf8')).kinds);
    expect(Object.keys(VALID).sort()).toEqual(kinds.sort());
    const v = new KubeSchemaValidator('1.32');
    for (const [key, body] of Object.entries(VALID)) {
      const [apiVersion, kind] = key.split(' ');
      const obj = { apiVersion, kind, metadata: { name: 'a', labels: { app: 'a' }, annotations: {} }, ...body };
      expect(v.validate(apiVersion, kind, obj), key).toEqual([]);
    }
  });
  it('skips unknown kinds (CRDs) and says so under --verbose', () => {
    expect(new KubeSchemaValidator('1.32').validate('serving.kserve.io/v1beta1', 'InferenceService', {})).toBeUndefined();
    const dir = mkdtempSync(join(tmpdir(), 'genai-lint-schema-'));
    writeFileSync(join(dir, 'isvc.yaml'), 'apiVersion: serving.kserve.io/v1beta1\nkind: InferenceService\nmetadata: {name: a}\nspec: {whatever: 1}\n');
    const r = spawnSync(process.execPath, [join(REPO_ROOT, 'dist', 'src', 'cli.js'), '-v', '.'], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('no schema for serving.kserve.io/v1beta1 InferenceService; not validated');
  });
});

describe('k8s/schema findings', () => {
  it('reports each class of error at its exact line, with an actionable message', () => {
    const got = lintFixture(join(FIXTURES, 'k8s/schema/bad.yaml'))
      .filter((f) => f.ruleId === 'k8s/schema')
      .map((f) => `${f.range.start.line}:${f.range.start.column} ${f.message}`);
    expect(got).toEqual([
      '6:1 missing required field `selector` in spec',
      '7:13 `replicas` must be an integer, got string "2"',
      '15:11 unknown field `resource` in containers[0] (`vllm`); did you mean `resources`?',
      '18:11 unknown field `tolerations` in containers[0] (`vllm`); it belongs in the pod spec, not in a container',
      '22:30 `containerPort` must be an integer, got string "http"',
      '26:23 `memory` must be a quantity such as 4Gi, 500m or 2, got string "4GB"',
      '27:20 `cpu` must be a quantity such as 4Gi, 500m or 2, got boolean true',
      '29:44 `port` must be a string or an integer, got boolean true',
      '30:11 missing required field `name` in containers[1]',
    ]);
  });
  it('accepts the valid fixture (nulls, int-or-string, quantities, a CRD)', () => {
    expect(lintFixture(join(FIXTURES, 'k8s/schema/good.yaml')).filter((f) => f.ruleId === 'k8s/schema')).toEqual([]);
  });
});

ruleTester('k8s/schema', {
  valid: [{ name: 'numbers as quantities', code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: x:1\n      resources: {limits: {cpu: 2, memory: 1e9}}\n' }],
  invalid: [
    {
      name: 'pod-spec fields at the Deployment spec level',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  selector: {matchLabels: {app: a}}\n  nodeSelector: {gpu: "true"}\n  template:\n    metadata: {labels: {app: a}}\n    spec:\n      containers: [{name: c, image: "x:1"}]\n',
      errors: [{ line: 6, column: 3, message: 'unknown field `nodeSelector` in spec; it belongs in the pod template spec (spec.template.spec)' }],
    },
    {
      name: 'a quoted boolean',
      code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  hostIPC: "yes"\n  containers: [{name: c, image: "x:1"}]\n',
      errors: [{ line: 5, column: 12, message: '`hostIPC` must be a boolean (true or false), got string "yes"' }],
    },
  ],
});

describe('user schemas for custom kinds', () => {
  it('validates a CRD against a schema named in the config, at the exact line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'genai-lint-crd-'));
    const files: Record<string, string> = {
      '.genai-lint.yaml': 'schemas:\n  - apiVersion: serving.kserve.io/v1beta1\n    kind: InferenceService\n    schema: schemas/isvc.yaml\n',
      'schemas/isvc.yaml': stringify({
        type: 'object',
        required: ['spec'],
        properties: { apiVersion: {}, kind: {}, metadata: {}, spec: { type: 'object', additionalProperties: false, properties: { predictor: { type: 'object' } } } },
      }),
      'isvc.yaml': 'apiVersion: serving.kserve.io/v1beta1\nkind: InferenceService\nmetadata: {name: a}\nspec:\n  predictr: {}\n',
    };
    for (const [p, t] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, p)), { recursive: true });
      writeFileSync(join(dir, p), t);
    }
    const r = spawnSync(process.execPath, [join(REPO_ROOT, 'dist', 'src', 'cli.js'), '-f', 'json', 'isvc.yaml'], { cwd: dir, encoding: 'utf8' });
    const f = JSON.parse(r.stdout).findings.find((x: { ruleId: string }) => x.ruleId === 'k8s/schema');
    expect(f).toMatchObject({ line: 5, column: 3, message: 'unknown field `predictr` in spec; did you mean `predictor`?' });
  });
  it('a broken user schema is a config error naming the entry', () => {
    const dir = mkdtempSync(join(tmpdir(), 'genai-lint-crd-'));
    writeFileSync(join(dir, '.genai-lint.yaml'), 'schemas:\n  - {apiVersion: x.io/v1, kind: Thing, schema: thing.json}\n');
    writeFileSync(join(dir, 'thing.json'), '{"type": "nonsense"}');
    const r = spawnSync(process.execPath, [join(REPO_ROOT, 'dist', 'src', 'cli.js'), '.'], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('schemas[0] (x.io/v1 Thing): thing.json is not a valid JSON Schema');
  });
});

it('duplicate-free: one finding per problem even when ajv reports a path several times', () => {
  const f = lintSnippet({ code: 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports:\n    - port: "eighty"\n      targetPort: {a: 1}\n' }).filter((x) => x.ruleId === 'k8s/schema');
  expect(f.map((x) => `${x.range.start.line}:${x.range.start.column} ${x.message}`)).toEqual([
    '6:13 `port` must be an integer, got string "eighty"',
    '7:19 `targetPort` must be a string or an integer, got a mapping',
  ]);
});
