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

/** One match of a download pattern, and where the search for the next one goes on. */
interface Hit {
  index: number;
  text: string;
  next: number;
}

/** Finds the first match at or after `from`. */
type Finder = (text: string, from: number, runs: RunCache) => Hit | undefined;

/** A pattern searched for as it is (its matches are short or bounded). */
function plain(pattern: RegExp): Finder {
  const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
  return (text, from) => {
    re.lastIndex = from;
    const m = re.exec(text);
    return m ? { index: m.index, text: m[0], next: m.index + Math.max(m[0].length, 1) } : undefined;
  };
}

const COMMAND_END = /[\n;&|]/g;

function commandEnd(text: string, from: number): number {
  COMMAND_END.lastIndex = from;
  return COMMAND_END.exec(text)?.index ?? text.length;
}

/**
 * A pattern `HEAD[^\n;&|]*TAIL` whose TAIL does not depend on HEAD. The
 * first HEAD of a command (the text up to `\n`, `;`, `&` or `|`) decides for
 * the whole command: a later HEAD looks for TAIL in a part of the same text,
 * and TAIL ends at the last place it can. The pattern as one regex rescanned
 * the rest of the command from every HEAD. `tailEnd` gives where the match
 * ends for a HEAD ending at `start` in a command ending at `end`, or -1.
 */
function perCommand(head: RegExp, tailEnd: (text: string, start: number, end: number, runs: RunCache) => number): Finder {
  const re = new RegExp(head.source, 'g');
  return (text, from, runs) => {
    re.lastIndex = from;
    for (let h: RegExpExecArray | null; (h = re.exec(text)); ) {
      const start = h.index + h[0].length;
      const end = commandEnd(text, start);
      const matchEnd = tailEnd(text, start, end, runs);
      if (matchEnd >= 0) return { index: h.index, text: text.slice(h.index, matchEnd), next: Math.max(matchEnd, end) };
      re.lastIndex = end;
    }
    return undefined;
  };
}

/**
 * Runs of characters of one class (`\S`, or `[^\s'"]` for a URL), found
 * once for the text: a run can span many commands (`wget;wget;...`), and
 * each command looking for its run's end again made the scan quadratic.
 */
class RunCache {
  private readonly ends = new Map<RegExp, { from: number; end: number; last: number }>();

  constructor(private readonly text: string) {}

  /**
   * Where the run holding `at` ends (the first `stop` at or after `at`), and
   * the start of the last match of `inside` in the run from `at` on, or -1.
   * Positions are asked for in increasing order within one run.
   */
  run(at: number, stop: RegExp, inside: (runText: string) => number): { end: number; last: number } {
    const cached = this.ends.get(stop);
    if (cached && at >= cached.from && at <= cached.end) return { end: cached.end, last: cached.last >= at ? cached.last : -1 };
    stop.lastIndex = at;
    const end = stop.exec(this.text)?.index ?? this.text.length;
    const found = inside(this.text.slice(at, end));
    const entry = { from: at, end, last: found < 0 ? -1 : at + found };
    this.ends.set(stop, entry);
    return { end, last: entry.last };
  }
}

const WEIGHT_EXT = '\\.(?:safetensors|gguf|ggml|ckpt|onnx|pth?|bin|h5|tflite|llamafile)\\b';
const WEIGHT_FILE = new RegExp(WEIGHT_EXT, 'g');
const WEIGHT_FILE_AT = new RegExp(WEIGHT_EXT, 'y');
const HF_URL = /https?:\/\/(?:huggingface\.co|hf\.co)\//g;
const NOT_URL = /[\s'"]/g;
const SPACE = /\s/g;
const HF_CLONE_TAIL = /[^\n;&|]*https?:\/\/(?:www\.)?(?:huggingface\.co|hf\.co)\//y;

/** The start of the last weight-file extension (`.safetensors`...) in a text, or -1. */
function lastWeightExtension(text: string): number {
  let last = -1;
  WEIGHT_FILE.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = WEIGHT_FILE.exec(text)); ) last = m.index;
  return last;
}

function extensionEnd(text: string, at: number): number {
  WEIGHT_FILE_AT.lastIndex = at;
  return at + (WEIGHT_FILE_AT.exec(text)?.[0].length ?? 0);
}

/**
 * The end of `wget`/`curl` ... a Hugging Face `/resolve/` URL or a weight
 * file, as `[^\n;&|]*(?:https?://(?:huggingface.co|hf.co)/[^\s'"]*\/resolve\/|\S+\.(?:ext)\b)`
 * after the command word: the last start within the command where either
 * form matches (a URL first), each ending as late as it can.
 */
function weightFetchEnd(text: string, start: number, end: number, runs: RunCache): number {
  // A weight file whose name runs on past the end of the command (`x;y.bin`).
  if (end < text.length && text[end] !== '\n') {
    const { last } = runs.run(end, SPACE, lastWeightExtension);
    if (last > end) return extensionEnd(text, last);
  }
  let best = -1;
  let bestEnd = -1;
  // A weight file within the command: the last `.ext` after a non-blank.
  const command = text.slice(start + 1, end);
  WEIGHT_FILE.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = WEIGHT_FILE.exec(command)); ) {
    const q = start + 1 + m.index;
    if (/\S/.test(text[q - 1])) {
      best = q - 1;
      bestEnd = extensionEnd(text, q);
    }
  }
  // A Hugging Face URL with `/resolve/` later in the same URL.
  const urls = text.slice(start, end);
  HF_URL.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = HF_URL.exec(urls)); ) {
    const p = start + m.index;
    if (p < best) continue;
    const after = p + m[0].length;
    const { last } = runs.run(after, NOT_URL, (t) => t.lastIndexOf('/resolve/'));
    if (last >= after) {
      best = p;
      bestEnd = last + '/resolve/'.length;
    }
  }
  return bestEnd;
}

function hfCloneEnd(text: string, start: number): number {
  HF_CLONE_TAIL.lastIndex = start;
  const m = HF_CLONE_TAIL.exec(text);
  return m ? start + m[0].length : -1;
}

const DOWNLOAD_PATTERNS: readonly { find: Finder; what: string }[] = [
  { find: plain(/\bhuggingface-cli\s+download\b/), what: '`huggingface-cli download`' },
  { find: plain(/\bhf\s+download\b/), what: '`hf download`' },
  { find: plain(/\bsnapshot_download\s*\(/), what: '`snapshot_download()`' },
  { find: plain(/\bhf_hub_download\s*\(/), what: '`hf_hub_download()`' },
  { find: plain(/\.from_pretrained\s*\(/), what: '`from_pretrained()`' },
  { find: plain(/\bSentenceTransformer\s*\(/), what: '`SentenceTransformer()`' },
  { find: plain(/\bollama\s+pull\b/), what: '`ollama pull`' },
  { find: plain(/\bmodelscope\s+download\b/), what: '`modelscope download`' },
  // `git clone ... https://huggingface.co/...`
  { find: perCommand(/\bgit\s+clone\b/, hfCloneEnd), what: '`git clone` of a Hugging Face repository' },
  { find: plain(/\bgit\s+lfs\s+pull\b/), what: '`git lfs pull`' },
  // `wget`/`curl` of `https://huggingface.co/.../resolve/...` or of a `.safetensors`, `.gguf`... file
  { find: perCommand(/\b(?:wget|curl)\b/, weightFetchEnd), what: 'a download of a weight file' },
];

/** A Hugging Face dataset: a `/datasets/` URL, `--repo-type dataset`, `repo_type="dataset"`. */
const DATASET_REFERENCE = /(?:huggingface\.co|hf\.co)\/datasets\/|--repo-type[=\s]+["']?datasets?\b|\brepo_type\s*=\s*["']datasets?["']/;
const DATASET_REFERENCES = new RegExp(DATASET_REFERENCE.source, 'g');
const SHELL_COMMAND_END = /&&|\|\||;|\||\n/g;

/**
 * Whether the text one download covers names a dataset: a call's arguments
 * up to its closing parenthesis, or a shell command up to the next `&&`,
 * `||`, `;`, `|` or line end. For shell commands, the downloads of one
 * command share its end: the last dataset reference before that end is
 * found once (`lastReference`), and a download covers it when it starts
 * at or before it.
 */
class DatasetCheck {
  private commandFrom = -1;
  private commandEnd = -1;
  private readonly lastReference = new Map<number, { from: number; last: number }>();

  constructor(private readonly text: string) {}

  covers(index: number, matched: string): boolean {
    const text = this.text;
    if (matched.endsWith('(')) {
      let depth = 0;
      for (let i = index + matched.length - 1; i < text.length && i < index + 2000; i++) {
        if (text[i] === '(') depth++;
        else if (text[i] === ')' && --depth === 0) return DATASET_REFERENCE.test(text.slice(index, i + 1));
      }
      return DATASET_REFERENCE.test(text.slice(index, index + 2000));
    }
    if (!(index >= this.commandFrom && index <= this.commandEnd)) {
      SHELL_COMMAND_END.lastIndex = index;
      this.commandFrom = index;
      this.commandEnd = SHELL_COMMAND_END.exec(text)?.index ?? text.length;
    }
    const end = Math.max(this.commandEnd, index + matched.length);
    if (end !== this.commandEnd) return DATASET_REFERENCE.test(text.slice(index, end));
    let known = this.lastReference.get(end);
    if (known === undefined || index < known.from) {
      // Every start of a reference that ends by `end`, the last one kept.
      known = { from: index, last: -1 };
      const covered = text.slice(index, end);
      DATASET_REFERENCES.lastIndex = 0;
      for (let m: RegExpExecArray | null; (m = DATASET_REFERENCES.exec(covered)); ) {
        known.last = index + m.index;
        DATASET_REFERENCES.lastIndex = m.index + 1;
      }
      this.lastReference.set(end, known);
    }
    return known.last >= index;
  }
}

/**
 * Build-time downloads of model weights in a shell command. Downloads of
 * Hugging Face datasets (`huggingface.co/datasets/...`, `--repo-type dataset`,
 * `repo_type="dataset"`) are data, not weights, and are not reported.
 */
export function findWeightDownloads(text: string): DownloadMatch[] {
  const out: DownloadMatch[] = [];
  const runs = new RunCache(text);
  const datasets = new DatasetCheck(text);
  for (const { find, what } of DOWNLOAD_PATTERNS) {
    for (let hit = find(text, 0, runs); hit; hit = find(text, hit.next, runs)) {
      if (!datasets.covers(hit.index, hit.text)) {
        out.push({ index: hit.index, text: hit.text, occurrence: text.slice(0, hit.index).split(hit.text).length - 1, what });
        break;
      }
    }
  }
  return out.sort((a, b) => a.index - b.index);
}
