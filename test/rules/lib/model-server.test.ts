import { describe, expect, it } from 'vitest';
import { MODEL_SERVERS, clientRole, commandsOf, modelReference, modelServerKind, startsServer } from '../../../rules/lib/model-server.js';
import type { Container } from 'kubernetes-types/core/v1.js';

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
