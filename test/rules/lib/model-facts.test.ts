import { describe, expect, it } from 'vitest';
import { gpuModelOfLabel, modelBaseName, modelSize, paramsFromName, precisionFromName, UNREADABLE } from '../../../rules/lib/model-facts.js';

describe('model sizes', () => {
  it.each([
    ['meta-llama/Llama-3.1-70B-Instruct', 70.6, 'table'],
    ['meta-llama/Meta-Llama-3-8B-Instruct', 8.03, 'table'],
    ['hugging-quants/Meta-Llama-3.1-70B-Instruct-AWQ-INT4', 70.6, 'table'],
    ['mistralai/Mixtral-8x7B-Instruct-v0.1', 46.7, 'table'],
    ['Qwen/Qwen2.5-0.5B-Instruct', 0.49, 'table'],
    ['facebook/opt-125m', 0.125, 'table'],
    ['openai/gpt-oss-20b', 20.9, 'table'],
    ['unsloth/phi-4-bnb-4bit', 14.7, 'table'],
    ['ibm-granite/granite-3.1-8b-instruct', 8, 'name'],
    ['bigscience/bloom-560m', 0.56, 'name'],
    ['hf://Qwen/Qwen3-30B-A3B', 30, 'name'],
    ['/models/DeepSeek-R1-Distill-Qwen-1.5B-Q4_K_M.gguf', 1.5, 'name'],
  ])('%s has %s billion parameters (%s)', (id, params, from) => {
    const size = modelSize(id);
    expect(size?.params).toBe(params);
    expect(size?.from).toBe(from);
  });
  it('names without a size, or with two, are unknown', () => {
    expect(modelSize('acme/support-assistant')).toBeUndefined();
    expect(modelSize('/models/llama')).toBeUndefined();
    expect(paramsFromName('merge-7b-13b')).toBeUndefined();
    expect(paramsFromName('stablelm-2-zephyr-1_6b')).toBeUndefined();
  });
  it('phi-4-mini is not phi-4', () => expect(modelSize('microsoft/Phi-4-mini-instruct')?.params).not.toBe(14.7));
  it('mixtures outside the table count a lower bound', () => expect(paramsFromName('acme-4x7b')).toBe(21));
  it('configured models win over the table and the name', () => {
    expect(modelSize('acme/chat-34b', { 'acme/chat-34b': { params: 34.4, bits: 4 } })).toMatchObject({ params: 34.4, from: 'config', nativeBits: 4 });
  });
  it('base names drop schemes, paths and .gguf', () => {
    expect(modelBaseName('hf://meta-llama/Llama-3.1-8B')).toBe('llama-3.1-8b');
    expect(modelBaseName('/models/x/Qwen2.5-7B-Q8_0.gguf')).toBe('qwen2.5-7b-q8_0');
  });
});

describe('precision from names', () => {
  it.each([
    ['llama-3.1-70b-instruct-awq-int4', 4],
    ['llama-3.1-8b-instruct-fp8', 8],
    ['qwen2.5-7b-instruct-gptq-int8', 8],
    ['thebloke/llama-2-70b-chat-gptq', 4],
    ['meta-llama-3.1-8b-instruct-bnb-4bit', 4],
    ['meta-llama-3.1-8b-instruct-quantized.w4a16', 4],
    ['qwen2.5-7b-instruct-q4_k_m', 4.5],
    ['llama3.1:8b-instruct-q8_0', 8.5],
    ['phi-3-mini-4k-instruct-iq4_xs', 4.25],
  ])('%s: %s bits', (name, bits) => {
    const p = precisionFromName(name);
    expect(p === UNREADABLE ? p : p?.bits).toBe(bits);
  });
  it('formats of unknown size leave the precision unknown', () => {
    expect(precisionFromName('llama-3-70b-instruct-exl2')).toBe(UNREADABLE);
    expect(precisionFromName('mistral-7b-instruct-v0.3-mlx')).toBe(UNREADABLE);
  });
  it('plain names say nothing', () => expect(precisionFromName('llama-3.1-8b-instruct')).toBeUndefined());
});

describe('GPU memory from node labels', () => {
  it.each([
    ['cloud.google.com/gke-accelerator', 'nvidia-l4', 24],
    ['cloud.google.com/gke-accelerator', 'nvidia-tesla-a100', 40],
    ['cloud.google.com/gke-accelerator', 'nvidia-a100-80gb', 80],
    ['nvidia.com/gpu.product', 'NVIDIA-A100-SXM4-80GB', 80],
    ['nvidia.com/gpu.product', 'NVIDIA-A100-SXM4-40GB-MIG-3g.20gb', 20],
    ['nvidia.com/gpu.product', 'NVIDIA-H100-80GB-HBM3', 80],
    ['nvidia.com/gpu.product', 'NVIDIA-H100-NVL', 94],
    ['nvidia.com/gpu.product', 'Tesla-T4', 16],
    ['nvidia.com/gpu.product', 'NVIDIA-L40S', 48],
    ['nvidia.com/gpu.memory', '23034', 23034 / 1024],
    ['karpenter.k8s.aws/instance-gpu-name', 'a10g', 24],
    ['karpenter.k8s.aws/instance-family', 'g6e', 48],
    ['node.kubernetes.io/instance-type', 'g5.12xlarge', 24],
    ['node.kubernetes.io/instance-type', 'p4de.24xlarge', 80],
    ['node.kubernetes.io/instance-type', 'p5e.48xlarge', 141],
    ['node.kubernetes.io/instance-type', 'a2-ultragpu-1g', 80],
    ['node.kubernetes.io/instance-type', 'Standard_NC24ads_A100_v4', 80],
    ['cloud.google.com/gke-gpu-partition-size', '1g.5gb', 5],
  ])('%s: %s is %s GiB', (key, value, gib) => expect(gpuModelOfLabel(key, value)?.memoryGiB).toBe(gib));
  it.each([
    ['karpenter.k8s.aws/instance-gpu-name', 'a100'],
    ['nvidia.com/gpu.product', 'NVIDIA-GH200-480GB'],
    ['nvidia.com/gpu.product', 'NVIDIA-A100'],
    ['node.kubernetes.io/instance-type', 'm5.xlarge'],
    ['node.kubernetes.io/instance-type', 'Standard_NV12ads_A10_v5'],
  ])('%s: %s has no single size', (key, value) => expect(gpuModelOfLabel(key, value)).toBeUndefined());
  it('configured GPUs are matched on the label value', () => expect(gpuModelOfLabel('nvidia.com/gpu.product', 'ACME-X1', { 'acme-x1': 64 })?.memoryGiB).toBe(64));
});
