/**
 * What counts as a secret: secret-like variable names, placeholder values,
 * and prefix-anchored provider token formats. Shared by every secret rule.
 */

/** Splits a variable name into upper-case words: hfToken -> [HF, TOKEN], NGC_API_KEY -> [NGC, API, KEY]. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toUpperCase());
}

/** Words that make a variable hold a secret wherever they appear. */
const SECRET_WORDS = new Set([
  'TOKEN', 'SECRET', 'PASSWORD', 'PASSWD', 'PASSPHRASE', 'APIKEY', 'APITOKEN', 'ACCESSTOKEN', 'AUTHTOKEN', 'PRIVATEKEY', 'CLIENTSECRET',
]);

/** Words before KEY that make it a secret key (API_KEY, SECRET_KEY, ...); a bare *_KEY is not. */
const KEY_QUALIFIERS = new Set(['API', 'ACCESS', 'SECRET', 'PRIVATE', 'ENCRYPTION', 'SIGNING', 'MASTER', 'AUTH', 'SERVICE', 'LICENSE', 'ADMIN', 'WEBHOOK', 'HMAC', 'JWT', 'SESSION']);

/** A last word that makes the variable describe a secret rather than hold one. */
const DESCRIPTIVE_SUFFIXES = new Set([
  'FILE', 'FILES', 'PATH', 'DIR', 'DIRECTORY', 'URL', 'URI', 'ENDPOINT', 'HOST', 'PORT', 'NAME', 'ID', 'TYPE', 'HEADER',
  'LENGTH', 'LEN', 'LIMIT', 'SIZE', 'COUNT', 'EXPIRY', 'EXPIRES', 'TTL', 'TIMEOUT', 'ENABLED', 'ENABLE', 'DISABLED', 'REF',
  'MOUNT', 'KEYS', 'FIELD', 'ENV', 'VAR', 'PREFIX', 'SUFFIX', 'FORMAT', 'SOURCE', 'PROVIDER', 'REGION', 'ALGORITHM', 'MODE',
  'VERSION', 'SCOPE', 'SCOPES', 'AUDIENCE', 'ISSUER', 'LOCATION', 'SECRETS',
]);

/**
 * Words that mark a count or setting of tokens, or a tokenizer's special
 * token (PAD_TOKEN, EOS_TOKEN), not an access token.
 */
const NOT_SECRET_WORDS = new Set([
  'TOKENS', 'TOKENIZER', 'TOKENIZERS', 'MAX', 'MIN', 'NUM', 'TOTAL', 'PUBLIC',
  'PAD', 'EOS', 'BOS', 'UNK', 'SEP', 'CLS', 'MASK', 'STOP', 'SPECIAL', 'BUDGET',
]);

/**
 * Whether a variable name says it holds a secret, matching on word
 * boundaries: HF_TOKEN, OPENAI_API_KEY, DB_PASSWORD are; MAX_NEW_TOKENS,
 * TOKENIZERS_PARALLELISM, OPENAI_BASE_URL, SSL_KEY_FILE, PUBLIC_KEY are not.
 */
export function isSecretName(name: string): boolean {
  const words = nameWords(name);
  if (!words.length) return false;
  if (words.some((w) => NOT_SECRET_WORDS.has(w))) return false;
  if (DESCRIPTIVE_SUFFIXES.has(words[words.length - 1])) return false;
  if (words.some((w) => SECRET_WORDS.has(w))) return true;
  for (let i = 0; i < words.length; i++) {
    if (words[i] === 'KEY' && i > 0 && KEY_QUALIFIERS.has(words[i - 1])) return true;
    if (words[i] === 'PWD' && i > 0) return true;
  }
  return false;
}

const PLACEHOLDER_WORDS = new Set([
  '', 'changeme', 'change-me', 'change_me', 'changeit', 'replaceme', 'replace-me', 'replace_me', 'empty', 'none', 'null', 'nil',
  'dummy', 'placeholder', 'example', 'sample', 'todo', 'tbd', 'fixme', 'redacted', 'secret', 'password', 'token', 'xxx',
  'true', 'false', 'yes', 'no', 'on', 'off', 'test', 'fake', 'unset', 'not-set', 'notset', 'your-token', 'your_token',
  'your-api-key', 'your_api_key', 'your-key', 'your_key', 'api-key', 'api_key', 'apikey', 'mock', 'default', 'na', 'n/a',
]);

/**
 * Whether a value is a placeholder, a reference or a path rather than a
 * literal secret: "", changeme, <your-token>, ${VAR}, $(VAR), {{ .Values.x }},
 * EMPTY, sk-xxxx..., /run/secrets/token.
 */
export function isPlaceholderValue(value: string): boolean {
  const v = value.trim().replace(/^["']|["']$/g, '');
  if (PLACEHOLDER_WORDS.has(v.toLowerCase())) return true;
  if (/^<[^>]*>$/.test(v) || /^\[[^\]]*\]$/.test(v)) return true;
  // References resolved elsewhere: shell/Docker ${VAR}, $VAR, Kubernetes $(VAR), templates.
  // `[^{}]*` stops at the next brace: `[^}]*` rescanned the rest of `${${${...` from every `${`.
  if (/\$\{[^{}]*\}|\$\([A-Za-z_][A-Za-z0-9_]*\)|^\$[A-Za-z_]\w*$|%\{[^{}]*\}/.test(v)) return true;
  const template = v.indexOf('{{');
  if (template >= 0 && v.indexOf('}}', template + 2) >= 0) return true;
  // Paths and file URLs point at a secret; they are not one.
  if (/^(\/|\.\/|\.\.\/|~\/|file:)/.test(v)) return true;
  if (/^(your|my|insert|enter|put|add|replace|set)[-_ ]/i.test(v)) return true;
  if (looksFake(v)) return true;
  return false;
}

/** Filler such as xxxx, ****, 0000, or text with EXAMPLE/XXXX in it. */
export function looksFake(v: string): boolean {
  if (/x{4,}|X{4,}|\*{3,}|\.{3,}|#{4,}|0{8,}|EXAMPLE|example|PLACEHOLDER|placeholder|REPLACE|YOUR_|your_|your-|<|>|1234567/.test(v)) return true;
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

/** A masked form that never shows a secret in full: `hf_n…Zp (37 chars)`. */
export function maskSecret(value: string): string {
  const v = value.trim();
  if (v.startsWith('-----BEGIN')) return `${v.slice(0, 10)}… (${v.length} chars)`;
  if (v.length >= 12) return `${v.slice(0, 4)}…${v.slice(-2)} (${v.length} chars)`;
  return `${v.slice(0, 1)}… (${v.length} chars)`;
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
  const p = source.replace(/\\/g, '/').replace(/\/+$/, (m) => (m ? '/' : ''));
  const trimmed = p.replace(/\/$/, '');
  for (const { pattern, what } of SECRET_FILE_PATTERNS) {
    if (pattern.test(trimmed) || pattern.test(p)) return what;
  }
  return undefined;
}
