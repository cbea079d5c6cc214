import type { Container } from 'kubernetes-types/core/v1.js';
import type { RunSettings } from '../../src/engine/config.js';
import { isRecord } from '../../src/parse/kube.js';
import { trimTrailingSlashes } from '../../src/text.js';
import { usesGpu } from './gpu.js';

/** A known model server: how to recognise it and where it reports readiness. */
export interface ModelServerKind {
  id: string;
  name: string;
  /** Matched against the image reference (lower-cased). */
  image: RegExp;
  /** Matched against command and args joined by spaces. */
  command?: RegExp;
  /** Path of its readiness endpoint. */
  readyPath: string;
  /** Where it caches downloaded models when nothing else is set. */
  defaultCacheDir?: string;
}

/** Known model servers, as data (tested in test/model-server.test.ts). */
export const MODEL_SERVERS: readonly ModelServerKind[] = [
  { id: 'vllm', name: 'vLLM', image: /(^|\/)vllm[-/]|(^|\/)vllm(:|$)/, command: /\bvllm\b|vllm\.entrypoints/, readyPath: '/health', defaultCacheDir: '/root/.cache/huggingface' },
  { id: 'sglang', name: 'SGLang', image: /(^|\/)sglang(:|$|[-/])/, command: /\bsglang\.launch_server\b|\bsglang\b/, readyPath: '/health', defaultCacheDir: '/root/.cache/huggingface' },
  { id: 'tgi', name: 'Text Generation Inference', image: /text-generation-inference/, command: /\btext-generation-launcher\b/, readyPath: '/health', defaultCacheDir: '/data' },
  { id: 'tei', name: 'Text Embeddings Inference', image: /text-embeddings-inference/, command: /\btext-embeddings-router\b/, readyPath: '/health', defaultCacheDir: '/data' },
  { id: 'triton', name: 'Triton Inference Server', image: /tritonserver/, command: /\btritonserver\b/, readyPath: '/v2/health/ready' },
  { id: 'ollama', name: 'Ollama', image: /(^|\/)ollama(:|$|\/ollama)/, command: /\bollama\s+serve\b/, readyPath: '/', defaultCacheDir: '/root/.ollama' },
  { id: 'llama.cpp', name: 'llama.cpp server', image: /llama\.cpp|llama-cpp/, command: /\bllama-server\b|llama_cpp\.server/, readyPath: '/health' },
  { id: 'lmdeploy', name: 'LMDeploy', image: /lmdeploy/, command: /\blmdeploy\s+serve\b/, readyPath: '/health', defaultCacheDir: '/root/.cache/huggingface' },
  { id: 'nim', name: 'NVIDIA NIM', image: /^nvcr\.io\/nim\//, readyPath: '/v1/health/ready', defaultCacheDir: '/opt/nim/.cache' },
  { id: 'ray-serve', name: 'Ray Serve', image: /(^|\/)ray-llm|(^|\/)rayproject\/ray/, command: /\bserve\s+run\b|\bray\.serve\b/, readyPath: '/-/healthz' },
  { id: 'kserve-huggingface', name: 'KServe Hugging Face server', image: /kserve\/huggingfaceserver/, command: /\bhuggingfaceserver\b/, readyPath: '/v2/health/ready', defaultCacheDir: '/root/.cache/huggingface' },
  { id: 'localai', name: 'LocalAI', image: /localai/, command: /\blocal-ai\b/, readyPath: '/readyz', defaultCacheDir: '/build/models' },
];

export function commandLine(container: Container): string {
  const cmd = Array.isArray(container.command) ? container.command : [];
  const args = Array.isArray(container.args) ? container.args : [];
  return [...cmd, ...args].filter((s): s is string => typeof s === 'string').join(' ');
}

/** Which known model server a container runs, if any (by image, then by command). */
export function modelServerKind(container: Container): ModelServerKind | undefined {
  const image = typeof container.image === 'string' ? container.image.toLowerCase() : '';
  const cmd = commandLine(container);
  return MODEL_SERVERS.find((s) => s.image.test(image)) ?? MODEL_SERVERS.find((s) => s.command && cmd && s.command.test(cmd));
}

/** A container is a model server if it uses GPUs or runs a known server. */
export function isModelServer(container: Container, settings: RunSettings): boolean {
  return usesGpu(container, settings) || modelServerKind(container) !== undefined;
}

/** The argument list as flags and values: `--model x`, `--model=x`, positional. */
export function argTokens(container: Container): string[] {
  const cmd = Array.isArray(container.command) ? container.command : [];
  const args = Array.isArray(container.args) ? container.args : [];
  const out: string[] = [];
  for (const a of [...cmd, ...args]) {
    if (typeof a !== 'string') continue;
    // `sh -c "vllm serve x --tp 2"` keeps its flags inside one string.
    out.push(...a.trim().split(/\s+/).filter(Boolean));
  }
  return out;
}

/** Value of the first of the given flags (`--x v` or `--x=v`), if present. */
export function flagValue(tokens: readonly string[], names: readonly string[]): string | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    for (const n of names) {
      if (t === n && i + 1 < tokens.length) return tokens[i + 1];
      if (t.startsWith(n + '=')) return t.slice(n.length + 1);
    }
  }
  return undefined;
}

export function hasFlag(tokens: readonly string[], names: readonly string[]): boolean {
  return tokens.some((t) => names.some((n) => t === n || t.startsWith(n + '=')));
}

/** A container's literal env values by name (valueFrom entries are skipped). */
export function envValues(container: Container): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of Array.isArray(container.env) ? container.env : []) {
    if (isRecord(e) && typeof e.name === 'string' && typeof e.value === 'string') out.set(e.name, e.value);
  }
  return out;
}

export interface ModelReference {
  /** The model as written: an id (org/name) or a path. */
  value: string;
  /** A Hugging Face hub id, downloaded at start-up, as opposed to a local path or URI. */
  isHubId: boolean;
}

const MODEL_FLAGS = ['--model', '--model-id', '--model_id', '--model-path', '--model_path', '--model-name-or-path'];
const MODEL_ENV = ['MODEL_ID', 'HF_MODEL', 'HF_MODEL_ID', 'MODEL_NAME_OR_PATH', 'MODEL', 'MODEL_NAME'];

export function isHubModelId(value: string): boolean {
  return /^[A-Za-z0-9][\w.-]*\/[\w.-]+$/.test(value) && !/^(models?|data|mnt|opt|tmp|root|home|workspace)\//i.test(value);
}

/** The model a server loads: `--model org/name`, `vllm serve org/name`, MODEL_ID, HF_MODEL... */
export function modelReference(container: Container): ModelReference | undefined {
  const tokens = argTokens(container);
  let value = flagValue(tokens, MODEL_FLAGS);
  if (!value) {
    const serve = tokens.findIndex((t, i) => t === 'serve' && i > 0 && /vllm|sglang$/.test(tokens[i - 1]));
    const next = serve >= 0 ? tokens[serve + 1] : undefined;
    if (next && !next.startsWith('-')) value = next;
  }
  if (!value) {
    const env = envValues(container);
    value = MODEL_ENV.map((n) => env.get(n)).find((v) => v !== undefined && v !== '');
  }
  if (!value) return undefined;
  value = value.replace(/^["']|["']$/g, '');
  return { value, isHubId: isHubModelId(value) };
}

const CACHE_ENV = ['HF_HUB_CACHE', 'HUGGINGFACE_HUB_CACHE', 'TRANSFORMERS_CACHE', 'HF_HOME', 'OLLAMA_MODELS'];
const CACHE_FLAGS = ['--download-dir', '--download_dir', '--huggingface-hub-cache'];

/**
 * What a model server downloads at start-up and where it caches it: a hub
 * model id (or Ollama's pulls) into HF_HOME, --download-dir or the server's
 * default cache. Undefined when it loads a local path.
 */
export function modelDownload(container: Container): { cacheDir: string; what: string } | undefined {
  const kind = modelServerKind(container);
  const model = modelReference(container);
  if (!(model?.isHubId ?? false) && kind?.id !== 'ollama') return undefined;
  const env = envValues(container);
  const envName = CACHE_ENV.find((n) => env.get(n));
  const flagDir = flagValue(argTokens(container), CACHE_FLAGS);
  const cacheDir = flagDir ?? (envName ? env.get(envName)! : undefined) ?? kind?.defaultCacheDir ?? '/root/.cache/huggingface';
  return { cacheDir, what: model?.isHubId ? `downloads \`${model.value}\`` : 'pulls models at run time' };
}

function normalisePath(p: string): string {
  return trimTrailingSlashes(p) || '/';
}

/** Whether `path` is `mount` or inside it. */
export function isUnder(path: string, mount: string): boolean {
  const p = normalisePath(path);
  const m = normalisePath(mount);
  return p === m || p.startsWith(m === '/' ? '/' : m + '/');
}
