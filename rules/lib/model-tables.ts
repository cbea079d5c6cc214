/**
 * What genai-lint knows about models and GPUs, as data: parameter counts and
 * attention shapes of well-known model families, bits per weight of
 * quantization formats, and GPU memory by the node labels and instance types
 * that select GPUs. Rules estimate from these tables only; a value that is not
 * here (or in the rule's configuration) is unknown, and the rule stays quiet.
 *
 * Memory sizes are in GiB as the vendors state them (an 80 GB A100 holds
 * 80 GiB); weights are parameters x bits / 8 bytes, shown in GiB too.
 */

/** Attention shape, for the KV cache: bytes per token = 2 x layers x kvHeads x headDim x bytes per value. */
export interface ModelArchitecture {
  layers: number;
  kvHeads: number;
  headDim: number;
}

export interface ModelFamily {
  /** Display name. */
  name: string;
  /** Matched against the last path segment of the model id, lower-cased. */
  pattern: RegExp;
  /** Parameters, in billions (total, all experts of a mixture). */
  params: number;
  arch?: ModelArchitecture;
  /** Bits per weight of the published checkpoint when it is not 16-bit (a natively quantized release). */
  nativeBits?: number;
  nativeFormat?: string;
}

/**
 * Well-known model families. Parameter counts and attention shapes are those
 * of each model's card and `config.json` on the Hugging Face hub
 * (num_hidden_layers, num_key_value_heads, hidden_size / num_attention_heads
 * or head_dim); the fine-tuned variants (-Instruct, -it, -chat) share them.
 */
export const MODEL_FAMILIES: readonly ModelFamily[] = [
  // meta-llama/Llama-3.x model cards and config.json.
  { name: 'Llama-3.2-1B', pattern: /^(meta-)?llama-?3\.2-1b\b/, params: 1.24, arch: { layers: 16, kvHeads: 8, headDim: 64 } },
  { name: 'Llama-3.2-3B', pattern: /^(meta-)?llama-?3\.2-3b\b/, params: 3.21, arch: { layers: 28, kvHeads: 8, headDim: 128 } },
  { name: 'Llama-3/3.1-8B', pattern: /^(meta-)?llama-?3(\.1)?-8b\b/, params: 8.03, arch: { layers: 32, kvHeads: 8, headDim: 128 } },
  { name: 'Llama-3/3.1/3.3-70B', pattern: /^(meta-)?llama-?3(\.[13])?-70b\b/, params: 70.6, arch: { layers: 80, kvHeads: 8, headDim: 128 } },
  { name: 'Llama-3.1-405B', pattern: /^(meta-)?llama-?3\.1-405b\b/, params: 405.9, arch: { layers: 126, kvHeads: 8, headDim: 128 } },
  // meta-llama/Llama-2 model cards and config.json.
  { name: 'Llama-2-7B', pattern: /^llama-2-7b\b/, params: 6.74, arch: { layers: 32, kvHeads: 32, headDim: 128 } },
  { name: 'Llama-2-13B', pattern: /^llama-2-13b\b/, params: 13.0, arch: { layers: 40, kvHeads: 40, headDim: 128 } },
  { name: 'Llama-2-70B', pattern: /^llama-2-70b\b/, params: 69.0, arch: { layers: 80, kvHeads: 8, headDim: 128 } },
  // mistralai model cards and config.json.
  { name: 'Mistral-7B v0.2/v0.3', pattern: /^mistral-7b-(instruct-)?v0\.[23]\b/, params: 7.24, arch: { layers: 32, kvHeads: 8, headDim: 128 } },
  // v0.1 attends within a 4096-token sliding window: no shape, so no per-sequence estimate.
  { name: 'Mistral-7B', pattern: /^mistral-7b\b/, params: 7.24 },
  { name: 'Mixtral-8x7B', pattern: /^mixtral-8x7b\b/, params: 46.7, arch: { layers: 32, kvHeads: 8, headDim: 128 } },
  { name: 'Mixtral-8x22B', pattern: /^mixtral-8x22b\b/, params: 140.6, arch: { layers: 56, kvHeads: 8, headDim: 128 } },
  // Qwen/Qwen2.5 model cards and config.json (Qwen2 shares the 0.5B, 1.5B, 7B and 72B shapes).
  { name: 'Qwen2.5-0.5B', pattern: /^qwen2(\.5)?-0\.5b\b/, params: 0.49, arch: { layers: 24, kvHeads: 2, headDim: 64 } },
  { name: 'Qwen2.5-1.5B', pattern: /^qwen2(\.5)?-1\.5b\b/, params: 1.54, arch: { layers: 28, kvHeads: 2, headDim: 128 } },
  { name: 'Qwen2.5-3B', pattern: /^qwen2\.5-3b\b/, params: 3.09, arch: { layers: 36, kvHeads: 2, headDim: 128 } },
  { name: 'Qwen2.5-7B', pattern: /^qwen2(\.5)?-7b\b/, params: 7.62, arch: { layers: 28, kvHeads: 4, headDim: 128 } },
  { name: 'Qwen2.5-14B', pattern: /^qwen2\.5-14b\b/, params: 14.7, arch: { layers: 48, kvHeads: 8, headDim: 128 } },
  { name: 'Qwen2.5-32B', pattern: /^qwen2\.5-32b\b/, params: 32.5, arch: { layers: 64, kvHeads: 8, headDim: 128 } },
  { name: 'Qwen2.5-72B', pattern: /^qwen2(\.5)?-72b\b/, params: 72.7, arch: { layers: 80, kvHeads: 8, headDim: 128 } },
  // google/gemma-2 model cards. Half of their layers attend within a sliding window, which servers may cache
  // more cheaply: no shape, so no per-sequence estimate.
  { name: 'Gemma-2-2B', pattern: /^gemma-2-2b\b/, params: 2.61 },
  { name: 'Gemma-2-9B', pattern: /^gemma-2-9b\b/, params: 9.24 },
  { name: 'Gemma-2-27B', pattern: /^gemma-2-27b\b/, params: 27.2 },
  // microsoft/Phi-3-mini model card; TinyLlama/TinyLlama-1.1B; facebook/opt-125m (the models of many quick-start examples).
  // Phi-3-mini-4k attends within a sliding window: no shape.
  { name: 'Phi-3-mini', pattern: /^phi-3(\.5)?-mini\b/, params: 3.82 },
  // microsoft/phi-4 model card (14B; 14.7B in config.json); phi-4-mini and phi-4-multimodal are other sizes.
  { name: 'phi-4', pattern: /^phi-4(?!-(mini|multimodal))\b/, params: 14.7 },
  { name: 'TinyLlama-1.1B', pattern: /^tinyllama-1\.1b\b/, params: 1.1, arch: { layers: 22, kvHeads: 4, headDim: 64 } },
  { name: 'OPT-125M', pattern: /^opt-125m$/, params: 0.125, arch: { layers: 12, kvHeads: 12, headDim: 64 } },
  // deepseek-ai/DeepSeek-V3 and -R1 model cards: 671B parameters published in FP8.
  { name: 'DeepSeek-V3/R1', pattern: /^deepseek-(v3|r1)(-\d+)?$/, params: 671, nativeBits: 8, nativeFormat: 'FP8' },
  // openai/gpt-oss model cards: mixture-of-experts weights published in MXFP4 (4.25 bits per weight).
  { name: 'gpt-oss-20b', pattern: /^gpt-oss-20b$/, params: 20.9, nativeBits: 4.25, nativeFormat: 'MXFP4' },
  { name: 'gpt-oss-120b', pattern: /^gpt-oss-120b$/, params: 116.8, nativeBits: 4.25, nativeFormat: 'MXFP4' },
];

/**
 * GGUF quantization types by their leading letters and digit: the bits per
 * weight of ggml's block formats (a Q4_0 block holds 32 4-bit weights and one
 * 16-bit scale: 4.5 bits), the smallest of each family, so the estimate is a
 * lower bound. Source: ggml's block definitions (ggml-common.h) and
 * llama.cpp's quantize tool.
 */
export const GGUF_BITS: Readonly<Record<string, number>> = {
  q2: 2.5625,
  q3: 3.4375,
  q4: 4.5,
  q5: 5.5,
  q6: 6.5625,
  q8: 8.5,
  iq1: 1.5625,
  iq2: 2.0625,
  iq3: 3.0625,
  iq4: 4.25,
  f16: 16,
  bf16: 16,
  f32: 32,
};

/** Markers of weight precision in a model name (tokens split on - _ . :), with bits per weight. */
export const NAME_PRECISION_MARKERS: readonly (readonly [token: RegExp, bits: number])[] = [
  [/^(fp8|f8|w8a8|w8a16|int8|8bit)$/, 8],
  [/^(int4|4bit|w4a16|nf4|mxfp4|nvfp4|fp4)$/, 4],
  [/^(bf16|fp16|f16|float16|bfloat16|half)$/, 16],
  [/^(fp32|f32|float32)$/, 32],
];

/** Quantization methods named without their bits: their usual width, used when no marker above gives the bits (`-GPTQ-Int8` is 8-bit). */
export const NAME_METHOD_MARKERS: readonly (readonly [token: RegExp, bits: number])[] = [
  [/^(awq|gptq)$/, 4],
  [/^eetq$/, 8],
];

/** Name tokens that say the weights are quantized in a way whose size is not known here: the precision stays unknown. */
export const UNKNOWN_PRECISION_MARKERS = /^(exl2|mlx|quantized|gguf|int2|int3|2bit|3bit|w2a16|w3a16|hqq|aqlm|sq|smoothquant|ct2)$/;

/** Bits per weight of the servers' quantization flags (vLLM/SGLang `--quantization`, TGI `--quantize`). */
export const QUANTIZATION_FLAG_BITS: Readonly<Record<string, number>> = {
  awq: 4,
  awq_marlin: 4,
  gptq: 4,
  gptq_marlin: 4,
  marlin: 4,
  'bitsandbytes-nf4': 4,
  'bitsandbytes-fp4': 4,
  fp8: 8,
  fbgemm_fp8: 8,
  eetq: 8,
  mxfp4: 4.25,
};

/** `--dtype` values, bits per weight. `auto` loads 16-bit weights (vLLM casts FP32 checkpoints to FP16). */
export const DTYPE_BITS: Readonly<Record<string, number>> = {
  auto: 16,
  half: 16,
  float16: 16,
  fp16: 16,
  bfloat16: 16,
  bf16: 16,
  float: 32,
  float32: 32,
  fp32: 32,
};

/** A GPU's name and memory, in GiB. */
export interface GpuModel {
  name: string;
  memoryGiB: number;
}

const gpu = (name: string, memoryGiB: number): GpuModel => ({ name, memoryGiB });
const A100_40 = gpu('A100 40GB', 40);
const A100_80 = gpu('A100 80GB', 80);
const H100 = gpu('H100 80GB', 80);
const H100_NVL = gpu('H100 NVL', 94);
const H200 = gpu('H200', 141);
const B200 = gpu('B200', 180);
const L4 = gpu('L4', 24);
const L40S = gpu('L40S', 48);
const A10G = gpu('A10G', 24);
const T4 = gpu('T4', 16);
const V100_16 = gpu('V100 16GB', 16);

/**
 * `cloud.google.com/gke-accelerator` values. Source: GKE documentation,
 * "About GPUs in GKE" (GPU models and their memory).
 */
export const GKE_ACCELERATORS: Readonly<Record<string, GpuModel>> = {
  'nvidia-tesla-t4': T4,
  'nvidia-tesla-p4': gpu('P4', 8),
  'nvidia-tesla-p100': gpu('P100', 16),
  'nvidia-tesla-v100': V100_16,
  'nvidia-l4': L4,
  'nvidia-tesla-a100': A100_40,
  'nvidia-a100-80gb': A100_80,
  'nvidia-h100-80gb': H100,
  'nvidia-h100-mega-80gb': H100,
  'nvidia-h200-141gb': H200,
  'nvidia-b200': B200,
  'nvidia-rtx-pro-6000': gpu('RTX PRO 6000', 96),
};

/**
 * `karpenter.k8s.aws/instance-gpu-name` values with one memory size (`a100`
 * and `v100` come in two sizes and are left out). Source: the EC2 accelerated
 * instance types (g4dn T4, g5 A10G, g6 L4, g6e L40S, p5 H100, p5e H200).
 */
export const KARPENTER_GPU_NAMES: Readonly<Record<string, GpuModel>> = {
  t4: T4,
  t4g: gpu('T4G', 16),
  a10g: A10G,
  l4: L4,
  l40s: L40S,
  h100: H100,
  h200: H200,
  b200: B200,
};

/**
 * KubeAI resource profiles (`resourceProfile: nvidia-gpu-l4:2`), named after
 * the GPU they stand for in KubeAI's chart (its cloud values bind each to the
 * matching node selector). Source: the resourceProfiles of the KubeAI Helm chart.
 */
export const KUBEAI_PROFILES: Readonly<Record<string, GpuModel>> = {
  'nvidia-gpu-t4': T4,
  'nvidia-gpu-l4': L4,
  'nvidia-gpu-l40s': L40S,
  'nvidia-gpu-h100': H100,
  'nvidia-gpu-a100-80gb': A100_80,
  'nvidia-gpu-a100-40gb': A100_40,
  'nvidia-gpu-a16': gpu('A16', 16),
};

/**
 * Instance types by family prefix (`node.kubernetes.io/instance-type`,
 * `karpenter.k8s.aws/instance-family`), for families with a single GPU model;
 * matched lower-cased.
 * Sources: EC2 accelerated computing instances; Google Cloud accelerator-
 * optimized machine series (A2, A3, A4, G2); Azure NC/ND series; OCI bare
 * metal GPU shapes.
 */
export const INSTANCE_FAMILIES: readonly { pattern: RegExp; label: string; model: GpuModel }[] = [
  { pattern: /^g4dn\./, label: 'g4dn.*', model: T4 },
  { pattern: /^g5g\./, label: 'g5g.*', model: gpu('T4G', 16) },
  { pattern: /^g5\./, label: 'g5.*', model: A10G },
  { pattern: /^g6\./, label: 'g6.*', model: L4 },
  { pattern: /^g6e\./, label: 'g6e.*', model: L40S },
  { pattern: /^p3\./, label: 'p3.*', model: V100_16 },
  { pattern: /^p3dn\./, label: 'p3dn.*', model: gpu('V100 32GB', 32) },
  { pattern: /^p4d\./, label: 'p4d.*', model: A100_40 },
  { pattern: /^p4de\./, label: 'p4de.*', model: A100_80 },
  { pattern: /^p5\./, label: 'p5.*', model: H100 },
  { pattern: /^p5en?\./, label: 'p5e.*, p5en.*', model: H200 },
  { pattern: /^a2-(highgpu|megagpu)-/, label: 'a2-highgpu-*, a2-megagpu-*', model: A100_40 },
  { pattern: /^a2-ultragpu-/, label: 'a2-ultragpu-*', model: A100_80 },
  { pattern: /^a3-(highgpu|megagpu|edgegpu)-/, label: 'a3-highgpu-*, a3-megagpu-*, a3-edgegpu-*', model: H100 },
  { pattern: /^a3-ultragpu-/, label: 'a3-ultragpu-*', model: H200 },
  { pattern: /^a4-highgpu-/, label: 'a4-highgpu-*', model: B200 },
  { pattern: /^g2-standard-/, label: 'g2-standard-*', model: L4 },
  { pattern: /^standard_nc\d+ads_a100_v4$/, label: 'Standard_NC<n>ads_A100_v4', model: A100_80 },
  { pattern: /^standard_nd96asr_v4$/, label: 'Standard_ND96asr_v4', model: A100_40 },
  { pattern: /^standard_nd96amsr_a100_v4$/, label: 'Standard_ND96amsr_A100_v4', model: A100_80 },
  { pattern: /^standard_nd96isr_h100_v5$/, label: 'Standard_ND96isr_H100_v5', model: H100 },
  { pattern: /^standard_nc\d+ads_h100_v5$/, label: 'Standard_NC<n>ads_H100_v5', model: H100_NVL },
  { pattern: /^standard_nc\d+as_t4_v3$/, label: 'Standard_NC<n>as_T4_v3', model: T4 },
  { pattern: /^bm\.gpu\.h100\.8$/, label: 'BM.GPU.H100.8', model: H100 },
  { pattern: /^bm\.gpu\.a100-v2\.8$/, label: 'BM.GPU.A100-v2.8', model: A100_80 },
  { pattern: /^bm\.gpu4\.8$/, label: 'BM.GPU4.8', model: A100_40 },
];

/**
 * `nvidia.com/gpu.product` values (the CUDA device name with spaces as
 * dashes, set by NVIDIA GPU Feature Discovery). A size written in the name
 * (`-80GB`) wins; otherwise the family's only size. Source: NVIDIA data
 * sheets.
 */
export const GPU_PRODUCT_FAMILIES: readonly (readonly [pattern: RegExp, model: GpuModel | undefined])[] = [
  [/gh200|gb200/, undefined],
  [/h200/, H200],
  [/h100.*nvl/, H100_NVL],
  [/h100/, H100],
  [/b200/, B200],
  [/l40s?\b/, L40S],
  [/\bl4\b/, L4],
  [/a10g/, A10G],
  [/\ba10\b/, gpu('A10', 24)],
  [/\ba30\b/, gpu('A30', 24)],
  [/\ba40\b/, gpu('A40', 48)],
  [/\bt4\b/, T4],
  [/rtx-a6000/, gpu('RTX A6000', 48)],
  [/rtx-(6000-ada|pro-6000)/, undefined],
  [/rtx-4090|rtx-3090/, gpu('RTX 4090/3090', 24)],
];
