import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FIXTURES, lintFixture, positionsOf, ruleTester } from '../helpers.js';

describe('k8s fixtures', () => {
  const cases: [string, string, string[]][] = [
    ['k8s/no-plaintext-secrets', 'bad.yaml', ['21:23', '23:22', '35:16', '44:10']],
    ['k8s/no-plaintext-secrets', 'good.yaml', []],
    ['k8s/probes', 'bad.yaml', ['26:11', '47:11']],
    ['k8s/probes', 'good.yaml', []],
    ['k8s/run-as-non-root', 'bad.yaml', ['13:9', '33:7']],
    ['k8s/run-as-non-root', 'good.yaml', []],
    ['k8s/gpu-tolerations', 'bad.yaml', ['11:5', '29:7']],
    ['k8s/gpu-tolerations', 'good.yaml', []],
    ['k8s/memory-limits', 'bad.yaml', ['13:11', '22:13', '39:15']],
    ['k8s/memory-limits', 'good.yaml', []],
    ['k8s/hpa', 'bad.yaml', ['4:9']],
    ['k8s/hpa', 'good.yaml', []],
  ];
  for (const [id, file, expected] of cases) {
    it(`${id}: ${file}`, () => {
      expect(positionsOf(lintFixture(join(FIXTURES, id, file)), id)).toEqual(expected);
    });
  }
});

const pod = (containerYaml: string, podExtra = '') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${podExtra}  containers:\n${containerYaml}`;

ruleTester('k8s/no-plaintext-secrets', {
  valid: [
    { name: 'count-like and path-like names', code: pod('    - name: c\n      image: x:1\n      env:\n        - {name: MAX_NEW_TOKENS, value: "512"}\n        - {name: HF_TOKEN_PATH, value: /secrets/hf}\n        - {name: OPENAI_API_BASE, value: "http://vllm:8000/v1"}\n') },
    { name: 'Kubernetes $(VAR) references and Helm placeholders', code: pod('    - name: c\n      image: x:1\n      env:\n        - {name: API_TOKEN, value: "$(TOKEN_FROM_SECRET)"}\n        - {name: DB_PASSWORD, value: "{{ .Values.password }}"}\n') },
    { name: 'Secret with only placeholder and account values', code: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  username: admin\n  password: changeme\ndata:\n  host: ZGIuYWNtZS5pbw==\n' },
  ],
  invalid: [
    {
      name: 'base64 data is decoded',
      code: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: openai\ndata:\n  api-key: c2stcHJvai1aeDljVjhiTjdtUTZ3RTVyVDR5VTNpTzJwQTFzRDBmRzloSjhrTDd6WDZjVjViTjRtUTN3RTI=\n',
      errors: [{ line: 6, column: 12, message: 'base64 is not encryption' }],
    },
    {
      name: 'token in an annotation of a CRD (InferenceService)',
      code: 'apiVersion: serving.kserve.io/v1beta1\nkind: InferenceService\nmetadata:\n  name: llama\n  annotations:\n    hub: "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"\nspec: {}\n',
      errors: [{ line: 6, column: 11, message: 'NVIDIA API key' }],
    },
  ],
});

ruleTester('k8s/probes', {
  valid: [
    { name: 'Jobs are not serving workloads', code: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  template:\n    spec:\n      containers:\n        - name: c\n          image: x:1\n' },
    { name: 'a large enough liveness budget needs no startupProbe', code: pod('    - name: c\n      image: x:1\n      resources: {limits: {nvidia.com/gpu: 1}}\n      readinessProbe: {httpGet: {path: /health, port: 8000}}\n      livenessProbe: {httpGet: {path: /health, port: 8000}, initialDelaySeconds: 600}\n') },
  ],
  invalid: [
    {
      name: 'a CPU container missing both probes',
      code: pod('    - name: api\n      image: x:1\n      ports: [{containerPort: 8080}]\n'),
      errors: [{ line: 7, column: 7, message: 'no readinessProbe and no livenessProbe: traffic is routed to it before it is ready' }],
    },
  ],
});

ruleTester('k8s/run-as-non-root', {
  valid: [{ name: 'pod-level runAsNonRoot applies to all containers', code: pod('    - name: a\n      image: x:1\n    - name: b\n      image: y:1\n', '  securityContext: {runAsNonRoot: true}\n') }],
  invalid: [
    {
      name: 'container runAsUser: 0 overrides a safe pod setting',
      code: pod('    - name: a\n      image: x:1\n      securityContext:\n        runAsUser: 0\n', '  securityContext: {runAsNonRoot: true, runAsUser: 1000}\n'),
      errors: [{ line: 11, column: 9, message: 'runs as root (`runAsUser: 0`)' }],
    },
  ],
});

ruleTester('k8s/gpu-tolerations', {
  valid: [
    { name: 'a keyless Exists toleration tolerates everything', code: pod('    - name: a\n      image: x:1\n      resources: {limits: {nvidia.com/gpu: 1}}\n', '  tolerations:\n    - operator: Exists\n') },
    { name: 'extra taint key from config', code: pod('    - name: a\n      image: x:1\n      resources: {limits: {nvidia.com/gpu: 1}}\n', '  tolerations:\n    - {key: gpu-pool, operator: Exists}\n'), config: { gpu: { taintKeys: ['gpu-pool'] } } },
  ],
  invalid: [
    {
      name: 'a toleration for an unrelated taint; a Neuron device',
      code: pod('    - name: a\n      image: x:1\n      resources: {limits: {aws.amazon.com/neuroncore: 2}}\n', '  tolerations:\n    - {key: spot, operator: Exists}\n'),
      errors: [{ line: 6, column: 3, message: 'aws.amazon.com/neuroncore' }],
    },
  ],
});

ruleTester('k8s/memory-limits', {
  valid: [{ name: 'limits set', code: pod('    - name: a\n      image: x:1\n      resources: {limits: {memory: 1Gi}}\n') }],
  invalid: [
    {
      name: 'a LimitRange of another namespace does not count',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: a\nspec:\n  containers:\n    - name: c\n      image: x:1\n',
      context: ['apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: d\n  namespace: b\nspec:\n  limits:\n    - type: Container\n      default: {memory: 1Gi}\n'],
      errors: [{ line: 8, column: 7 }],
    },
  ],
});

ruleTester('k8s/hpa', {
  valid: [
    {
      name: 'an HPA in another (context) file counts',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers: []\n',
      context: ['apiVersion: autoscaling/v1\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  maxReplicas: 3\n'],
    },
  ],
  invalid: [
    {
      name: 'an HPA for a StatefulSet of the same name does not count',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers: [{name: vllm, image: vllm/vllm-openai:v0.6.3}]\n---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: StatefulSet, name: web}\n  maxReplicas: 3\n',
      errors: [{ line: 4, column: 9, endColumn: 12 }],
    },
  ],
});
