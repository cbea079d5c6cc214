/** What model weights look like in paths and in download commands. */

/** Extensions that are model weights wherever they appear. */
const WEIGHT_EXTENSIONS = ['.safetensors', '.gguf', '.ggml', '.llamafile', '.ckpt', '.onnx', '.h5', '.tflite', '.keras', '.msgpack', '.mlmodel', '.nemo'];
/** Extensions that are weights only next to a model path (.pt files are also TorchScript code, .bin anything). */
const CONTEXT_WEIGHT_EXTENSIONS = ['.pt', '.pth', '.bin', '.engine', '.plan', '.pb'];

/** Directory names that hold weights when copied whole. */
export const WEIGHT_DIR_NAMES = new Set(['models', 'checkpoints', 'ckpt', 'weights', 'saved_model', 'model_repository', 'model-repository']);
/** Directory names that make an ambiguous file (.bin, .pt) a weight file. */
const MODEL_PATH_HINTS = new Set([...WEIGHT_DIR_NAMES, 'model', 'checkpoint', 'hf_cache', 'huggingface', 'hub']);

/** Parent directories that mark a source-code tree, where `models/` means ORM or schema classes. */
const CODE_DIR_NAMES = new Set(['src', 'app', 'lib', 'api', 'server', 'backend', 'pkg', 'internal', 'services']);

function segmentsOf(path: string): string[] {
  return path.replace(/\\/g, '/').split('/').filter((s) => s && s !== '.');
}

function hasModelPathHint(segments: readonly string[]): boolean {
  return segments.some((s) => MODEL_PATH_HINTS.has(s.toLowerCase()));
}

export type WeightMatch = { reason: string } | undefined;

/**
 * Whether a COPY/ADD source (or destination context) is model weights.
 * `siblings` are the other sources of the same instruction: a `.bin` next to
 * a `.safetensors` is a weight shard.
 */
export function weightSource(path: string, siblings: readonly string[] = []): WeightMatch {
  const segs = segmentsOf(path);
  if (!segs.length) return undefined;
  const last = segs[segs.length - 1].toLowerCase();
  const ext = WEIGHT_EXTENSIONS.find((e) => last.endsWith(e));
  if (ext) return { reason: `${ext} weight file` };
  const ctxExt = CONTEXT_WEIGHT_EXTENSIONS.find((e) => last.endsWith(e));
  if (ctxExt) {
    const parents = segs.slice(0, -1);
    if (hasModelPathHint(parents)) return { reason: `${ctxExt} file in a model directory` };
    if (siblings.some((s) => s !== path && weightSource(s) && !CONTEXT_WEIGHT_EXTENSIONS.some((e) => s.toLowerCase().endsWith(e)))) {
      return { reason: `${ctxExt} file next to other weight files` };
    }
    return undefined;
  }
  // A whole weights directory: models/, checkpoints/, ./weights, saved_model/...
  const hasExtension = /\.[a-z0-9]{1,6}$/i.test(last) && !last.startsWith('.');
  if (!hasExtension && WEIGHT_DIR_NAMES.has(last.replace(/\*$/, ''))) {
    if (segs.slice(0, -1).some((s) => CODE_DIR_NAMES.has(s.toLowerCase()))) return undefined;
    return { reason: `\`${last}\` directory` };
  }
  return undefined;
}

export interface DownloadMatch {
  index: number;
  text: string;
  /** How many times `text` appears in the command before this match. */
  occurrence: number;
  what: string;
}

const DOWNLOAD_PATTERNS: readonly { pattern: RegExp; what: string }[] = [
  { pattern: /\bhuggingface-cli\s+download\b/, what: '`huggingface-cli download`' },
  { pattern: /\bhf\s+download\b/, what: '`hf download`' },
  { pattern: /\bsnapshot_download\s*\(/, what: '`snapshot_download()`' },
  { pattern: /\bhf_hub_download\s*\(/, what: '`hf_hub_download()`' },
  { pattern: /\.from_pretrained\s*\(/, what: '`from_pretrained()`' },
  { pattern: /\bSentenceTransformer\s*\(/, what: '`SentenceTransformer()`' },
  { pattern: /\bollama\s+pull\b/, what: '`ollama pull`' },
  { pattern: /\bmodelscope\s+download\b/, what: '`modelscope download`' },
  { pattern: /\bgit\s+clone\b[^\n;&|]*https?:\/\/(?:www\.)?(?:huggingface\.co|hf\.co)\//, what: '`git clone` of a Hugging Face repository' },
  { pattern: /\bgit\s+lfs\s+pull\b/, what: '`git lfs pull`' },
  {
    pattern: /\b(?:wget|curl)\b[^\n;&|]*(?:https?:\/\/(?:huggingface\.co|hf\.co)\/[^\s'"]*\/resolve\/|\S+\.(?:safetensors|gguf|ggml|ckpt|onnx|pth?|bin|h5|tflite|llamafile)\b)/,
    what: 'a download of a weight file',
  },
];

/** A Hugging Face dataset: a `/datasets/` URL, `--repo-type dataset`, `repo_type="dataset"`. */
const DATASET_REFERENCE = /(?:huggingface\.co|hf\.co)\/datasets\/|--repo-type[=\s]+["']?datasets?\b|\brepo_type\s*=\s*["']datasets?["']/;

/**
 * The text one download covers: a call's arguments up to its closing
 * parenthesis, or a shell command up to the next `&&`, `||`, `;`, `|` or line end.
 */
function downloadExtent(text: string, index: number, matched: string): string {
  if (matched.endsWith('(')) {
    let depth = 0;
    for (let i = index + matched.length - 1; i < text.length && i < index + 2000; i++) {
      if (text[i] === '(') depth++;
      else if (text[i] === ')' && --depth === 0) return text.slice(index, i + 1);
    }
    return text.slice(index, index + 2000);
  }
  const rest = text.slice(index);
  const end = rest.search(/&&|\|\||;|\||\n/);
  return end < 0 ? rest : rest.slice(0, Math.max(end, matched.length));
}

/**
 * Build-time downloads of model weights in a shell command. Downloads of
 * Hugging Face datasets (`huggingface.co/datasets/...`, `--repo-type dataset`,
 * `repo_type="dataset"`) are data, not weights, and are not reported.
 */
export function findWeightDownloads(text: string): DownloadMatch[] {
  const out: DownloadMatch[] = [];
  for (const { pattern, what } of DOWNLOAD_PATTERNS) {
    const re = new RegExp(pattern.source, (pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g'));
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      if (!DATASET_REFERENCE.test(downloadExtent(text, m.index, m[0]))) {
        out.push({ index: m.index, text: m[0], occurrence: text.slice(0, m.index).split(m[0]).length - 1, what });
        break;
      }
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  return out.sort((a, b) => a.index - b.index);
}
