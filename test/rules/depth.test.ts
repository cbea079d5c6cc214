import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FIXTURES, lintFixture, lintSnippet, positionsOf, ruleTester } from '../helpers.js';
import { MODEL_SERVERS, modelReference, modelServerKind } from '../../rules/lib/model-server.js';
import { parseQuantity } from '../../rules/lib/quantity.js';
import { dockerignoreMatcher } from '../../src/engine/build-context.js';
import { removedApi } from '../../rules/lib/api-versions.js';
import type { Container } from 'kubernetes-types/core/v1.js';

describe('fixtures of the GenAI depth rules', () => {
  const cases: [string, string, string[]][] = [
    ['k8s/gpu-limits', 'bad.yaml', ['19:15', '27:15']],
    ['k8s/shm-size', 'bad.yaml', ['13:11', '34:11', '57:9']],
    ['k8s/hpa-gpu-metric', 'bad.yaml', ['28:3', '47:3']],
    ['k8s/hpa-max-replicas', 'bad.yaml', ['25:16', '36:1']],
    ['k8s/deprecated-api', 'bad.yaml', ['1:13', '9:13', '18:13', '27:13']],
    ['k8s/model-cache', 'bad.yaml', ['14:11', '44:24', '70:11']],
    ['k8s/image-tag', 'bad.yaml', ['14:18', '17:18', '20:18']],
    ['k8s/termination-grace', 'bad.yaml', ['12:7', '31:5']],
    ['k8s/trust-remote-code', 'bad.yaml', ['17:15']],
    ['k8s/gpu-visible-without-request', 'bad.yaml', ['18:22']],
    ['k8s/service-selector', 'bad.yaml', ['25:3']],
    ['dockerfile/pin-base-image', 'bad.Dockerfile', ['2:6', '5:6']],
    ['dockerfile/cuda-devel-final', 'bad.Dockerfile', ['1:6']],
    ['dockerfile/pip-cache', 'bad.Dockerfile', ['6:5', '8:74', '9:5']],
    ['dockerfile/no-git-dir', 'bad.Dockerfile', ['3:6']],
    ['dockerfile/exec-form', 'bad.Dockerfile', ['3:1']],
    ['dockerfile/build-context', 'bad/Dockerfile', ['3:6']],
  ];
  for (const [id, file, expected] of cases) {
    it(`${id}: ${file}`, () => expect(positionsOf(lintFixture(join(FIXTURES, id, file)), id)).toEqual(expected));
    const goodFile = file.replace(/^bad/, 'good');
    it(`${id}: ${goodFile} stays quiet`, () => expect(positionsOf(lintFixture(join(FIXTURES, id, goodFile)), id)).toEqual([]));
  }

  it('shm-size: severities follow the problem (no sizeLimit is info)', () => {
    const f = lintFixture(join(FIXTURES, 'k8s/shm-size/bad.yaml')).filter((x) => x.ruleId === 'k8s/shm-size');
    expect(f.map((x) => x.severity)).toEqual(['warning', 'info', 'warning']);
  });

  it('build-context: names the files, their size, and the missing .dockerignore', () => {
    const [f] = lintFixture(join(FIXTURES, 'dockerfile/build-context/bad/Dockerfile')).filter((x) => x.ruleId === 'dockerfile/build-context');
    expect(f.message).toBe(
      'COPY . copies 2 weight files, 60 B: models/llama-3-8b/model-00001-of-00002.safetensors, models/llama-3-8b/model-00002-of-00002.safetensors; and 1 secret file: .env (there is no .dockerignore)',
    );
  });

  it('a config severity overrides per-finding severities', () => {
    const f = lintFixture(join(FIXTURES, 'k8s/shm-size/bad.yaml'), { rules: { 'k8s/shm-size': 'error' } }).filter((x) => x.ruleId === 'k8s/shm-size');
    expect(f.map((x) => x.severity)).toEqual(['error', 'error', 'error']);
  });
});

describe('platform and version settings', () => {
  const gpuPod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: x:1\n      resources: {limits: {nvidia.com/gpu: 1}}\n';
  it('GKE turns k8s/gpu-tolerations off; generic keeps it', () => {
    expect(lintSnippet({ code: gpuPod }).map((f) => f.ruleId)).toContain('k8s/gpu-tolerations');
    expect(lintSnippet({ code: gpuPod, config: { platform: 'gke' } }).map((f) => f.ruleId)).not.toContain('k8s/gpu-tolerations');
  });
  it('an explicit rule setting wins over the platform default', () => {
    expect(lintSnippet({ code: gpuPod, config: { platform: 'gke', rules: { 'k8s/gpu-tolerations': 'warning' } } }).map((f) => f.ruleId)).toContain('k8s/gpu-tolerations');
  });
  it('kubernetesVersion decides what is removed', () => {
    const hpa = 'apiVersion: autoscaling/v2beta2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: h\nspec: {}\n';
    expect(lintSnippet({ code: hpa, config: { kubernetesVersion: '1.25' } }).map((f) => f.ruleId)).not.toContain('k8s/deprecated-api');
    expect(lintSnippet({ code: hpa, config: { kubernetesVersion: '1.26' } }).map((f) => f.ruleId)).toContain('k8s/deprecated-api');
    expect(removedApi('extensions/v1beta1', 'Ingress', 21)).toBeUndefined();
    expect(removedApi('extensions/v1beta1', 'Ingress', 22)?.replacement).toBe('networking.k8s.io/v1');
  });
});

describe('model-server knowledge', () => {
  const c = (image: string, args: string[] = [], env: Record<string, string> = {}) =>
    ({ name: 'c', image, args, env: Object.entries(env).map(([name, value]) => ({ name, value })) }) as Container;
  it.each([
    ['vllm/vllm-openai:v0.6.3', 'vllm'],
    ['lmsysorg/sglang:v0.3.5-cu121', 'sglang'],
    ['ghcr.io/huggingface/text-generation-inference:2.4.0', 'tgi'],
    ['ghcr.io/huggingface/text-embeddings-inference:cpu-1.5', 'tei'],
    ['nvcr.io/nvidia/tritonserver:24.08-py3', 'triton'],
    ['ollama/ollama:0.3.14', 'ollama'],
    ['ghcr.io/ggerganov/llama.cpp:server', 'llama.cpp'],
    ['openmmlab/lmdeploy:v0.6.0', 'lmdeploy'],
    ['nvcr.io/nim/meta/llama-3.1-8b-instruct:1.1.2', 'nim'],
    ['rayproject/ray-llm:2.9.0', 'ray-serve'],
    ['kserve/huggingfaceserver:v0.14.0', 'kserve-huggingface'],
    ['localai/localai:v2.22.1-aio-gpu-nvidia-cuda-12', 'localai'],
  ])('%s is %s', (image, id) => expect(modelServerKind(c(image))?.id).toBe(id));
  it.each(['redis:7.4.1', 'qdrant/qdrant:v1.12.1', 'ghcr.io/open-webui/open-webui:0.3.35', 'python:3.11-slim'])('%s is not a model server', (image) =>
    expect(modelServerKind(c(image))).toBeUndefined(),
  );
  it('recognises servers by command when the image is custom', () => {
    expect(modelServerKind(c('ghcr.io/acme/llm:1.0', ['python3', '-m', 'vllm.entrypoints.openai.api_server']))?.id).toBe('vllm');
    expect(modelServerKind(c('ghcr.io/acme/llm:1.0', ['llama-server', '-m', '/models/x.gguf']))?.id).toBe('llama.cpp');
  });
  it('every server documents a readiness path', () => {
    for (const s of MODEL_SERVERS) expect(s.readyPath.startsWith('/')).toBe(true);
  });
  it('tells hub ids from local paths', () => {
    expect(modelReference(c('x', ['--model', 'meta-llama/Llama-3.1-8B-Instruct']))).toEqual({ value: 'meta-llama/Llama-3.1-8B-Instruct', isHubId: true });
    expect(modelReference(c('x', ['--model-id=/data/llama']))?.isHubId).toBe(false);
    expect(modelReference(c('x', ['--model', 'models/llama']))?.isHubId).toBe(false);
    expect(modelReference(c('x', ['vllm', 'serve', 'Qwen/Qwen2.5-7B-Instruct']))?.value).toBe('Qwen/Qwen2.5-7B-Instruct');
    expect(modelReference(c('x', [], { MODEL_ID: 'BAAI/bge-m3' }))?.isHubId).toBe(true);
    expect(modelReference(c('x', ['--model', 's3://bucket/llama']))?.isHubId).toBe(false);
  });
});

describe('quantities and .dockerignore', () => {
  it.each([['4Gi', 4 * 2 ** 30], ['500m', 0.5], ['1', 1], [2, 2], ['1e3', 1000], ['1.5G', 1.5e9], ['x', undefined]])('%s', (q, v) => expect(parseQuantity(q)).toBe(v));
  it('follows Docker semantics: root-anchored, **, exceptions, last match wins, parents count', () => {
    const ignored = dockerignoreMatcher('# comment\nmodels\n**/*.safetensors\n.env*\n!.env.example\n*.md\n!README.md\n');
    expect(ignored('models/a/b.bin')).toBe(true);
    expect(ignored('src/models/x.py')).toBe(false);
    expect(ignored('deep/dir/w.safetensors')).toBe(true);
    expect(ignored('.env.prod')).toBe(true);
    expect(ignored('.env.example')).toBe(false);
    expect(ignored('docs/guide.md')).toBe(false);
    expect(ignored('CHANGES.md')).toBe(true);
    expect(ignored('README.md')).toBe(false);
  });
});

ruleTester('dockerfile/no-secrets', {
  valid: [
    { name: 'a secret mount with env= shadows the build arg', code: 'FROM python:3.11\nARG HF_TOKEN\nRUN --mount=type=secret,id=hf,env=HF_TOKEN huggingface-cli login --token $HF_TOKEN\n' },
    { name: 'login reading the token from an env var', code: 'FROM python:3.11\nRUN --mount=type=secret,id=wandb,env=WANDB_API_KEY wandb login "$WANDB_API_KEY"\n' },
  ],
  invalid: [
    {
      name: 'a secret build arg used in RUN',
      code: 'FROM python:3.11\nARG HF_TOKEN\nRUN huggingface-cli login --token ${HF_TOKEN} && huggingface-cli whoami\n',
      errors: [{ line: 3, column: 35, message: 'RUN uses secret build arg `HF_TOKEN`' }],
    },
    {
      name: 'literal tokens passed to login commands',
      code: 'FROM python:3.11\nRUN hf auth login --token Zt8Kq2mXp9aWv4LbQ3 && wandb login 4c9d2e7f1a8b3c6d5e0f9a2b7c4d1e8f3a6b5c0d\n',
      errors: [
        { line: 2, column: 27, message: '`hf auth login` with a literal token' },
        { line: 2, column: 61, message: '`wandb login` with a literal token' },
      ],
    },
  ],
});

ruleTester('dockerfile/pin-base-image', {
  valid: [{ name: 'unresolvable ARG without default', code: 'ARG BASE\nFROM ${BASE}\n' }, { name: 'registry port is not a tag', code: 'FROM registry.local:5000/ml/base:2.1\n' }],
  invalid: [{ name: 'registry with port and no tag', code: 'FROM registry.local:5000/ml/base\n', errors: [{ line: 1, column: 6, endColumn: 33 }] }],
});

ruleTester('dockerfile/exec-form', {
  valid: [{ name: 'an exec-form CMD after an exec-form ENTRYPOINT is only arguments', code: 'FROM a:1\nENTRYPOINT ["tini", "--"]\nCMD ["serve", "--port", "8000"]\n' }],
  invalid: [
    {
      name: 'a shell chain gets a wrapper-script hint',
      code: 'FROM a:1\nCMD ollama serve & sleep 5 && ollama pull llama3 && wait\n',
      errors: [{ line: 2, column: 1, message: 'CMD in shell form' }],
    },
  ],
});

ruleTester('k8s/gpu-limits', {
  valid: [{ name: 'limit only: the request defaults to it', code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: x:1\n      resources: {limits: {amd.com/gpu: 1}}\n' }],
  invalid: [
    {
      name: 'a configured accelerator resource',
      code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: x:1\n      resources:\n        requests: {example.com/npu: 2}\n',
      config: { gpu: { resources: ['example.com/npu'] } },
      errors: [{ line: 9, column: 20, message: 'requests example.com/npu: 2 but sets no limit' }],
    },
  ],
});

ruleTester('k8s/probes', {
  valid: [],
  invalid: [
    {
      name: 'a CPU model server (by image) also needs a startup budget; failureThreshold 1 is reported',
      code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: tei\n      image: ghcr.io/huggingface/text-embeddings-inference:cpu-1.5\n      readinessProbe: {httpGet: {path: /health, port: 80}}\n      livenessProbe:\n        httpGet: {path: /health, port: 80}\n        failureThreshold: 1\n',
      errors: [
        { line: 9, column: 7, message: 'gets 10s to start' },
        { line: 11, column: 9, message: 'failureThreshold 1' },
      ],
    },
  ],
});

ruleTester('k8s/service-selector', {
  valid: [
    {
      name: 'a Pod in a context file matches',
      code: 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  selector: {app: api}\n',
      context: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\n  labels: {app: api, tier: web}\nspec:\n  containers: []\n'],
    },
  ],
  invalid: [],
});
