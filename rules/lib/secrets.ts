/**
 * What counts as a secret: secret-like variable names, placeholder values,
 * and prefix-anchored provider token formats. Shared by every secret rule.
 */
import { trimTrailingSlashes } from '../../src/rule-api.js';

/** Splits a variable name into upper-case words: hfToken -> [HF, TOKEN], NGC_API_KEY -> [NGC, API, KEY], keyIDName -> [KEY, ID, NAME]. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    // A lookahead, not `([A-Z]+)([A-Z][a-z])`: that rescans a long run of capitals from every position.
    .replace(/([A-Z])(?=[A-Z][a-z])/g, '$1_')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toUpperCase());
}

/** Words that make a variable hold a secret wherever they appear. */
const SECRET_WORDS = new Set([
  'TOKEN', 'SECRET', 'PASSWORD', 'PASSWD', 'PASSPHRASE', 'APIKEY', 'APITOKEN', 'ACCESSTOKEN', 'AUTHTOKEN', 'PRIVATEKEY', 'CLIENTSECRET',
]);

/**
 * Words before KEY that make it a secret key (API_KEY, SECRET_KEY,
 * OPENAI_KEY, AZURE_OPENAI_KEY, ...); a bare *_KEY (CACHE_KEY, PARTITION_KEY,
 * ROUTING_KEY) is not.
 */
const KEY_QUALIFIERS = new Set([
  'API', 'ACCESS', 'SECRET', 'PRIVATE', 'ENCRYPTION', 'SIGNING', 'MASTER', 'AUTH', 'SERVICE', 'LICENSE', 'ADMIN', 'WEBHOOK', 'HMAC', 'JWT', 'SESSION',
  'ACCOUNT', 'STORAGE', 'SUBSCRIPTION', 'SA', 'SSH',
  // Model and AI-platform providers: their *_KEY variables hold API keys.
  'OPENAI', 'AZURE', 'ANTHROPIC', 'CLAUDE', 'COHERE', 'MISTRAL', 'GROQ', 'GEMINI', 'GOOGLE', 'HF', 'HUGGINGFACE', 'NGC', 'NVIDIA', 'NIM',
  'WANDB', 'PINECONE', 'REPLICATE', 'TOGETHER', 'PERPLEXITY', 'DEEPSEEK', 'VOYAGE', 'JINA', 'LANGCHAIN', 'LANGSMITH', 'LANGFUSE',
  'SERPAPI', 'TAVILY', 'FIREWORKS', 'OPENROUTER', 'DEEPGRAM', 'ELEVENLABS', 'XAI', 'DASHSCOPE', 'MOONSHOT', 'ZHIPU', 'STRIPE', 'SENDGRID',
]);

/** Words after KEY that name the key's material itself: SA_KEY_CONTENT, GCP_KEY_JSON, TLS_KEY_B64. */
const KEY_MATERIAL_SUFFIXES = new Set(['CONTENT', 'CONTENTS', 'JSON', 'B64', 'BASE64', 'PEM', 'MATERIAL']);

/** A last word that makes the variable describe a secret rather than hold one. */
const DESCRIPTIVE_SUFFIXES = new Set([
  'FILE', 'FILES', 'PATH', 'DIR', 'DIRECTORY', 'URL', 'URI', 'ENDPOINT', 'HOST', 'PORT', 'NAME', 'ID', 'TYPE', 'HEADER',
  'LENGTH', 'LEN', 'LIMIT', 'SIZE', 'COUNT', 'EXPIRY', 'EXPIRES', 'TTL', 'TIMEOUT', 'ENABLED', 'ENABLE', 'DISABLED', 'REF',
  'MOUNT', 'KEYS', 'FIELD', 'ENV', 'VAR', 'PREFIX', 'SUFFIX', 'FORMAT', 'SOURCE', 'PROVIDER', 'REGION', 'ALGORITHM', 'MODE',
  'VERSION', 'SCOPE', 'SCOPES', 'AUDIENCE', 'ISSUER', 'LOCATION', 'SECRETS', 'ANNOTATION', 'ANNOTATIONS', 'LABEL', 'LABELS', 'REFERENCE',
]);

/**
 * Words that mark a count or setting of tokens, or a tokenizer's special
 * token (PAD_TOKEN, EOS_TOKEN), not an access token.
 */
const NOT_SECRET_WORDS = new Set([
  'TOKENS', 'TOKENIZER', 'TOKENIZERS', 'MAX', 'MIN', 'NUM', 'TOTAL', 'PUBLIC',
  'PAD', 'EOS', 'BOS', 'UNK', 'SEP', 'CLS', 'MASK', 'STOP', 'SPECIAL', 'BUDGET',
  // Switches about a token, not the token: ENABLE_TOKEN_AUTH.
  'ENABLE', 'DISABLE', 'ENABLED', 'DISABLED',
]);

/**
 * Whether a variable name says it holds a secret, matching on word
 * boundaries: HF_TOKEN, OPENAI_API_KEY, OPENAI_KEY, AZURE_OPENAI_KEY,
 * DB_PASSWORD, SA_KEY_CONTENT are; MAX_NEW_TOKENS, TOKENIZERS_PARALLELISM,
 * OPENAI_BASE_URL, SSL_KEY_FILE, PUBLIC_KEY, CACHE_KEY are not.
 */
export function isSecretName(name: string): boolean {
  const words = nameWords(name);
  if (!words.length) return false;
  if (words.some((w) => NOT_SECRET_WORDS.has(w))) return false;
  if (DESCRIPTIVE_SUFFIXES.has(words[words.length - 1])) return false;
  // The secret word must end the name or be followed by one word (DB_PASSWORD_PROD, SECRET_KEY_BASE):
  // in TOKEN_TRACKER_TIME_UNIT the name is about something else.
  let last = -1;
  for (let i = 0; i < words.length; i++) {
    if (SECRET_WORDS.has(words[i])) last = i;
    else if (words[i] === 'KEY' && i > 0 && KEY_QUALIFIERS.has(words[i - 1])) last = i;
    else if (KEY_MATERIAL_SUFFIXES.has(words[i]) && i > 0 && words[i - 1] === 'KEY') last = i;
    else if (words[i] === 'PWD' && i > 0) last = i;
  }
  return last >= 0 && last >= words.length - 2;
}

const PLACEHOLDER_WORDS = new Set([
  '', 'changeme', 'change-me', 'change_me', 'changeit', 'replaceme', 'replace-me', 'replace_me', 'empty', 'none', 'null', 'nil',
  'dummy', 'placeholder', 'example', 'sample', 'todo', 'tbd', 'fixme', 'redacted', 'secret', 'password', 'token', 'xxx',
  'true', 'false', 'yes', 'no', 'on', 'off', 'test', 'fake', 'unset', 'not-set', 'notset', 'your-token', 'your_token',
  'your-api-key', 'your_api_key', 'your-key', 'your_key', 'api-key', 'api_key', 'apikey', 'mock', 'default', 'na', 'n/a',
]);

/**
 * What the secret rules count as a placeholder rather than a literal secret,
 * for their documentation; `placeholderKind` implements it.
 */
export const PLACEHOLDER_DOC =
  'A value on a secret-like name is not reported when it is: empty; a placeholder word (changeme, dummy, example, none, null, test, token, your-api-key, ...); wrapped in angle or square brackets (`<your-token>`, `[API_KEY]`); a reference resolved elsewhere (`${VAR}`, `$VAR`, Kubernetes `$(VAR)`, `{{ .Values.x }}`, `%{...}`); a path or file URL (`/run/secrets/token`, `./key.txt`); the name of another variable (`AWS_SECRET_ACCESS_KEY`); an instruction (`your-...`, `insert ...`, `replace ...`); or filler (`xxxx`, `****`, `...`, `EXAMPLE`, `1234`, `1234567`, a run of a few repeated characters). `--verbose` lists each secret-like name skipped this way, without its value.';

/**
 * Why a value is a placeholder, a reference or a path rather than a literal
 * secret ("an empty value", "a reference resolved elsewhere", ...);
 * undefined for a value that may be a real secret.
 */
export function placeholderKind(value: string): string | undefined {
  const v = value.trim().replace(/^["']|["']$/g, '');
  if (v === '') return 'empty';
  if (PLACEHOLDER_WORDS.has(v.toLowerCase())) return 'a placeholder word';
  if (/^<[^>]*>$/.test(v) || /^\[[^\]]*\]$/.test(v)) return 'a placeholder in brackets';
  // References resolved elsewhere: shell/Docker ${VAR}, $VAR, Kubernetes $(VAR), templates.
  // `[^{}]*` stops at the next brace: `[^}]*` rescanned the rest of `${${${...` from every `${`.
  if (/\$\{[^{}]*\}|\$\([A-Za-z_][A-Za-z0-9_]*\)|^\$[A-Za-z_]\w*$|%\{[^{}]*\}/.test(v)) return 'a reference resolved elsewhere';
  const template = v.indexOf('{{');
  if (template >= 0 && v.indexOf('}}', template + 2) >= 0) return 'a reference resolved elsewhere';
  // Paths and file URLs point at a secret; they are not one.
  if (/^(\/|\.\/|\.\.\/|~\/|file:)/.test(v)) return 'a file path';
  if (/^(your|my|insert|enter|put|add|replace|set)[-_ ]/i.test(v)) return 'an instruction to fill it in';
  // The name of the variable or Secret key that holds the secret: AWS_SECRET_ACCESS_KEY.
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(v)) return 'a variable name';
  if (looksFake(v)) return 'filler';
  return undefined;
}

/**
 * Whether a value is a placeholder, a reference or a path rather than a
 * literal secret: "", changeme, <your-token>, ${VAR}, $(VAR), {{ .Values.x }},
 * EMPTY, sk-xxxx..., /run/secrets/token.
 */
export function isPlaceholderValue(value: string): boolean {
  return placeholderKind(value) !== undefined;
}

/** The --verbose note for a secret-like name whose value was skipped as a placeholder; never shows the value. */
export function placeholderNotice(what: string, value: string): string | undefined {
  const kind = placeholderKind(value);
  return kind && `${what} has a secret-like name but its value is ${kind}; not reported`;
}

/** Filler such as xxxx, ****, 0000, or text with EXAMPLE/XXXX in it. */
export function looksFake(v: string): boolean {
  if (/x{4,}|X{4,}|\*{3,}|\.{3,}|#{4,}|0{8,}|EXAMPLE|example|PLACEHOLDER|placeholder|REPLACE|YOUR_|your_|your-|<|>|1234567/.test(v)) return true;
  // Counting digits: 1234, 12345, 123456.
  if (/^1234(?:5(?:6)?)?$/.test(v)) return true;
  const body = v.replace(/^[a-z]{1,6}[-_](?:[a-z0-9]{1,8}[-_])?/i, '');
  if (body.length >= 8 && new Set(body.toLowerCase()).size < 6) return true;
  return false;
}

export interface TokenFormat {
  id: string;
  provider: string;
  pattern: RegExp;
}

/** Prefix-anchored token formats of model providers and common platforms. */
export const TOKEN_FORMATS: readonly TokenFormat[] = [
  { id: 'openai-legacy', provider: 'OpenAI API key', pattern: /\bsk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}\b/ },
  { id: 'openai-scoped', provider: 'OpenAI API key', pattern: /\bsk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,}/ },
  { id: 'anthropic', provider: 'Anthropic API key', pattern: /\bsk-ant-(?:api03|admin01)-[A-Za-z0-9_-]{32,}/ },
  { id: 'openrouter', provider: 'OpenRouter API key', pattern: /\bsk-or-v1-[a-f0-9]{64}\b/ },
  { id: 'huggingface', provider: 'Hugging Face token', pattern: /\bhf_[A-Za-z]{34}\b/ },
  { id: 'replicate', provider: 'Replicate API token', pattern: /\br8_[A-Za-z0-9]{37}\b/ },
  { id: 'groq', provider: 'Groq API key', pattern: /\bgsk_[A-Za-z0-9]{52}\b/ },
  { id: 'google', provider: 'Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/ },
  { id: 'pinecone', provider: 'Pinecone API key', pattern: /\bpcsk_[A-Za-z0-9]{4,12}_[A-Za-z0-9]{40,}\b/ },
  { id: 'langsmith', provider: 'LangSmith API key', pattern: /\blsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}\b/ },
  { id: 'perplexity', provider: 'Perplexity API key', pattern: /\bpplx-[A-Za-z0-9]{48}\b/ },
  { id: 'xai', provider: 'xAI API key', pattern: /\bxai-[A-Za-z0-9]{80}\b/ },
  { id: 'nvidia', provider: 'NVIDIA API key', pattern: /\bnvapi-[A-Za-z0-9_-]{64}(?![A-Za-z0-9_-])/ },
  { id: 'aws-access-key-id', provider: 'AWS access key id', pattern: /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/ },
  { id: 'github-classic', provider: 'GitHub token', pattern: /\bgh[pousr]_[A-Za-z0-9]{36}\b/ },
  { id: 'github-fine-grained', provider: 'GitHub token', pattern: /\bgithub_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}\b/ },
  { id: 'gitlab', provider: 'GitLab token', pattern: /\bglpat-[A-Za-z0-9_-]{20}\b/ },
  { id: 'slack', provider: 'Slack token', pattern: /\bxox[bpe]-[0-9A-Za-z-]{10,}/ },
  { id: 'private-key', provider: 'private key', pattern: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |PGP |ENCRYPTED )?PRIVATE KEY(?: BLOCK)?-----/ },
];

export interface TokenMatch {
  format: TokenFormat;
  /** Offset of the token in the scanned text. */
  index: number;
  token: string;
}

/** Every token format starts with one of these: one cheap test skips most strings. */
const TOKEN_PREFIXES = /sk-|hf_|r8_|gsk_|AIza|pcsk_|lsv2_|pplx-|xai-|nvapi-|AKIA|ASIA|ABIA|ACCA|gh[pousr]_|github_pat_|glpat-|xox[bpe]-|-----BEGIN/;

/** Finds provider tokens in text; documentation examples and filler are skipped. */
export function findTokens(text: string): TokenMatch[] {
  if (!TOKEN_PREFIXES.test(text)) return [];
  const out: TokenMatch[] = [];
  for (const format of TOKEN_FORMATS) {
    const re = new RegExp(format.pattern.source, 'g');
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const token = m[0];
      if (format.id !== 'private-key' && looksFake(token)) continue;
      out.push({ format, index: m.index, token });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

/**
 * A masked form that never shows a secret in full and stays on one line:
 * `hf_n…Zp (37 chars)`. Line breaks and control characters in the shown
 * ends become spaces.
 */
export function maskSecret(value: string): string {
  const v = value.trim();
  // eslint-disable-next-line no-control-regex
  const flat = (s: string) => s.replace(/[\s\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ');
  if (v.startsWith('-----BEGIN')) return `${v.slice(0, 10)}… (${v.length} chars)`;
  if (v.length >= 12) return `${flat(v.slice(0, 4))}…${flat(v.slice(-2))} (${v.length} chars)`;
  return `${flat(v.slice(0, 1))}… (${v.length} chars)`;
}

/** A secret-named string inside a JSON document: the first key whose name and value look secret. */
export function jsonSecretEntry(value: string): { key: string; value: string } | undefined {
  if (!/^\s*[{[]/.test(value)) return undefined;
  let doc: unknown;
  try {
    doc = JSON.parse(value);
  } catch {
    return undefined;
  }
  const walk = (node: unknown, depth: number): { key: string; value: string } | undefined => {
    if (depth > 32 || node === null || typeof node !== 'object') return undefined;
    for (const [k, v] of Array.isArray(node) ? node.map((x, i) => [String(i), x] as const) : Object.entries(node)) {
      if (typeof v === 'string' && !Array.isArray(node) && isSecretName(k) && !isPlaceholderValue(v)) return { key: k, value: v };
      const inner = walk(v, depth + 1);
      if (inner) return inner;
    }
    return undefined;
  };
  return walk(doc, 0);
}

/** A one-line preview of a secret value: the mask, or for a JSON document the inner key that is secret and its mask. */
export function previewSecret(value: string): string {
  const inner = jsonSecretEntry(value);
  if (!inner) return maskSecret(value);
  // eslint-disable-next-line no-control-regex
  const key = inner.key.replace(/[\u0000-\u001f\u007f-\u009f`]/g, '').slice(0, 60);
  return `JSON with secret key \`${key}\`: ${maskSecret(inner.value)}`;
}

/**
 * Credentials embedded in a URL: scheme://user:password@host. The scheme is
 * bounded (real ones are short): an unbounded one made `a.a.a.a...` rescan
 * the rest of the text from every letter.
 */
export const URL_CREDENTIALS = /\b[a-z][a-z0-9+.-]{0,31}:\/\/([^\s:/@'"]+):([^\s/@'"]+)@[^\s'"]+/gi;

export interface UrlCredentialMatch {
  index: number;
  password: string;
  passwordIndex: number;
}

export function findUrlCredentials(text: string): UrlCredentialMatch[] {
  const out: UrlCredentialMatch[] = [];
  const re = new RegExp(URL_CREDENTIALS.source, 'gi');
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const password = m[2];
    if (isPlaceholderValue(password)) continue;
    const passwordIndex = m.index + m[0].indexOf(':' + password + '@') + 1;
    out.push({ index: m.index, password, passwordIndex });
  }
  return out;
}

/** Files that carry credentials and must not be copied into an image. */
const SECRET_FILE_PATTERNS: readonly { pattern: RegExp; what: string }[] = [
  { pattern: /(^|\/)\.env(\.(?!example$|sample$|template$|dist$|defaults?$)[^/]+)?$/, what: 'dotenv file' },
  { pattern: /\.pem$/, what: 'PEM key/certificate' },
  { pattern: /\.key$/, what: 'private key file' },
  { pattern: /(^|\/)id_(rsa|dsa|ecdsa|ed25519)[^/]*$/, what: 'SSH private key' },
  { pattern: /(^|\/)\.netrc$/, what: '.netrc credentials' },
  { pattern: /(^|\/)\.npmrc$/, what: '.npmrc (registry token)' },
  { pattern: /(^|\/)\.pypirc$/, what: '.pypirc (index credentials)' },
  { pattern: /(^|\/)credentials[^/]*\.json$/, what: 'credentials JSON' },
  { pattern: /(^|\/)\.aws(\/|$)/, what: 'AWS credentials directory' },
  { pattern: /(^|\/)\.huggingface\/token$|(^|\/)huggingface\/token$/, what: 'Hugging Face token file' },
  { pattern: /(^|\/)kaggle\.json$/, what: 'Kaggle API token' },
  { pattern: /(^|\/)\.docker\/config\.json$/, what: 'Docker registry credentials' },
  { pattern: /(^|\/)\.git-credentials$/, what: 'git credentials' },
];

/** What kind of secret file a COPY/ADD source is, if any. */
export function secretFileKind(source: string): string | undefined {
  const s = source.replace(/\\/g, '/');
  const trimmed = trimTrailingSlashes(s);
  // One trailing slash kept when there were any: `~/.aws//` is the directory `~/.aws/`.
  const p = trimmed.length < s.length ? trimmed + '/' : s;
  for (const { pattern, what } of SECRET_FILE_PATTERNS) {
    if (pattern.test(trimmed) || pattern.test(p)) return what;
  }
  return undefined;
}
