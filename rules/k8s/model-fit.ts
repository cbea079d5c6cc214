import { defineK8sRule } from '../../src/rule-api.js';
import type { K8sContext } from '../../src/rule-api.js';
import { isRecord, valueAtPointer } from '../../src/rule-api.js';
import type { KubeObject } from '../../src/rule-api.js';
import { containersOf, podSpecsOf, WORKLOAD_SCOPE, workloadLabel } from '../lib/workload.js';
import type { ContainerView } from '../lib/workload.js';
import { deviceCount } from '../lib/gpu.js';
import { argTokens, flagValue, hasFlag, MODEL_SERVERS, modelServerKind } from '../lib/model-server.js';
import type { ModelServerKind } from '../lib/model-server.js';
import {
  gpuAllocation,
  GPU_RESIDENT_SERVERS,
  modelFacts,
  numberFlag,
  parallelSizes,
  serverWithVisibleFlags,
  spansPods,
  UNREADABLE,
  weightPrecision,
} from '../lib/model-facts.js';
import type { CustomModel, Fact, FactSource, GpuAllocation } from '../lib/model-facts.js';
import { GGUF_BITS, GKE_ACCELERATORS, INSTANCE_FAMILIES, KARPENTER_GPU_NAMES, KUBEAI_PROFILES, MODEL_FAMILIES, QUANTIZATION_FLAG_BITS } from '../lib/model-tables.js';
import { parseQuantity } from '../lib/quantity.js';

interface Options {
  minKvCacheShare: number;
  hostRuntimeGiB: number;
  models: Record<string, CustomModel>;
  gpus: Record<string, number>;
}

const GIB = 2 ** 30;

/** Flags under which the server places work on GPUs by its own configuration, not by parallel sizes (vLLM-Omni stages). */
const OWN_PLACEMENT_FLAGS = ['--omni', '--stage-configs-path'];

/** 131.5, 43.2, 405 */
function gib(n: number): string {
  return n >= 100 || Number.isInteger(n) ? n.toFixed(0) : n.toFixed(1);
}

/** Share of GPU memory each server may use, by flag, and the default when the flag is absent (1 when the server computes it). */
const MEMORY_FRACTION: Readonly<Record<string, { flags: string[]; env?: string; fallback: number }>> = {
  vllm: { flags: ['--gpu-memory-utilization'], fallback: 0.9 },
  sglang: { flags: ['--mem-fraction-static'], fallback: 1 },
  tgi: { flags: ['--cuda-memory-fraction'], env: 'CUDA_MEMORY_FRACTION', fallback: 1 },
};

/** The flag that caps one sequence's tokens. */
const MAX_LEN: Readonly<Record<string, { flags: string[]; env?: string }>> = {
  vllm: { flags: ['--max-model-len'] },
  sglang: { flags: ['--context-length'] },
  tgi: { flags: ['--max-total-tokens'], env: 'MAX_TOTAL_TOKENS' },
};

const modelTable = MODEL_FAMILIES.map((f) => `| ${f.name} | ${f.params} | ${f.arch ? `${f.arch.layers} / ${f.arch.kvHeads} / ${f.arch.headDim}` : '-'} | ${f.nativeFormat ?? '16-bit'} |`).join('\n');
const gpuTable = [
  ...Object.entries(GKE_ACCELERATORS).map(([k, g]) => `| \`cloud.google.com/gke-accelerator: ${k}\` | ${g.name} | ${g.memoryGiB} |`),
  ...Object.entries(KARPENTER_GPU_NAMES).map(([k, g]) => `| \`karpenter.k8s.aws/instance-gpu-name: ${k}\` | ${g.name} | ${g.memoryGiB} |`),
  ...INSTANCE_FAMILIES.map((f) => `| instance type ${f.label.split(', ').map((l) => `\`${l}\``).join(', ')} | ${f.model.name} | ${f.model.memoryGiB} |`),
].join('\n');

const RATIONALE = [
  'A model server whose weights do not fit in the GPU memory it gets crash-loops at start-up (CUDA out of memory while loading); one whose weights leave almost nothing for the KV cache refuses to start or serves one short request at a time; a tensor-parallel size larger than the GPUs requested cannot start at all, and a smaller one leaves paid GPUs idle. None of this shows until the pod runs on a GPU node. This rule estimates it from the manifest, and every message says it is an estimate and names the numbers used.',
  '',
  '**What it reads** (each from the key that sets it; a finding points at the key at fault): the model (`--model`, `vllm serve <model>`, `--model-id`, `--model-path`, `MODEL_ID` and similar env), the weight precision (`--quantization`/`-q`, TGI `--quantize`/`QUANTIZE`, markers in the model name such as `-AWQ`, `-GPTQ`, `-FP8`, `-Int4`, `-bnb-4bit`, GGUF types such as `Q4_K_M`, a natively quantized release in the table, then `--dtype`, else 16-bit), the parallel sizes (`--tensor-parallel-size`/`--tp`, `--pipeline-parallel-size`/`--pp`, `--data-parallel-size`/`--dp`, TGI `--num-shard`/`NUM_SHARD`), the share of GPU memory the server may use (vLLM `--gpu-memory-utilization`, default 0.90; SGLang `--mem-fraction-static`; TGI `--cuda-memory-fraction`/`CUDA_MEMORY_FRACTION`; when SGLang or TGI leave it unset, the whole GPU is counted), the longest sequence (vLLM `--max-model-len`, SGLang `--context-length`, TGI `--max-total-tokens`), vLLM `--cpu-offload-gb`, `--kv-cache-dtype`, the GPUs of the container (`nvidia.com/gpu`, a MIG slice such as `nvidia.com/mig-3g.40gb` whose memory is in its name, or the `resourceProfile` of a KubeAI Model such as `nvidia-gpu-l4:2`, named after its GPU in the KubeAI chart) and the GPU model its node selection requires (nodeSelector or required node affinity on `nvidia.com/gpu.memory`, `cloud.google.com/gke-gpu-partition-size`, `nvidia.com/gpu.product`, `cloud.google.com/gke-accelerator`, `karpenter.k8s.aws/instance-gpu-name`, `node.kubernetes.io/instance-type`, `karpenter.k8s.aws/instance-family`; when several GPUs are allowed, the largest is assumed).',
  '',
  '**The estimates.** Weights = parameters x bits per weight / 8, a lower bound (embeddings kept in 16-bit, quantization scales and runtime buffers come on top). Usable GPU memory = GPUs holding one copy of the weights (tensor x pipeline parallel, TGI shards) x memory per GPU x the memory share (+ `--cpu-offload-gb` per GPU), an upper bound. The weights are an error when they exceed the usable memory. The KV cache room is usable minus weights; a warning when it is below `minKvCacheShare` of the usable memory, or when one sequence of the configured maximum length needs more (2 x layers x KV heads x head size x 2 bytes per token, 1 byte with an FP8 KV cache; only for models whose shape is in the table). The host memory limit gets a warning when it is below `hostRuntimeGiB` (the Python runtime, CUDA context and tokenizer) plus the `--cpu-offload-gb` pinned host memory of each GPU; the design advice is a limit about 20% above the measured peak. vLLM\'s `--swap-space` is not counted: its V1 engine allocates no CPU swap and later releases drop the flag.',
  '',
  '**Parallel sizes.** vLLM and SGLang use tensor x pipeline x data parallel GPUs (1 by default; with SGLang `--enable-dp-attention` the data-parallel ranks run inside the tensor-parallel group); TGI shards over every visible GPU unless `--num-shard` says otherwise, so TGI is only compared when it is set. A server that spans several pods (Ray: `--distributed-executor-backend ray` or `ray start`; `--nnodes`, `--node-rank`, `--headless`; LeaderWorkerSet `LWS_*` variables; a LeaderWorkerSet of more than one pod, a KServe predictor with a `workerSpec`, a RayCluster with worker groups) is not compared with one pod\'s GPUs. Custom resources are read as the pods they create (docs/workloads.md); a KubeAI Model with `engine: VLLM` is a vLLM server.',
  '',
  '**Silence when unknown.** Judged: vLLM, SGLang and TGI containers that run the server from their own command or args (or the image\'s entrypoint with args), with one GPU resource. Not judged, and said with `--verbose`: a model not in the table whose name has no size, a GPU model the node selection does not name, a quantization format whose size is not known, values written as `$(VAR)`, `--config` files, vLLM-Omni (`--omni`: its stage configs place the stages on GPUs), several servers in one script, shared GPUs (`nvidia.com/gpu.shared`), and servers that offload layers to the CPU when the GPU is full (llama.cpp, Ollama).',
  '',
  '**Model table** (parameters in billions; layers / KV heads / head size from each model\'s `config.json` on the Hugging Face hub; model cards for the parameter counts). Names outside the table are read for a size: `8B`, `70b`, `1.5B`, `125m`; `NxMB` mixtures count M x (1 + 2N) / 3, a lower bound (experts repeat only the feed-forward two thirds of a model).',
  '',
  '| model | parameters (B) | layers / KV heads / head size | published as |',
  '| --- | --- | --- | --- |',
  modelTable,
  '',
  `**Bits per weight.** 16-bit by default; \`--dtype float32\` 32. Quantization flags: ${Object.entries(QUANTIZATION_FLAG_BITS).map(([k, v]) => `\`${k}\` ${v}`).join(', ')}, \`bitsandbytes\` 4 (the smaller of its 4- and 8-bit modes). Name markers: FP8, INT8, W8A8, W8A16, 8bit 8; INT4, W4A16, NF4, 4bit, MXFP4, NVFP4 4; AWQ and GPTQ 4 unless the name gives the bits (\`-GPTQ-Int8\` is 8), EETQ 8; with several markers, the smallest. GGUF types, by ggml's block sizes (the smallest of each family): ${Object.entries(GGUF_BITS).map(([k, v]) => `${k.toUpperCase()} ${v}`).join(', ')}. EXL2, MLX, HQQ, AQLM and other formats are unknown.`,
  '',
  '**GPU memory** (GiB per GPU, as the vendors state it; sources: GKE "About GPUs", EC2 accelerated instance types, Google Cloud accelerator-optimized machines, Azure NC/ND series, OCI GPU shapes, NVIDIA data sheets). `nvidia.com/gpu.product` values are read by family (H100, H200, L4, L40S, A10G, T4...) or by the size in the name (`NVIDIA-A100-SXM4-80GB`); `nvidia.com/gpu.memory` is taken in MiB as written.',
  '',
  '| node selection | GPU | GiB |',
  '| --- | --- | --- |',
  gpuTable,
  '',
  'Private models and GPUs go in the options: `models: {"acme/chat-34b": {params: 34.4, layers: 60, kvHeads: 8, headDim: 128}}` (add `bits` for a quantized release) and `gpus: {"acme-a100-80": 80}` (a node-label value and its GiB per GPU).',
].join('\n');

export default defineK8sRule<Options>({
  meta: {
    id: 'k8s/model-fit',
    severity: 'error',
    summary: 'A model server whose model, by estimate, does not fit the GPUs it requests, leaves no room for the KV cache, or whose parallel sizes do not match its GPUs.',
    rationale: RATIONALE,
    fix: 'Request more or larger GPUs (or a larger MIG slice), serve a quantized variant of the model, lower `--max-model-len`, or set the parallel sizes to the GPUs the container requests; measure the real peak and keep about 20% headroom.',
    scope: WORKLOAD_SCOPE,
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        minKvCacheShare: { type: 'number', minimum: 0, maximum: 1, description: 'Smallest share of the usable GPU memory left for the KV cache before a warning.' },
        hostRuntimeGiB: { type: 'number', minimum: 0, description: 'Host memory a GPU model server needs besides offloaded weights (Python runtime, CUDA context), in GiB.' },
        models: {
          type: 'object',
          description: 'Private or missing models by id: parameters in billions, bits per weight when quantized, attention shape for the KV cache.',
          additionalProperties: {
            type: 'object',
            additionalProperties: false,
            required: ['params'],
            properties: {
              params: { type: 'number', exclusiveMinimum: 0 },
              bits: { type: 'number', exclusiveMinimum: 0, maximum: 32 },
              layers: { type: 'integer', minimum: 1 },
              kvHeads: { type: 'integer', minimum: 1 },
              headDim: { type: 'integer', minimum: 1 },
            },
          },
        },
        gpus: {
          type: 'object',
          description: 'GPU memory in GiB by node-label value (nvidia.com/gpu.product, cloud.google.com/gke-accelerator, instance type...).',
          additionalProperties: { type: 'number', exclusiveMinimum: 0 },
        },
      },
    },
    defaultOptions: { minKvCacheShare: 0.1, hostRuntimeGiB: 2, models: {}, gpus: {} },
  },
  check(ctx) {
    const obj = ctx.object;
    const at = (s: FactSource) => (s.needle ? { range: ctx.locateText(s.path, s.needle) } : { path: s.path, part: 'value' as const });
    const pods = podSpecsOf(obj);
    // Worker pods beside a leader or head (LeaderWorkerSet, KServe multi-node, Ray): one server spans the pods.
    const multiPod = pods.some((p) => p.label !== undefined && /worker/i.test(p.label)) && (obj.kind !== 'LeaderWorkerSet' || lwsSize(obj) > 1);
    for (const pod of pods) {
      for (const c of containersOf(pod)) {
        const server = modelServerKind(c.container) ?? kubeAiEngine(obj);
        if (!server || !GPU_RESIDENT_SERVERS.has(server.id)) continue;
        const gpus = gpuAllocation(c, pod, ctx.settings, ctx.options.gpus);
        if (!gpus) continue;
        const profile = kubeAiProfile(obj);
        if (profile) Object.assign(gpus, profile, { missing: profile.model ? undefined : gpus.missing });
        checkContainer(ctx, c, server, gpus, workloadLabel(obj, pod), multiPod, at);
      }
    }
  },
});

/** LeaderWorkerSet group size (pods per replica). */
function lwsSize(obj: KubeObject): number {
  const size = valueAtPointer(obj.raw, '/spec/leaderWorkerTemplate/size');
  return typeof size === 'number' ? size : 1;
}

/** The server a KubeAI Model's engine runs (KubeAI picks the image itself). */
function kubeAiEngine(obj: KubeObject): ModelServerKind | undefined {
  if (obj.kind !== 'Model' || !obj.apiVersion.startsWith('kubeai.org/')) return undefined;
  const engine = valueAtPointer(obj.raw, '/spec/engine');
  return engine === 'VLLM' ? MODEL_SERVERS.find((s) => s.id === 'vllm') : undefined;
}

/** A KubeAI Model's GPUs are written as its resource profile (`nvidia-gpu-l4:2`), which names the GPU. */
function kubeAiProfile(obj: KubeObject): Pick<GpuAllocation, 'path' | 'model' | 'modelSource'> | undefined {
  if (obj.kind !== 'Model' || !obj.apiVersion.startsWith('kubeai.org/')) return undefined;
  const profile = valueAtPointer(obj.raw, '/spec/resourceProfile');
  if (typeof profile !== 'string') return undefined;
  const name = profile.split(':')[0];
  const model = KUBEAI_PROFILES[name];
  return { path: '/spec/resourceProfile', model, modelSource: model ? { value: name, written: `resourceProfile: ${profile}`, path: '/spec/resourceProfile' } : undefined };
}

function checkContainer(
  ctx: K8sContext<Options>,
  c: ContainerView,
  server: ModelServerKind,
  gpus: GpuAllocation,
  workload: string,
  multiPod: boolean,
  at: (s: FactSource) => { range: ReturnType<K8sContext<Options>['locate']> } | { path: string; part: 'value' },
): void {
  const where = `${c.label} in ${workload}`;
  const skip = (why: string) => ctx.notice(`${where} not estimated: ${why}`, ctx.locate(c.path, 'key'));
  if (!serverWithVisibleFlags(c, server)) {
    skip(`its ${server.name} flags are not in its command or args`);
    return;
  }
  const tokens = argTokens(c.container);
  if (hasFlag(tokens, ['--config'])) {
    skip('its flags come from a --config file');
    return;
  }
  checkHostMemory(ctx, c, server.id, tokens, gpus.count, where);
  const sizes = parallelSizes(c, tokens);
  if (!sizes) {
    skip('a parallel size is not a literal number');
    return;
  }
  if (hasFlag(tokens, OWN_PLACEMENT_FLAGS) || (typeof c.container.image === 'string' && /omni/i.test(c.container.image))) {
    skip('the server places its stages on GPUs itself (vLLM-Omni stage configs)');
    return;
  }
  if (multiPod || spansPods(c, tokens)) {
    skip('the server spans several pods (Ray, multi-node flags or LeaderWorkerSet)');
    return;
  }
  // A server whose model is not written (args kept elsewhere: a patch, a chart, an abbreviated example) shows only part of its command line.
  const model = modelFacts(c, ctx.options.models);
  if (!model) {
    skip('no model reference in its flags or env');
    return;
  }
  const gpuWord = `${deviceCount(gpus.count, 'gpu')} (\`${gpus.resource}: ${gpus.count}\`)`;
  let perCopy: number;
  let total: number;
  let explicit: Fact<number>[];
  if (server.id === 'tgi') {
    perCopy = sizes.shards?.value ?? gpus.count;
    total = perCopy;
    explicit = sizes.shards ? [sizes.shards] : [];
  } else {
    perCopy = (sizes.tp?.value ?? 1) * (sizes.pp?.value ?? 1);
    // SGLang's DP attention runs its data-parallel ranks inside the tensor-parallel group.
    const dpInsideTp = server.id === 'sglang' && hasFlag(tokens, ['--enable-dp-attention']);
    total = perCopy * (dpInsideTp ? 1 : (sizes.dp?.value ?? 1));
    explicit = [sizes.tp, sizes.pp, dpInsideTp ? undefined : sizes.dp].filter((f): f is Fact<number> => f !== undefined);
  }
  const described = explicit.length ? explicit.map((f) => `\`${f.written}\``).join(' x ') : 'no parallel flag (1 GPU)';
  if (total > gpus.count && explicit.length) {
    ctx.report({
      message: `${where} asks for ${total} GPUs by ${described} but requests ${gpuWord}: the server cannot start`,
      ...at(explicit[0]),
      fix: `Request ${total} GPUs, or set the parallel sizes so that their product is ${gpus.count}.`,
    });
    return;
  }
  if (total < gpus.count && (server.id !== 'tgi' || sizes.shards)) {
    ctx.report({
      message: `${where} requests ${gpuWord} but ${server.name} uses ${total} by ${described}: ${gpus.count - total} GPU${gpus.count - total === 1 ? ' is' : 's are'} allocated and never used`,
      path: gpus.path,
      part: 'value',
      severity: 'warning',
      fix: server.id === 'tgi' ? `Set \`--num-shard ${gpus.count}\`, or request ${total} GPUs.` : `Set \`--tensor-parallel-size ${gpus.count}\` (or pipeline/data parallel sizes whose product is ${gpus.count}), or request ${total} GPUs.`,
    });
  }
  if (!model.size) {
    skip(`the size of \`${model.value}\` is unknown (not in the model table, no size in its name; see the \`models\` option)`);
    return;
  }
  if (!gpus.model) {
    skip(`${gpus.missing ?? 'the GPU model is unknown'} (see the \`gpus\` option)`);
    return;
  }
  const precision = weightPrecision(server, c, tokens, model.value, model.size);
  if (precision === UNREADABLE) {
    skip(`the weight precision of \`${model.value}\` is not known`);
    return;
  }
  const fraction = MEMORY_FRACTION[server.id];
  const fractionFact = numberFlag(c, tokens, fraction.flags, fraction.env);
  if (fractionFact === UNREADABLE || (fractionFact && !(fractionFact.value > 0 && fractionFact.value <= 1))) {
    skip('its GPU memory share is not a number between 0 and 1');
    return;
  }
  const offload = server.id === 'vllm' ? numberFlag(c, tokens, ['--cpu-offload-gb']) : undefined;
  if (offload === UNREADABLE) {
    skip('--cpu-offload-gb is not a literal number');
    return;
  }
  const share = fractionFact?.value ?? fraction.fallback;
  const weights = (model.size.params * 1e9 * precision.bits) / 8 / GIB;
  const offloadGiB = (offload?.value ?? 0) * perCopy;
  const usable = perCopy * gpus.model.memoryGiB * share + offloadGiB;
  const sizeNote = model.size.from === 'name' ? ', read from its name' : model.size.from === 'config' ? ', configured' : '';
  const weightText = `\`${model.value}\` (${model.size.params}B parameters${sizeNote}) at ${precision.bits} bits per weight (${precision.label}) ≈ ${gib(weights)} GiB of weights`;
  const gpuText = `${perCopy} x ${gpus.model.name} ${gib(gpus.model.memoryGiB)} GiB${share !== 1 ? ` x ${share.toFixed(2)}` : ''}${offloadGiB ? ` + ${gib(offloadGiB)} GiB CPU offload` : ''} = ${gib(usable)} GiB usable${gpus.modelSource && gpus.modelSource.path !== gpus.path ? ` (GPU from \`${gpus.modelSource.written}\`)` : ''}`;
  if (weights > usable) {
    ctx.report({
      message: `estimate: ${weightText}; ${gpuText}: the weights of ${where} do not fit and the server cannot load them`,
      path: gpus.path,
      part: 'value',
      fix: `Request GPUs with at least ${gib(weights / perCopy / share)} GiB each or ${Math.ceil(weights / (gpus.model.memoryGiB * share))} of them (with a matching tensor-parallel size), or serve a quantized variant.`,
    });
    return;
  }
  const room = usable - weights;
  if (room < ctx.options.minKvCacheShare * usable) {
    ctx.report({
      message: `estimate: ${weightText}; ${gpuText}: ${where} leaves ${gib(room)} GiB (${Math.round((room / usable) * 100)}%) for the KV cache, below ${Math.round(ctx.options.minKvCacheShare * 100)}%: it may refuse to start or serve few requests at a time`,
      ...(fractionFact ? at(fractionFact) : { path: gpus.path, part: 'value' as const }),
      severity: 'warning',
      fix: 'Request more or larger GPUs, serve a quantized variant, or raise the memory share if nothing else runs on the GPU.',
    });
    return;
  }
  const arch = model.size.arch;
  const maxLenSpec = MAX_LEN[server.id];
  const maxLen = numberFlag(c, tokens, maxLenSpec.flags, maxLenSpec.env);
  if (!arch || !maxLen || maxLen === UNREADABLE) return;
  const kvDtype = flagValue(tokens, ['--kv-cache-dtype']);
  const kvBytes = kvDtype?.toLowerCase().startsWith('fp8') ? 1 : precision.bits >= 32 ? 4 : 2;
  const perToken = 2 * arch.layers * arch.kvHeads * arch.headDim * kvBytes;
  const sequence = (maxLen.value * perToken) / GIB;
  if (sequence <= room) return;
  ctx.report({
    message: `estimate: one sequence of \`${maxLen.written}\` tokens needs ${gib(sequence)} GiB of KV cache (${arch.layers} layers x ${arch.kvHeads} KV heads x ${arch.headDim} x 2 x ${kvBytes} bytes = ${Math.round(perToken / 1024)} KiB per token), more than the ${gib(room)} GiB left after ${gib(weights)} GiB of weights on ${gpuText}: ${where} cannot serve a full-length request`,
    ...at(maxLen),
    severity: 'warning',
    fix: `Lower the maximum length to about ${Math.floor((room * GIB) / perToken / 1024) * 1024} tokens, use an FP8 KV cache, or add GPUs.`,
  });
}

/** Host memory: the container's memory limit against the runtime floor plus vLLM's pinned CPU offload. */
function checkHostMemory(
  ctx: K8sContext<Options>,
  c: ContainerView,
  serverId: string,
  tokens: readonly string[],
  gpuCount: number,
  where: string,
): void {
  const res = isRecord(c.container.resources) ? c.container.resources : {};
  const limits = isRecord(res.limits) ? res.limits : {};
  const limit = parseQuantity(limits.memory);
  if (limit === undefined) return;
  const offload = serverId === 'vllm' ? numberFlag(c, tokens, ['--cpu-offload-gb']) : undefined;
  if (offload === UNREADABLE) return;
  const offloadGiB = (offload?.value ?? 0) * gpuCount;
  const need = ctx.options.hostRuntimeGiB + offloadGiB;
  if (limit / GIB >= need) return;
  ctx.report({
    message: `estimate: ${where} needs at least ${gib(need)} GiB of host memory (${gib(ctx.options.hostRuntimeGiB)} GiB for the runtime${offloadGiB ? ` + \`${offload!.written}\` x ${gpuCount} GPUs of pinned offload` : ''}) but its memory limit is ${String(limits.memory)}: it is OOM-killed while loading`,
    path: `${c.path}/resources/limits/memory`,
    part: 'value',
    severity: 'warning',
    fix: `Set the memory limit about 20% above the measured peak, at least ${Math.ceil(need * 1.2)}Gi.`,
  });
}
