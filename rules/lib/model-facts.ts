/**
 * What a model-server container's manifest says about the model it serves
 * and the GPUs it gets, each fact with the key it was read from (so a
 * finding can point at it). Nothing here guesses: a value that cannot be read
 * (a `$(VAR)`, an unknown model) is unknown, and callers stay quiet.
 */
import type { Container, PodSpec } from 'kubernetes-types/core/v1.js';
import type { RunSettings } from '../../src/rule-api.js';
import { isRecord, pointerSegment } from '../../src/rule-api.js';
import { gpuResourcesOf } from './gpu.js';
import { argTokens, commandsOf, containerArgv, envValues, flagValue, hasFlag, modelReference, MODEL_SERVERS } from './model-server.js';
import type { ModelServerKind } from './model-server.js';
import {
  DTYPE_BITS,
  GGUF_BITS,
  GKE_ACCELERATORS,
  GPU_PRODUCT_FAMILIES,
  INSTANCE_FAMILIES,
  KARPENTER_GPU_NAMES,
  MODEL_FAMILIES,
  NAME_METHOD_MARKERS,
  NAME_PRECISION_MARKERS,
  QUANTIZATION_FLAG_BITS,
  UNKNOWN_PRECISION_MARKERS,
} from './model-tables.js';
import type { GpuModel, ModelArchitecture } from './model-tables.js';
import type { ContainerView, PodView } from './workload.js';

/** Where a fact was written: a pointer inside the object, and the words to find inside a longer string there. */
export interface FactSource {
  path: string;
  /** Set when the value at `path` is a longer string (an `sh -c` script) holding the fact. */
  needle?: string;
}

export interface Fact<T> extends FactSource {
  value: T;
  /** How it was written, for messages: `--tensor-parallel-size 4`, `NUM_SHARD=2`. */
  written: string;
}

/** A flag or env value that is present but not a readable number (`$(TP)`, `${SIZE}`). */
export const UNREADABLE = Symbol('unreadable');

/** Where the first of `names` is written among a container's command and args items. */
export function flagSource(c: ContainerView, names: readonly string[]): FactSource | undefined {
  for (const field of ['command', 'args'] as const) {
    const list = c.container[field];
    if (!Array.isArray(list)) continue;
    for (let i = 0; i < list.length; i++) {
      const item = list[i];
      if (typeof item !== 'string') continue;
      const words = item.trim().split(/\s+/);
      const word = words.find((w) => names.some((n) => w === n || w.startsWith(n + '=')));
      if (word) return { path: `${c.path}/${field}/${i}`, needle: words.length > 1 ? word : undefined };
    }
  }
  return undefined;
}

/** Where a word (a model id) is written among a container's command and args items. */
function wordSource(c: ContainerView, value: string): FactSource | undefined {
  for (const field of ['command', 'args'] as const) {
    const list = c.container[field];
    if (!Array.isArray(list)) continue;
    for (let i = 0; i < list.length; i++) {
      const item = list[i];
      if (typeof item !== 'string' || !item.includes(value)) continue;
      return { path: `${c.path}/${field}/${i}`, needle: item.trim() === value ? undefined : value };
    }
  }
  return undefined;
}

function envSource(c: ContainerView, name: string): FactSource | undefined {
  const env = Array.isArray(c.container.env) ? c.container.env : [];
  const i = env.findIndex((e) => isRecord(e) && e.name === name);
  return i >= 0 ? { path: `${c.path}/env/${i}/value` } : undefined;
}

/** A numeric flag: undefined when absent, UNREADABLE when present but not a number. */
export function numberFlag(c: ContainerView, tokens: readonly string[], names: readonly string[], env?: string): Fact<number> | typeof UNREADABLE | undefined {
  const raw = flagValue(tokens, names);
  if (raw !== undefined) {
    const n = Number(raw);
    const source = flagSource(c, names);
    if (!Number.isFinite(n) || !source) return UNREADABLE;
    const flag = names.find((f) => tokens.some((t) => t === f || t.startsWith(f + '=')))!;
    return { value: n, written: `${flag} ${raw}`, ...source };
  }
  if (hasFlag(tokens, names)) return UNREADABLE;
  if (env) {
    const v = envValues(c.container).get(env);
    if (v !== undefined) {
      const n = Number(v);
      const source = envSource(c, env);
      return Number.isFinite(n) && source ? { value: n, written: `${env}=${v}`, ...source } : UNREADABLE;
    }
  }
  return undefined;
}

const TP_FLAGS = ['--tensor-parallel-size', '-tp', '--tp', '--tp-size', '--tensor-parallel'];
const PP_FLAGS = ['--pipeline-parallel-size', '-pp', '--pp', '--pp-size'];
const DP_FLAGS = ['--data-parallel-size', '-dp', '--dp', '--dp-size'];
const SHARD_FLAGS = ['--num-shard', '--num_shard'];

/** Tensor x pipeline parallel degree from a server's flags (vLLM, SGLang, TGI, LMDeploy), for checks that only need "more than one". */
export function parallelDegree(tokens: readonly string[], env: ReadonlyMap<string, string>): { degree: number; source: string } {
  const read = (flags: string[]) => {
    const v = flagValue(tokens, flags);
    const n = v !== undefined ? Number(v) : NaN;
    return Number.isInteger(n) && n > 0 ? { n, flag: flags.find((f) => tokens.some((t) => t === f || t.startsWith(f + '=')))! } : undefined;
  };
  const tp = read(TP_FLAGS);
  const pp = read(PP_FLAGS);
  const shard = read(SHARD_FLAGS) ?? (Number(env.get('NUM_SHARD')) > 1 ? { n: Number(env.get('NUM_SHARD')), flag: 'NUM_SHARD' } : undefined);
  const degree = Math.max((tp?.n ?? 1) * (pp?.n ?? 1), shard?.n ?? 1);
  const source = [tp && `${tp.flag} ${tp.n}`, pp && `${pp.flag} ${pp.n}`, shard && `${shard.flag} ${shard.n}`].filter(Boolean).join(', ');
  return { degree, source };
}

/** Flags and words that spread one server over several pods (Ray, LeaderWorkerSet, multi-node launchers). */
const MULTI_NODE_FLAGS = ['--nnodes', '--node-rank', '--dist-init-addr', '--headless', '--data-parallel-address', '--data-parallel-size-local', '--master-addr', '--leader-address'];

/** Whether the container's server may span several pods: its GPUs are then not all in this container. */
export function spansPods(c: ContainerView, tokens: readonly string[]): boolean {
  if (hasFlag(tokens, MULTI_NODE_FLAGS) || flagValue(tokens, ['--distributed-executor-backend']) === 'ray') return true;
  if (commandsOf(containerArgv(c.container)).some((cmd) => cmd.program === 'ray')) return true;
  const env = envValues(c.container);
  if ([...env.keys()].some((k) => k.startsWith('LWS_') || k === 'RAY_ADDRESS')) return true;
  return tokens.some((t) => /\bLWS_[A-Z_]+/.test(t));
}

export interface ParallelSizes {
  tp?: Fact<number>;
  pp?: Fact<number>;
  dp?: Fact<number>;
  /** TGI's --num-shard / NUM_SHARD. */
  shards?: Fact<number>;
}

/** The parallel sizes a server's flags set; undefined when one of them is written but unreadable. */
export function parallelSizes(c: ContainerView, tokens: readonly string[]): ParallelSizes | undefined {
  const tp = numberFlag(c, tokens, TP_FLAGS);
  const pp = numberFlag(c, tokens, PP_FLAGS);
  const dp = numberFlag(c, tokens, DP_FLAGS);
  const shards = numberFlag(c, tokens, SHARD_FLAGS, 'NUM_SHARD');
  if ([tp, pp, dp, shards].includes(UNREADABLE)) return undefined;
  return { tp: tp as Fact<number> | undefined, pp: pp as Fact<number> | undefined, dp: dp as Fact<number> | undefined, shards: shards as Fact<number> | undefined };
}

// --- models -------------------------------------------------------------------------------

/** A model configured in the rule's options: parameters in billions, bits when not 16, attention shape. */
export interface CustomModel {
  params: number;
  bits?: number;
  layers?: number;
  kvHeads?: number;
  headDim?: number;
}

export interface ModelSize {
  /** The name shown in messages. */
  name: string;
  /** Parameters, in billions. */
  params: number;
  /** Where the count comes from: the table, the configuration, or the size written in the name (a lower bound). */
  from: 'table' | 'config' | 'name';
  arch?: ModelArchitecture;
  nativeBits?: number;
  nativeFormat?: string;
}

/** The last path segment of a model reference, without a URI scheme, revision or `.gguf`, lower-cased. */
export function modelBaseName(id: string): string {
  const noScheme = id.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const last = noScheme.replace(/\/+$/, '').split('/').pop() ?? noScheme;
  return last.replace(/\.gguf$/i, '').toLowerCase();
}

/**
 * Parameters written in a model name: `8B`, `70b`, `1.5B`, `125m`, and
 * `8x7B` for mixtures outside the table, counted as M x (1 + 2N) / 3: the
 * experts of a mixture repeat only the feed-forward two thirds of an
 * M-parameter model, so this is a lower bound (Mixtral-8x7B: 41B of 46.7B).
 * `A3B`-style active-parameter counts are skipped; two different sizes leave
 * the count unknown.
 */
export function paramsFromName(base: string): number | undefined {
  // `stablelm-2-1_6b`: an underscore for the decimal point; the size is not read rather than misread.
  if (/\d_\d+(\.\d+)?[bm](?![a-z0-9])/.test(base)) return undefined;
  const sizes = new Set<number>();
  for (const token of base.split(/[-_:/]/)) {
    const moe = /^(\d+)x(\d+(?:\.\d+)?)b$/.exec(token);
    if (moe) {
      const n = Number(moe[1]);
      const m = Number(moe[2]);
      sizes.add(Math.round(((m * (1 + 2 * n)) / 3) * 100) / 100);
      continue;
    }
    const dense = /^(\d+(?:\.\d+)?)([bm])$/.exec(token);
    if (dense) sizes.add(Number(dense[1]) / (dense[2] === 'm' ? 1000 : 1));
  }
  return sizes.size === 1 ? [...sizes][0] : undefined;
}

/** What the tables (and the rule's configured models) say about a model id. */
export function modelSize(id: string, custom: Readonly<Record<string, CustomModel>> = {}): ModelSize | undefined {
  const base = modelBaseName(id);
  const configured = Object.entries(custom).find(([k]) => k.toLowerCase() === id.toLowerCase() || modelBaseName(k) === base);
  if (configured) {
    const [name, m] = configured;
    const arch = m.layers && m.kvHeads && m.headDim ? { layers: m.layers, kvHeads: m.kvHeads, headDim: m.headDim } : undefined;
    return { name, params: m.params, from: 'config', arch, nativeBits: m.bits, nativeFormat: m.bits ? `${m.bits}-bit` : undefined };
  }
  const family = MODEL_FAMILIES.find((f) => f.pattern.test(base));
  if (family) return { name: family.name, params: family.params, from: 'table', arch: family.arch, nativeBits: family.nativeBits, nativeFormat: family.nativeFormat };
  const params = paramsFromName(base);
  return params !== undefined ? { name: id.split('/').pop() ?? id, params, from: 'name' } : undefined;
}

export interface Precision {
  bits: number;
  /** Where the precision comes from: `the default dtype`, `--quantization awq`, `GGUF Q4_K_M`, `AWQ in the name`. */
  label: string;
}

/** Precision written in a model name: quantization markers and GGUF types; UNREADABLE for quantized formats of unknown size. */
export function precisionFromName(base: string): Precision | typeof UNREADABLE | undefined {
  const found: Precision[] = [];
  const methods: Precision[] = [];
  let unknown = false;
  for (const token of base.split(/[-.:/]/)) {
    const gguf = /^(iq[1-4]|q[2-8])(_[a-z0-9]+)*$/.exec(token);
    if (gguf && GGUF_BITS[gguf[1]] !== undefined) {
      found.push({ bits: GGUF_BITS[gguf[1]], label: `GGUF ${token.toUpperCase()}` });
      continue;
    }
    for (const part of [token, ...token.split('_')]) {
      const marker = NAME_PRECISION_MARKERS.find(([re]) => re.test(part));
      const method = NAME_METHOD_MARKERS.find(([re]) => re.test(part));
      if (marker) found.push({ bits: marker[1], label: `${part.toUpperCase()} in the name` });
      else if (method) methods.push({ bits: method[1], label: `${part.toUpperCase()} in the name` });
      else if (UNKNOWN_PRECISION_MARKERS.test(part)) unknown = true;
    }
  }
  // `bnb-4bit` splits into `bnb` and `4bit`: the marker list knows `4bit`. Several markers: the smallest (a lower bound).
  if (!found.length) found.push(...methods);
  if (found.length) return found.reduce((a, b) => (b.bits < a.bits ? b : a));
  return unknown ? UNREADABLE : undefined;
}

const QUANT_FLAGS: Readonly<Record<string, readonly string[]>> = {
  vllm: ['--quantization', '-q'],
  sglang: ['--quantization'],
  tgi: ['--quantize'],
};

/**
 * The weight precision a server loads: its quantization flag, else a marker
 * in the model name, else the release's native precision from the table, else
 * `--dtype`, else 16-bit (`auto`). UNREADABLE when a flag or name says
 * something whose size is not known here.
 */
export function weightPrecision(server: ModelServerKind, c: ContainerView, tokens: readonly string[], modelId: string, size: ModelSize): Precision | typeof UNREADABLE {
  const env = envValues(c.container);
  const quantFlags = QUANT_FLAGS[server.id] ?? [];
  const quant = flagValue(tokens, quantFlags) ?? (server.id === 'tgi' ? env.get('QUANTIZE') : undefined);
  if (quant !== undefined) {
    const q = quant.toLowerCase();
    const bits = q === 'bitsandbytes' ? 4 : QUANTIZATION_FLAG_BITS[q];
    if (bits === undefined) return UNREADABLE;
    return { bits, label: flagValue(tokens, quantFlags) !== undefined ? `${quantFlags.find((f) => hasFlag(tokens, [f]))} ${quant}` : `QUANTIZE=${quant}` };
  }
  const byName = precisionFromName(modelBaseName(modelId));
  if (byName !== undefined) return byName;
  // vLLM loads bitsandbytes and GGUF checkpoints by --load-format too.
  const loadFormat = flagValue(tokens, ['--load-format'])?.toLowerCase();
  if (loadFormat === 'bitsandbytes') return { bits: 4, label: '--load-format bitsandbytes' };
  if (loadFormat === 'gguf') return UNREADABLE;
  if (size.nativeBits !== undefined) return { bits: size.nativeBits, label: `published in ${size.nativeFormat}` };
  const dtype = flagValue(tokens, ['--dtype']) ?? (server.id === 'tgi' ? env.get('DTYPE') : undefined);
  if (dtype !== undefined) {
    const bits = DTYPE_BITS[dtype.toLowerCase()];
    return bits === undefined ? UNREADABLE : { bits, label: `--dtype ${dtype}` };
  }
  return { bits: 16, label: 'the default dtype' };
}

export interface ModelFacts extends Fact<string> {
  size?: ModelSize;
}

/** The model a server container loads, with where it is written and its size if known. */
export function modelFacts(c: ContainerView, custom?: Readonly<Record<string, CustomModel>>): ModelFacts | undefined {
  const ref = modelReference(c.container);
  if (!ref) return undefined;
  const env = Array.isArray(c.container.env) ? c.container.env : [];
  const envIndex = env.findIndex((e) => isRecord(e) && typeof e.value === 'string' && e.value.replace(/^["']|["']$/g, '') === ref.value);
  const source = wordSource(c, ref.value) ?? (envIndex >= 0 ? { path: `${c.path}/env/${envIndex}/value` } : undefined);
  if (!source) return undefined;
  return { value: ref.value, written: ref.value, ...source, size: modelSize(ref.value, custom) };
}

// --- GPUs ---------------------------------------------------------------------------------

export interface GpuAllocation {
  /** GPUs the container gets. */
  count: number;
  resource: string;
  /** Pointer of the resource quantity (limits, else requests). */
  path: string;
  /** The GPU model and where it was selected, when known. */
  model?: GpuModel;
  modelSource?: Fact<string>;
  /** What kept the GPU model unknown, for --verbose. */
  missing?: string;
}

/** Node labels that name the GPU model, in the order they are trusted. */
const GPU_LABELS = [
  'nvidia.com/gpu.memory',
  'cloud.google.com/gke-gpu-partition-size',
  'nvidia.com/gpu.product',
  'cloud.google.com/gke-accelerator',
  'karpenter.k8s.aws/instance-gpu-name',
  'node.kubernetes.io/instance-type',
  'beta.kubernetes.io/instance-type',
  'karpenter.k8s.aws/instance-family',
];

const MIG_PROFILE = /(?:^|[-/])mig-(\d+)g\.(\d+)gb$/i;

/** The GPU model one node-label value names, if the tables (or the configured GPUs) know it. */
export function gpuModelOfLabel(key: string, value: string, custom: Readonly<Record<string, number>> = {}): GpuModel | undefined {
  const configured = Object.entries(custom).find(([k]) => k.toLowerCase() === value.toLowerCase());
  if (configured) return { name: configured[0], memoryGiB: configured[1] };
  const v = value.toLowerCase();
  switch (key) {
    case 'nvidia.com/gpu.memory': {
      const mib = Number(value);
      return Number.isFinite(mib) && mib > 0 ? { name: `${value} MiB GPU`, memoryGiB: mib / 1024 } : undefined;
    }
    case 'cloud.google.com/gke-gpu-partition-size': {
      const m = /^(\d+)g\.(\d+)gb$/.exec(v);
      return m ? { name: `MIG ${v}`, memoryGiB: Number(m[2]) } : undefined;
    }
    case 'nvidia.com/gpu.product': {
      const mig = MIG_PROFILE.exec(v);
      if (mig) return { name: `MIG ${mig[1]}g.${mig[2]}gb`, memoryGiB: Number(mig[2]) };
      const family = GPU_PRODUCT_FAMILIES.find(([re]) => re.test(v));
      const written = /(?:^|-)(\d+)gb(?:-|$)/.exec(v);
      if (written && (family ? family[1] !== undefined : /a100|h100|v100|a800|h800/.test(v))) return { name: value, memoryGiB: Number(written[1]) };
      return family?.[1];
    }
    case 'cloud.google.com/gke-accelerator':
      return GKE_ACCELERATORS[v];
    case 'karpenter.k8s.aws/instance-gpu-name':
      return KARPENTER_GPU_NAMES[v];
    case 'karpenter.k8s.aws/instance-family':
      return INSTANCE_FAMILIES.find((f) => f.pattern.test(`${v}.`))?.model;
    default:
      return INSTANCE_FAMILIES.find((f) => f.pattern.test(v))?.model;
  }
}

/**
 * The node-label values a pod requires for `key`: its nodeSelector value, or
 * the `In` values of a required node-affinity expression present in every
 * term (terms are alternatives). Undefined when the key does not constrain.
 */
function requiredLabelValues(pod: PodView, key: string): { values: string[]; path: string } | undefined {
  const spec: PodSpec = pod.spec;
  if (isRecord(spec.nodeSelector) && typeof spec.nodeSelector[key] === 'string') {
    return { values: [spec.nodeSelector[key] as string], path: `${pod.path}/nodeSelector/${pointerSegment(key)}` };
  }
  const affinity = isRecord(spec.affinity) && isRecord(spec.affinity.nodeAffinity) ? spec.affinity.nodeAffinity : undefined;
  const required = affinity && isRecord(affinity.requiredDuringSchedulingIgnoredDuringExecution) ? affinity.requiredDuringSchedulingIgnoredDuringExecution : undefined;
  const terms = required && Array.isArray(required.nodeSelectorTerms) ? required.nodeSelectorTerms : [];
  if (!terms.length) return undefined;
  const values: string[] = [];
  let path: string | undefined;
  for (let t = 0; t < terms.length; t++) {
    const term = terms[t];
    const exprs = isRecord(term) && Array.isArray(term.matchExpressions) ? term.matchExpressions : [];
    const i = exprs.findIndex((e) => isRecord(e) && e.key === key && e.operator === 'In' && Array.isArray(e.values));
    if (i < 0) return undefined;
    const vals = (exprs[i] as { values: unknown[] }).values;
    if (!vals.every((v) => typeof v === 'string')) return undefined;
    values.push(...(vals as string[]));
    path ??= `${pod.path}/affinity/nodeAffinity/requiredDuringSchedulingIgnoredDuringExecution/nodeSelectorTerms/${t}/matchExpressions/${i}/values`;
  }
  return values.length && path ? { values, path } : undefined;
}

/**
 * The GPU model a pod's node selection pins: for each GPU label it requires,
 * the largest GPU among the values it allows (the pod may land on any); the
 * first label that names only known GPUs wins.
 */
export function selectedGpuModel(pod: PodView, custom?: Readonly<Record<string, number>>): { model: GpuModel; source: Fact<string> } | { missing: string } {
  const unknown: string[] = [];
  for (const key of GPU_LABELS) {
    const req = requiredLabelValues(pod, key);
    if (!req) continue;
    const models = req.values.map((v) => gpuModelOfLabel(key, v, custom));
    if (models.some((m) => m === undefined)) {
      unknown.push(`${key}: ${req.values.join(', ')}`);
      continue;
    }
    const model = (models as GpuModel[]).reduce((a, b) => (b.memoryGiB > a.memoryGiB ? b : a));
    return { model, source: { value: req.values.join(', '), written: `${key}: ${req.values.join(', ')}`, path: req.path } };
  }
  return { missing: unknown.length ? `no memory size known for ${unknown.join('; ')}` : 'no GPU model in the node selection' };
}

/**
 * The GPUs a container gets and, when the node selection or a MIG resource
 * says which, their model. Undefined when it asks for no GPU, for several GPU
 * resources at once, for shared GPUs, or for a count that is not a whole number.
 */
export function gpuAllocation(c: ContainerView, pod: PodView, settings: RunSettings, custom?: Readonly<Record<string, number>>): GpuAllocation | undefined {
  const uses = gpuResourcesOf(c.container as Container, settings).filter((u) => u.kind === 'gpu');
  if (uses.length !== 1) return undefined;
  const use = uses[0];
  const count = Number(use.limit ?? use.request);
  if (!Number.isInteger(count) || count <= 0) return undefined;
  const field = use.limit !== undefined ? 'limits' : 'requests';
  const path = `${c.path}/resources/${field}/${pointerSegment(use.resource)}`;
  const base = { count, resource: use.resource, path };
  const mig = /^nvidia\.com\/mig-(\d+)g\.(\d+)gb$/.exec(use.resource);
  if (mig) return { ...base, model: { name: `MIG ${mig[1]}g.${mig[2]}gb`, memoryGiB: Number(mig[2]) }, modelSource: { value: use.resource, written: use.resource, path } };
  if (use.resource !== 'nvidia.com/gpu') return { ...base, missing: `no memory size known for ${use.resource}` };
  const selected = selectedGpuModel(pod, custom);
  return 'model' in selected ? { ...base, model: selected.model, modelSource: selected.source } : { ...base, missing: selected.missing };
}

/** Servers whose weights must sit in GPU memory whole (llama.cpp and Ollama spill layers to the CPU instead). */
export const GPU_RESIDENT_SERVERS = new Set(['vllm', 'sglang', 'tgi']);

/** The known model server whose flags a container's own argv shows: it starts the server, or it has no command and the image's entrypoint gets the args. */
export function serverWithVisibleFlags(c: ContainerView, server: ModelServerKind | undefined): boolean {
  if (!server) return false;
  const cmds = commandsOf(containerArgv(c.container));
  const ownCommand = Array.isArray(c.container.command) && c.container.command.length > 0;
  const starting = cmds.filter((cmd) => MODEL_SERVERS.some((s) => s.command?.(cmd)));
  if (starting.length > 1) return false;
  if (starting.length === 1) return server.command?.(starting[0]) ?? false;
  return !ownCommand && (server.imageServes ?? false);
}

export { argTokens };
