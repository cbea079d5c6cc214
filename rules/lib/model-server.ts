import type { Container } from 'kubernetes-types/core/v1.js';
import type { RunSettings } from '../../src/rule-api.js';
import { isRecord } from '../../src/rule-api.js';
import { splitImageReference } from '../../src/rule-api.js';
import { trimTrailingSlashes } from '../../src/rule-api.js';
import { usesGpu } from './gpu.js';

/** One command a container runs: its program (a module for `python -m`) and the words after it. */
export interface RunCommand {
  /** Base name of the executable or script, or the module of `python -m`. */
  program: string;
  args: string[];
  /** Set for `python -m module`: the program is a module, named on purpose. */
  module?: boolean;
}

/** A known model server: how to recognise it and where it reports readiness. */
export interface ModelServerKind {
  id: string;
  name: string;
  /** Matched against the image repository (registry and path, lower-cased, no tag). */
  image: RegExp;
  /** When set, the image tag must match it (llama.cpp publishes CLI-only tags beside `server`). */
  serverTag?: RegExp;
  /** Tags of the same repository that hold clients or tools, not the server (Triton's `-sdk`). */
  clientTag?: RegExp;
  /** Whether a command (the program and its first words) starts this server. */
  command?: (cmd: RunCommand) => boolean;
  /** Whether the image starts the server by default (its ENTRYPOINT/CMD serve). */
  imageServes?: boolean;
  /** Path of its readiness endpoint. */
  readyPath: string;
  /** Where it caches downloaded models when nothing else is set. */
  defaultCacheDir?: string;
}

/** What a server's endpoints prove about the model: k8s/model-readiness reads this table. */
export interface EndpointSemantics {
  /** Paths that answer success only once the model is loaded (readiness). */
  ready: readonly string[];
  /** Paths that answer as soon as the process runs, model loaded or not (liveness). */
  live: readonly string[];
  /** The port accepts connections before the model is loaded: a TCP check proves only that the process listens. */
  listensBeforeLoad: boolean;
  /** Models are fetched or loaded after start, on request: no HTTP GET proves a given model is there. */
  lazyModels?: boolean;
  /** Where these facts come from. */
  source: string;
}

/**
 * Endpoint semantics per server. Servers not listed here open their port only
 * once the model is loaded, so any endpoint (and a TCP check) proves it.
 */
export const ENDPOINT_SEMANTICS: Readonly<Record<string, EndpointSemantics>> = {
  vllm: { ready: ['/health', '/v1/models'], live: [], listensBeforeLoad: false, source: 'vLLM OpenAI-compatible server: the HTTP server starts listening after the engine (model weights, KV cache) is built' },
  sglang: { ready: ['/health', '/health_generate', '/v1/models'], live: [], listensBeforeLoad: false, source: 'SGLang launch_server: the scheduler processes load the model before the HTTP server starts' },
  tgi: { ready: ['/health', '/info'], live: [], listensBeforeLoad: false, source: 'TGI launcher: the router (HTTP server) starts after every shard has loaded and warmed up' },
  triton: {
    ready: ['/v2/health/ready'],
    live: ['/v2/health/live'],
    listensBeforeLoad: false,
    source: 'Triton HTTP/REST protocol (KServe v2): /v2/health/live answers while the server runs, /v2/health/ready only when the models are ready; endpoints open after the start-up models load',
  },
  nim: { ready: ['/v1/health/ready'], live: ['/v1/health/live'], listensBeforeLoad: false, source: 'NVIDIA NIM for LLMs API reference: /v1/health/live answers while the service runs, /v1/health/ready once the model is ready for inference' },
  'llama.cpp': { ready: ['/health'], live: [], listensBeforeLoad: true, source: 'llama.cpp server README: the server listens while the model loads and /health answers 503 until it is loaded' },
  ollama: {
    ready: [],
    live: ['/', '/api/version', '/api/tags', '/api/ps'],
    listensBeforeLoad: true,
    lazyModels: true,
    source: 'Ollama API docs: the daemon answers / ("Ollama is running") as soon as it starts; models are pulled with `ollama pull` and loaded on first request, and only `ollama show <model>` (POST /api/show) proves one is present',
  },
  'kserve-huggingface': {
    ready: ['/v2/health/ready'],
    live: ['/v2/health/live', '/'],
    listensBeforeLoad: false,
    source: 'KServe open inference protocol: /v2/health/live and / answer while the server runs, /v2/health/ready once its models are ready',
  },
};

/** The path an httpGet probe checks, without query or trailing slash; undefined for other probes. */
export function probeHttpPath(probe: Record<string, unknown>): string | undefined {
  if (!isRecord(probe.httpGet)) return undefined;
  const path = typeof probe.httpGet.path === 'string' ? probe.httpGet.path : '/';
  return path.split('?')[0].replace(/(.)\/+$/, '$1') || '/';
}

/**
 * Whether a probe passes while the server is still loading its model: a
 * check of an endpoint the server answers as soon as its process runs, or a
 * TCP check, on a server that listens before the model is loaded (Ollama's
 * `/`). Such a liveness probe cannot restart the server during the load.
 */
export function passesWhileLoading(server: ModelServerKind | undefined, probe: Record<string, unknown>): boolean {
  const semantics = server ? ENDPOINT_SEMANTICS[server.id] : undefined;
  if (!semantics?.listensBeforeLoad) return false;
  if (isRecord(probe.tcpSocket)) return true;
  const path = probeHttpPath(probe);
  return path !== undefined && semantics.live.includes(path);
}

const sub = (program: string | RegExp, ...subcommands: string[]) => (c: RunCommand) =>
  (typeof program === 'string' ? c.program === program : program.test(c.program)) && (!subcommands.length || subcommands.includes(c.args[0] ?? ''));

/**
 * Known model servers, as data (tested in test/rules/lib/model-server.test.ts). A
 * container runs one when its image repository is the server's (and the tag
 * not a client/tool tag), or when its command or first args start the server
 * (`vllm serve`, `python -m vllm.entrypoints.openai.api_server`,
 * `sh -c "... text-generation-launcher ..."`). Words elsewhere in the args
 * (a pool named `vllm-llama`, a URL) are never evidence.
 */
export const MODEL_SERVERS: readonly ModelServerKind[] = [
  { id: 'vllm', name: 'vLLM', image: /(^|\/)vllm([-/][\w.-]*)?$/, command: (c) => sub('vllm', 'serve')(c) || /^vllm\.entrypoints\./.test(c.program), imageServes: true, readyPath: '/health', defaultCacheDir: '/root/.cache/huggingface' },
  { id: 'sglang', name: 'SGLang', image: /(^|\/)sglang([-/][\w.-]*)?$/, command: (c) => c.program === 'sglang.launch_server' || sub('sglang', 'serve', 'launch_server')(c), readyPath: '/health', defaultCacheDir: '/root/.cache/huggingface' },
  { id: 'tgi', name: 'Text Generation Inference', image: /text-generation-inference/, command: sub(/^text-generation-(launcher|server)$/), imageServes: true, readyPath: '/health', defaultCacheDir: '/data' },
  { id: 'tei', name: 'Text Embeddings Inference', image: /text-embeddings-inference/, command: sub('text-embeddings-router'), imageServes: true, readyPath: '/health', defaultCacheDir: '/data' },
  { id: 'triton', name: 'Triton Inference Server', image: /(^|\/)tritonserver$/, clientTag: /sdk/, command: sub('tritonserver'), readyPath: '/v2/health/ready' },
  { id: 'ollama', name: 'Ollama', image: /(^|\/)ollama$/, command: sub('ollama', 'serve'), imageServes: true, readyPath: '/', defaultCacheDir: '/root/.ollama' },
  { id: 'llama.cpp', name: 'llama.cpp server', image: /llama\.cpp|llama-cpp/, serverTag: /^server/, command: (c) => c.program === 'llama-server' || c.program === 'llama_cpp.server', imageServes: true, readyPath: '/health' },
  { id: 'lmdeploy', name: 'LMDeploy', image: /(^|\/)lmdeploy$/, command: sub('lmdeploy', 'serve'), readyPath: '/health', defaultCacheDir: '/root/.cache/huggingface' },
  { id: 'nim', name: 'NVIDIA NIM', image: /^nvcr\.io\/nim\//, imageServes: true, readyPath: '/v1/health/ready', defaultCacheDir: '/opt/nim/.cache' },
  { id: 'ray-serve', name: 'Ray Serve', image: /(^|\/)ray-llm$/, command: sub('serve', 'run', 'deploy'), readyPath: '/-/healthz' },
  { id: 'kserve-huggingface', name: 'KServe Hugging Face server', image: /kserve\/huggingfaceserver$/, command: (c) => c.program === 'huggingfaceserver', imageServes: true, readyPath: '/v2/health/ready', defaultCacheDir: '/root/.cache/huggingface' },
  { id: 'localai', name: 'LocalAI', image: /(^|\/)local-?ai$/, command: sub('local-ai'), imageServes: true, readyPath: '/readyz', defaultCacheDir: '/build/models' },
];

/** General-purpose servers: evidence that an image or container serves, though not a model server. */
const WEB_SERVERS: readonly ((c: RunCommand) => boolean)[] = [
  sub(/^(uvicorn|gunicorn|hypercorn|daphne|granian|waitress-serve|nginx|httpd|apache2|apache2ctl|caddy|envoy|haproxy|traefik|torchserve|tensorflow_model_server|mlserver)$/),
  sub(/^(flask|streamlit|fastapi|chainlit|panel)$/, 'run', 'serve'),
  sub(/^(bentoml|mlflow|litellm)$/),
  sub('http.server'),
  sub(/^(jupyter|jupyter-lab|jupyter-notebook)$/, 'lab', 'notebook', 'server'),
];

const WRAPPERS = new Set(['exec', 'env', 'dumb-init', 'tini', 'tini-static', 'nohup', 'stdbuf', 'time', 'gosu', 'su-exec', 'setsid', 'sudo', 'catatonit']);
const SHELLS = /^(sh|bash|ash|dash|zsh|ksh)$/;
const PYTHON = /^python(\d+(\.\d+)?)?$/;
/** Shell words that only frame the command that follows. */
const SHELL_KEYWORDS = new Set(['do', 'then', 'else', 'elif', 'while', 'until', 'if', '{', '(', '!', 'time']);
/** Commands that only prepare the one that runs (set-up lines in `sh -c` scripts). */
const SETUP_PROGRAMS = new Set(['set', 'trap', 'echo', 'printf', 'export', 'cd', 'source', '.', 'mkdir', 'cp', 'mv', 'ln', 'chmod', 'chown', 'rm', 'ls', 'cat', 'wait', 'true', 'false', ':', 'fi', 'done', 'esac', '}', ')', 'test', '[', '[[', 'pip', 'pip3', 'apt-get', 'apt', 'apk', 'yum', 'uv', 'touch', 'sed', 'env', 'date', 'ulimit', 'umask', 'unset', 'shift', 'local', 'declare', 'read', 'let', 'eval']);

function baseName(word: string): string {
  return trimTrailingSlashes(word).split('/').pop() ?? word;
}

function unquote(word: string): string {
  return word.replace(/^["']+|["']+$/g, '');
}

/** The command an argv runs, looking through wrappers (exec, env, tini --) and `python [-u] -m module`. */
function commandOfWords(words: readonly string[]): RunCommand | undefined {
  let i = 0;
  while (i < words.length) {
    const w = words[i];
    const name = baseName(w);
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(w) || w === '--') i++;
    else if (WRAPPERS.has(name)) {
      i++;
      while (i < words.length && words[i].startsWith('-')) i++;
    } else break;
  }
  if (i >= words.length || words[i].startsWith('-')) return undefined;
  const program = baseName(words[i]);
  const rest = words.slice(i + 1);
  if (PYTHON.test(program)) {
    let j = 0;
    while (j < rest.length && rest[j].startsWith('-') && rest[j] !== '-m' && rest[j] !== '-c') j++;
    if (rest[j] === '-m' && rest[j + 1]) return { program: rest[j + 1], args: rest.slice(j + 2), module: true };
    if (rest[j] === '-c') return { program, args: rest.slice(j) };
    if (rest[j]) return { program: baseName(rest[j]), args: rest.slice(j + 1) };
  }
  return { program, args: rest };
}

/** The commands of a shell script, in order, set-up lines (echo, pip install, cd...) left out. */
function commandsOfScript(script: string): RunCommand[] {
  const out: RunCommand[] = [];
  for (const part of script.split(/\n|;|&&|\|\||\||&/)) {
    let words = part.trim().split(/\s+/).filter(Boolean).map(unquote).filter(Boolean);
    while (words.length && SHELL_KEYWORDS.has(words[0])) words = words.slice(1);
    const cmd = commandOfWords(words);
    if (cmd && !SETUP_PROGRAMS.has(cmd.program)) out.push(cmd);
  }
  return out;
}

/**
 * The commands an argv (command followed by args, or ENTRYPOINT followed by
 * CMD) runs: one for exec form, each command of the script for `sh -c`.
 * Empty when the argv is only flags for the image's own entrypoint.
 */
export function commandsOf(argv: readonly unknown[]): RunCommand[] {
  const words = argv.filter((w): w is string => typeof w === 'string');
  const first = commandOfWords(words);
  if (!first) return [];
  if (SHELLS.test(first.program)) {
    const c = first.args.findIndex((a) => /^-[a-z]*c[a-z]*$/.test(a));
    if (c >= 0 && typeof first.args[c + 1] === 'string') return commandsOfScript(first.args[c + 1]);
    const script = first.args.find((a) => !a.startsWith('-'));
    return script ? [{ program: baseName(script), args: [] }] : [];
  }
  return [first];
}

export function containerArgv(container: Container): unknown[] {
  return [...(Array.isArray(container.command) ? container.command : []), ...(Array.isArray(container.args) ? container.args : [])];
}

export function commandLine(container: Container): string {
  return containerArgv(container).filter((s): s is string => typeof s === 'string').join(' ');
}

const IDLE = (c: RunCommand) =>
  c.program === 'sleep' || c.program === 'pause' || (c.program === 'tail' && c.args.includes('-f') && c.args.includes('/dev/null'));

const LOAD_GENERATORS: readonly ((c: RunCommand) => boolean)[] = [
  sub(/^(k6|locust|vegeta|hey|wrk|wrk2|ab|genai-perf|perf_analyzer|perf_client|guidellm|inference-perf|llmperf|ghz|oha)$/),
  sub('fortio', 'load'),
  sub('vllm', 'bench'),
  (c) => /bench/i.test(c.program),
];

/** Images of load generators and clients (never servers). */
const LOAD_GENERATOR_IMAGES = /(^|\/)(k6|locust|vegeta|hey|wrk|oha|ghz|guidellm|genai-perf|inference-perf|llmperf)$/;

/**
 * What a container does when it is not a server: waits (`sleep infinity`,
 * `tail -f /dev/null`: a client pod to exec into) or generates load (k6,
 * locust, genai-perf, `vllm bench`, benchmark scripts).
 */
export function clientRole(container: Container): 'idle' | 'load-generator' | undefined {
  const cmds = commandsOf(containerArgv(container));
  if (cmds.some((c) => MODEL_SERVERS.some((s) => s.command?.(c)))) return undefined;
  if (cmds.some((c) => LOAD_GENERATORS.some((g) => g(c)))) return 'load-generator';
  if (cmds.length && IDLE(cmds[cmds.length - 1])) return 'idle';
  // Without a command of its own, the image's entrypoint runs (args are its arguments).
  const ownCommand = Array.isArray(container.command) && container.command.length > 0;
  const image = typeof container.image === 'string' ? splitImageReference(container.image).repository : '';
  if (!ownCommand && LOAD_GENERATOR_IMAGES.test(image)) return 'load-generator';
  return undefined;
}

/** Image names of tools built around a server, not the server: `vllm-mock`, `vllm-simulator`, `vllm-router`, `tritonserver-client`. */
const NOT_A_SERVER_IMAGE = /(mock|simulator|(^|[-_])sim($|[-_])|router|proxy|gateway|bench|client|exporter|operator|controller)/;

/** The known model server an image reference runs by default, if any (tag rules applied). */
export function modelServerOfImage(image: string): ModelServerKind | undefined {
  const { repository, tag } = splitImageReference(image);
  if (NOT_A_SERVER_IMAGE.test(repository.split('/').pop() ?? '')) return undefined;
  return MODEL_SERVERS.find(
    (s) => s.image.test(repository) && !(tag && s.clientTag?.test(tag)) && !(s.serverTag && !(tag && s.serverTag.test(tag))),
  );
}

/** The known model server an argv starts, if any. */
export function modelServerOfCommand(argv: readonly unknown[]): ModelServerKind | undefined {
  const cmds = commandsOf(argv);
  return MODEL_SERVERS.find((s) => s.command && cmds.some((c) => s.command!(c)));
}

/** Whether an argv starts a known server: a model server or a general-purpose one (uvicorn, nginx...). */
export function startsServer(argv: readonly unknown[]): boolean {
  const cmds = commandsOf(argv);
  return cmds.some((c) => MODEL_SERVERS.some((s) => s.command?.(c)) || WEB_SERVERS.some((w) => w(c)));
}

/**
 * Which known model server a container runs, if any: by its command or first
 * args, else by its image, unless the command makes it a client (sleep, a
 * load generator).
 */
export function modelServerKind(container: Container): ModelServerKind | undefined {
  const argv = containerArgv(container);
  const byCommand = modelServerOfCommand(argv);
  if (byCommand) return byCommand;
  if (clientRole(container)) return undefined;
  // `python -m some.module` names what runs: in a server image, another module (a router, a loader) is not the server.
  if (commandsOf(argv).some((c) => c.module)) return undefined;
  return typeof container.image === 'string' ? modelServerOfImage(container.image) : undefined;
}

/** A container is a model server if it runs a known server, or asks for accelerators and is not a client. */
export function isModelServer(container: Container, settings: RunSettings): boolean {
  return modelServerKind(container) !== undefined || (usesGpu(container, settings) && clientRole(container) === undefined);
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
