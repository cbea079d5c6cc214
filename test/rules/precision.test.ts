import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Container } from 'kubernetes-types/core/v1.js';
import { FIXTURES, lintFixture, positionsOf, ruleTester } from '../helpers.js';
import { clientRole, commandsOf, modelServerKind, startsServer } from '../../rules/lib/model-server.js';
import { acceleratorKind, gkeAcceleratorTarget } from '../../rules/lib/gpu.js';
import { floatingTagPattern, DEFAULT_FLOATING_TAGS } from '../../rules/lib/images.js';
import { configOf } from '../helpers.js';

/** Patterns from public GenAI repositories that produced wrong findings, and the misses next to them. */
describe('precision fixtures', () => {
  const cases: [string, string, string[]][] = [
    ['k8s/shm-size', 'good-tpu.yaml', []],
    ['k8s/gpu-tolerations', 'bad.yaml', ['11:5', '29:7']],
    ['k8s/gpu-tolerations', 'good.yaml', []],
    ['k8s/probes', 'good-not-serving.yaml', []],
    ['k8s/probes', 'good-gateway.yaml', []],
    ['k8s/probes', 'bad-service.yaml', ['14:11']],
    ['k8s/termination-grace', 'good-clients.yaml', []],
    ['k8s/hpa', 'good-not-model-serving.yaml', []],
    ['k8s/hpa', 'good.yaml', []],
    ['k8s/image-tag', 'bad-floating.yaml', ['14:18', '16:18', '18:18']],
    ['k8s/image-tag', 'good-versioned.yaml', []],
    ['k8s/service-selector', 'bad-namespace.yaml', ['24:3']],
    ['k8s/service-selector', 'good-controllers.yaml', []],
    ['dockerfile/healthcheck', 'good-cli.Dockerfile', []],
    ['dockerfile/healthcheck', 'good-plugin.Dockerfile', []],
    ['dockerfile/healthcheck', 'bad-base-server.Dockerfile', ['2:1']],
    ['dockerfile/healthcheck', 'bad-command.Dockerfile', ['2:1']],
  ];
  for (const [id, file, expected] of cases) {
    it(`${id}: ${file}`, () => expect(positionsOf(lintFixture(join(FIXTURES, id, file)), id)).toEqual(expected));
  }
});

describe('accelerator kinds', () => {
  const settings = configOf({ gpu: { resources: ['acme.com/vgpu'] } }).settings;
  it.each([
    ['nvidia.com/gpu', 'gpu'],
    ['nvidia.com/mig-1g.10gb', 'gpu'],
    ['amd.com/gpu', 'gpu'],
    ['gpu.intel.com/i915', 'gpu'],
    ['acme.com/vgpu', 'gpu'],
    ['google.com/tpu', 'tpu'],
    ['habana.ai/gaudi', 'other'],
    ['aws.amazon.com/neuroncore', 'other'],
    ['cpu', undefined],
  ])('%s is %s', (name, kind) => expect(acceleratorKind(name, settings)).toBe(kind));
  it('finds GKE accelerator pools in nodeSelector and in node affinity', () => {
    expect(gkeAcceleratorTarget({ containers: [], nodeSelector: { 'cloud.google.com/gke-accelerator': 'nvidia-l4' } })).toBe('cloud.google.com/gke-accelerator');
    const affinity = { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, preference: { matchExpressions: [{ key: 'cloud.google.com/gke-tpu-accelerator', operator: 'Exists' }] } }] } };
    expect(gkeAcceleratorTarget({ containers: [], affinity })).toBe('cloud.google.com/gke-tpu-accelerator');
    expect(gkeAcceleratorTarget({ containers: [], nodeSelector: { 'cloud.google.com/gke-nodepool': 'gpu-pool' } })).toBeUndefined();
  });
});

describe('model servers by image and command, never by a word in the args', () => {
  const c = (image: string, command?: string[], args?: string[]) => ({ name: 'c', image, command, args }) as Container;
  it('a gateway whose pool name contains vllm is not vLLM', () => {
    expect(modelServerKind(c('registry.k8s.io/gateway-api-inference-extension/epp:v0.3.0', undefined, ['-poolName', 'vllm-llama3-8b', '-v', '4']))).toBeUndefined();
    expect(modelServerKind(c('ghcr.io/acme/router:1.0', ['/app/router'], ['--backend', 'http://vllm:8000', '--served-model', 'vllm']))).toBeUndefined();
  });
  it("Triton's -sdk client image is not a server, idle or not", () => {
    expect(modelServerKind(c('nvcr.io/nvidia/tritonserver:24.08-py3-sdk', ['sleep', 'infinity']))).toBeUndefined();
    expect(modelServerKind(c('nvcr.io/nvidia/tritonserver:24.08-py3-sdk'))).toBeUndefined();
    expect(modelServerKind(c('nvcr.io/nvidia/tritonserver:24.08-py3'))?.id).toBe('triton');
  });
  it('a server image running sleep or a benchmark is a client', () => {
    expect(modelServerKind(c('vllm/vllm-openai:v0.8.5', ['/bin/sh', '-c', 'trap : TERM; sleep infinity']))).toBeUndefined();
    expect(clientRole(c('vllm/vllm-openai:v0.8.5', ['/bin/sh', '-c', 'trap : TERM; sleep infinity']))).toBe('idle');
    expect(clientRole(c('vllm/vllm-openai:v0.8.5', ['python3', 'benchmarks/benchmark_serving.py', '--backend', 'vllm']))).toBe('load-generator');
    expect(clientRole(c('grafana/k6:0.54.0', undefined, ['run', 'script.js']))).toBe('load-generator');
    expect(clientRole(c('grafana/k6:0.54.0'))).toBe('load-generator');
  });
  it('finds the server in the command through wrappers and shell scripts', () => {
    expect(modelServerKind(c('ghcr.io/acme/llm:1.0', ['/bin/bash', '-c', 'pip install x && exec vllm serve Qwen/Qwen2.5-7B --port 8000']))?.id).toBe('vllm');
    expect(modelServerKind(c('ghcr.io/acme/llm:1.0', ['tini', '--', 'python3', '-u', '-m', 'sglang.launch_server', '--model-path', 'x']))?.id).toBe('sglang');
    expect(modelServerKind(c('ghcr.io/acme/llm:1.0', ['text-generation-launcher'], ['--model-id', 'x']))?.id).toBe('tgi');
    expect(commandsOf(['sh', '-c', 'echo start; cd /app; uvicorn main:app'])).toEqual([{ program: 'uvicorn', args: ['main:app'] }]);
  });
  it('another module run in a server image is not the server', () => {
    expect(modelServerKind(c('lmsysorg/sglang:v0.4.6', ['python3', '-m', 'sglang_router.launch_router', '--pd-disaggregation']))).toBeUndefined();
    expect(modelServerKind(c('lmsysorg/sglang:v0.4.6', ['/bin/sh', '-c', 'python3 -m sglang.launch_server --model-path x']))?.id).toBe('sglang');
  });
  it('tag and name rules: llama.cpp CLI tags, mocks and routers', () => {
    expect(modelServerKind(c('ghcr.io/ggml-org/llama.cpp:light'))).toBeUndefined();
    expect(modelServerKind(c('ghcr.io/ggml-org/llama.cpp:server-cuda'))?.id).toBe('llama.cpp');
    expect(modelServerKind(c('aibrix/vllm-mock:nightly'))).toBeUndefined();
    expect(modelServerKind(c('ghcr.io/acme/vllm-router:0.3.0'))).toBeUndefined();
  });
  it('knows general-purpose servers for Dockerfiles', () => {
    expect(startsServer(['gunicorn', '-b', '0.0.0.0:8000', 'app:app'])).toBe(true);
    expect(startsServer(['/bin/sh', '-c', 'streamlit run app.py --server.port 8501'])).toBe(true);
    expect(startsServer(['python', 'train.py'])).toBe(false);
    expect(startsServer(['/usr/bin/nvidia-device-plugin'])).toBe(false);
  });
});

describe('floating tags', () => {
  it.each([
    ['latest', 'latest'],
    ['latest-gpu', 'latest-*'],
    ['v1.31-latest', '*-latest'],
    ['Nightly', 'nightly'],
    ['main', 'main'],
    ['nightly-2024-10-01', undefined],
    ['1.4.0-dev.3', undefined],
    ['v0.6.3', undefined],
  ])('%s', (tag, pattern) => expect(floatingTagPattern(tag, DEFAULT_FLOATING_TAGS)).toBe(pattern));
});

const pod = (containerYaml: string, podExtra = '') => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${podExtra}  containers:\n${containerYaml}`;

ruleTester('k8s/gpu-tolerations', {
  valid: [
    { name: 'a TPU pod needs no toleration, even without a GKE node selector', code: pod('    - name: jax\n      image: x:1\n      resources: {limits: {google.com/tpu: 4}}\n') },
    { name: 'GKE accelerator node pool in required node affinity', code: pod('    - name: a\n      image: x:1\n      resources: {limits: {nvidia.com/gpu: 1}}\n', '  affinity:\n    nodeAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n        nodeSelectorTerms:\n          - matchExpressions:\n              - {key: cloud.google.com/gke-accelerator, operator: In, values: [nvidia-l4]}\n') },
  ],
  invalid: [
    {
      name: 'a Gaudi pod is told about accelerator taints, not GPU taints',
      code: pod('    - name: a\n      image: x:1\n      resources: {limits: {habana.ai/gaudi: 8}}\n'),
      errors: [{ line: 5, column: 1, message: /requests habana\.ai\/gaudi \(container `a`\) but tolerates none of the accelerator node taints \(habana\.ai\/gaudi\); it stays Pending on tainted accelerator pools$/ }],
    },
  ],
});

ruleTester('k8s/shm-size', {
  valid: [{ name: 'a TPU container with a parallelism flag', code: pod('    - name: a\n      image: vllm/vllm-tpu:v0.8.5\n      args: ["--tensor-parallel-size", "4"]\n      resources: {limits: {google.com/tpu: 4}}\n') }],
  invalid: [
    {
      name: 'GPUs are counted as GPUs, not as all accelerators',
      code: pod('    - name: a\n      image: x:1\n      resources: {limits: {nvidia.com/gpu: 2}}\n'),
      errors: [{ line: 7, column: 7, message: 'runs with 2 GPUs but has no memory-backed /dev/shm' }],
    },
  ],
});

ruleTester('k8s/probes', {
  valid: [
    { name: 'restartPolicy OnFailure', code: pod('    - name: a\n      image: x:1\n      ports: [{containerPort: 80}]\n', '  restartPolicy: OnFailure\n') },
    { name: 'tail -f /dev/null', code: pod('    - name: a\n      image: x:1\n      ports: [{containerPort: 80}]\n      command: ["tail", "-f", "/dev/null"]\n') },
  ],
  invalid: [
    {
      name: 'only recognised model servers hear about loading weights',
      code: pod('    - name: redis\n      image: redis:7.4.1\n      ports: [{containerPort: 6379}]\n    - name: vllm\n      image: vllm/vllm-openai:v0.8.5\n'),
      errors: [
        { line: 7, column: 7, message: /has no readinessProbe and no livenessProbe: traffic is routed to it before it is ready$/ },
        { line: 10, column: 7, message: /has no readinessProbe and no livenessProbe: traffic is routed to it while it is still loading weights$/ },
      ],
    },
  ],
});

ruleTester('k8s/image-tag', {
  valid: [{ name: 'the floating tag list is an option', code: pod('    - name: a\n      image: ghcr.io/acme/x:nightly\n'), config: { rules: { 'k8s/image-tag': ['warning', { floatingTags: ['latest'] }] } } }],
  invalid: [
    {
      name: 'a custom floating tag',
      code: pod('    - name: a\n      image: ghcr.io/acme/x:canary\n'),
      config: { rules: { 'k8s/image-tag': ['warning', { floatingTags: ['latest', 'canary'] }] } },
      errors: [{ line: 8, column: 14, message: 'the floating tag `canary`' }],
    },
  ],
});

ruleTester('k8s/service-selector', {
  valid: [],
  invalid: [
    {
      name: 'the same labels in another namespace do not count as a match',
      code: 'apiVersion: v1\nkind: Service\nmetadata: {name: s, namespace: a}\nspec:\n  selector: {app: x}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: b, labels: {app: x}}\nspec:\n  containers: []\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: q, namespace: a, labels: {app: y}}\nspec:\n  containers: []\n',
      errors: [{ line: 5, column: 3, message: 'matches only pods of namespace `b` (Pod `p`)' }],
    },
  ],
});
