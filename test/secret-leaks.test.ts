/**
 * No output of any kind may contain a secret from the linted files: random
 * tokens and passwords are planted in the places a pull request can put them
 * (values, flags, URLs, comments, keys, broken YAML, wrong types), and every
 * format, the baseline file, the job summary and the CLI's stderr are checked.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lint, formatInputFor } from '../src/index.js';
import { FORMAT_NAMES, loadFormatter } from '../src/format/index.js';
import { writeBaseline } from '../src/baseline.js';
import { renderSummary } from '../src/action.js';
import { Redactor } from '../src/redact.js';
import { project, REPO_ROOT } from './helpers.js';

const BIN = join(REPO_ROOT, 'dist', 'src', 'cli.js');

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const ALNUM = LETTERS + '0123456789';

function word(alphabet: string, length: number): fc.Arbitrary<string> {
  return fc.array(fc.constantFrom(...alphabet), { minLength: length, maxLength: length }).map((a) => a.join(''));
}

/** Random text that never looks like filler (mixed classes, no runs of one character). */
const password = fc
  .tuple(word(LETTERS, 6), word('0123456789', 3), word(ALNUM, 8))
  .map(([a, b, c]) => `${a}${b}${c}`)
  .filter((s) => !/(.)\1\1/.test(s) && new Set(s.toLowerCase()).size >= 8);

const token = fc.oneof(
  word(LETTERS, 34).map((s) => `hf_${s}`),
  word(ALNUM, 48).map((s) => `sk-proj-${s}`),
  word(ALNUM, 36).map((s) => `ghp_${s}`),
  word('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16).map((s) => `AKIA${s}`),
).filter((s) => new Set(s.slice(4).toLowerCase()).size >= 8);

type Plant = (secret: string) => Record<string, string>;

/** Where a pull request can put a secret, each as the files it adds. */
const PLACES: { name: string; secret: fc.Arbitrary<string>; files: Plant }[] = [
  { name: 'Dockerfile ENV', secret: token, files: (s) => ({ Dockerfile: `FROM python:3.12-slim\nENV HF_TOKEN=${s}\nCMD ["python", "serve.py"]\n` }) },
  { name: 'Dockerfile ARG default', secret: password, files: (s) => ({ Dockerfile: `FROM python:3.12-slim\nARG DB_PASSWORD=${s}\nRUN echo $DB_PASSWORD > /dev/null\n` }) },
  { name: 'shell-form CMD with a token', secret: token, files: (s) => ({ Dockerfile: `FROM python:3.12-slim\nCMD HF_TOKEN=${s} python serve.py\n` }) },
  { name: 'shell-form CMD with an --api-key', secret: token, files: (s) => ({ Dockerfile: `FROM python:3.12-slim\nCMD python serve.py --api-key ${s}\n` }) },
  { name: 'shell-form CMD with a password flag', secret: password, files: (s) => ({ Dockerfile: `FROM python:3.12-slim\nCMD python serve.py --db-password ${s}\n` }) },
  { name: 'ADD URL with credentials', secret: password, files: (s) => ({ Dockerfile: `FROM python:3.12-slim\nADD https://deploy:${s}@models.example.com/llama.safetensors /models/\n` }) },
  { name: 'login with a literal token', secret: token, files: (s) => ({ Dockerfile: `FROM python:3.12-slim\nRUN huggingface-cli login --token ${s}\n` }) },
  { name: 'suppression comment', secret: password, files: (s) => ({ Dockerfile: `FROM python:3.12-slim\n# genai-lint ignore=${s}\nRUN pip install vllm\n` }) },
  {
    name: 'env value',
    secret: password,
    files: (s) => ({ 'k8s/app.yaml': `apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n    - name: app\n      image: app:1.0\n      env:\n        - name: DB_PASSWORD\n          value: "${s}"\n` }),
  },
  {
    name: 'env as a list of strings (wrong type)',
    secret: password,
    files: (s) => ({ 'k8s/app.yaml': `apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n    - name: app\n      image: app:1.0\n      env: ["DB_PASSWORD=${s}"]\n` }),
  },
  {
    name: 'env value of the wrong type',
    secret: word('123456789', 12),
    files: (s) => ({ 'k8s/app.yaml': `apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n    - name: app\n      image: app:1.0\n      env:\n        - name: DB_PASSWORD\n          value: ${s}\n` }),
  },
  { name: 'block scalar header', secret: token, files: (s) => ({ 'k8s/cm.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  token: |${s}\n    more\n` }) },
  { name: 'alias', secret: password, files: (s) => ({ 'k8s/cm.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  password: *${s}\n` }) },
  {
    name: 'Secret data',
    secret: password,
    files: (s) => ({ 'k8s/secret.yaml': `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: ${Buffer.from(s).toString('base64')}\n` }),
  },
  { name: 'annotation', secret: token, files: (s) => ({ 'k8s/svc.yaml': `apiVersion: v1\nkind: Service\nmetadata:\n  name: svc\n  annotations:\n    note: "${s}"\nspec:\n  ports: [{port: 80}]\n` }) },
  { name: 'duplicate key', secret: token, files: (s) => ({ 'k8s/cm.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  ${s}: a\n  ${s}: b\n` }) },
  {
    name: 'URL in args',
    secret: password,
    files: (s) => ({ 'k8s/app.yaml': `apiVersion: v1\nkind: Pod\nmetadata:\n  name: app\nspec:\n  containers:\n    - name: app\n      image: app:1.0\n      args: ["--db-url=postgres://app:${s}@db:5432/app"]\n` }),
  },
  { name: 'Compose environment map', secret: token, files: (s) => ({ 'compose.yaml': `services:\n  api:\n    image: api:1.0\n    environment:\n      OPENAI_API_KEY: ${s}\n` }) },
  { name: 'Compose environment list', secret: password, files: (s) => ({ 'compose.yaml': `services:\n  api:\n    image: api:1.0\n    environment:\n      - DB_PASSWORD=${s}\n` }) },
  { name: 'Compose build args', secret: password, files: (s) => ({ 'compose.yaml': `services:\n  api:\n    build:\n      context: .\n      args:\n        DB_PASSWORD: ${s}\n` }) },
];

const planted = fc.array(
  fc.integer({ min: 0, max: PLACES.length - 1 }).chain((i) => PLACES[i].secret.map((secret) => ({ place: PLACES[i], secret }))),
  { minLength: 1, maxLength: 4 },
);

/** Every text the program writes for a report: each format, the baseline, the job summary, and the notices. */
async function everyOutput(dir: string): Promise<string> {
  const report = await lint({ paths: [dir], cwd: dir });
  const input = formatInputFor(report, dir);
  const out: string[] = [];
  for (const name of FORMAT_NAMES) out.push((await loadFormatter(name, false))(input));
  out.push((await loadFormatter('stylish', true))(input));
  const baseline = join(dir, 'baseline.json');
  writeBaseline(baseline, report.findings);
  out.push(readFileSync(baseline, 'utf8'));
  out.push(renderSummary(report.findings, report.filesChecked, dir, undefined));
  out.push(...report.notices, ...report.internalErrors.map((e) => `${e.message}\n${e.stack}`));
  return out.join('\n');
}

describe('no output contains a secret from the linted files', () => {
  it('holds for random secrets in every place a pull request can put them (seeded)', async () => {
    await fc.assert(
      fc.asyncProperty(planted, async (plants) => {
        // One file per place: a later plant in the same file name replaces the earlier one, so keep them apart.
        const files: Record<string, string> = {};
        plants.forEach(({ place, secret }, i) => {
          for (const [name, text] of Object.entries(place.files(secret))) files[`p${i}/${name}`] = text;
        });
        const output = await everyOutput(project(files));
        for (const { place, secret } of plants) {
          expect(output.includes(secret), `${place.name}: the secret appears in the output`).toBe(false);
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 40), seed: 20261130 },
    );
  });

  it('every place is covered by at least one finding or parse error, so the property tests real messages', async () => {
    const files: Record<string, string> = {};
    PLACES.forEach((place, i) => {
      const secret = fc.sample(place.secret, { numRuns: 1, seed: i })[0];
      for (const [name, text] of Object.entries(place.files(secret))) files[`p${i}/${name}`] = text;
    });
    const dir = project(files);
    const report = await lint({ paths: [dir], cwd: dir });
    const places = new Set(report.findings.map((f) => f.file.split('/')[0]));
    const silent = PLACES.filter((_, i) => !places.has(`p${i}`)).map((p) => p.name);
    expect(silent).toEqual([]);
  });

  it('the CLI prints no secret on stdout or stderr, with --verbose, in every format', () => {
    const secrets = PLACES.map((place, i) => fc.sample(place.secret, { numRuns: 1, seed: 100 + i })[0]);
    const files: Record<string, string> = {};
    PLACES.forEach((place, i) => {
      for (const [name, text] of Object.entries(place.files(secrets[i]))) files[`p${i}/${name}`] = text;
    });
    const dir = project(files);
    for (const format of FORMAT_NAMES) {
      const r = spawnSync(process.execPath, [BIN, '.', '--verbose', '--format', format], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
      expect(r.status).toBe(1);
      for (const [i, s] of secrets.entries()) {
        expect(r.stdout.includes(s), `${format} stdout shows the secret of ${PLACES[i].name}`).toBe(false);
        expect(r.stderr.includes(s), `${format} stderr shows the secret of ${PLACES[i].name}`).toBe(false);
      }
    }
  });
});

describe('Redactor', () => {
  it('masks token formats, URL passwords and secret-named assignments, and leaves other text alone', () => {
    const r = new Redactor(['s3cr3tValue!x']);
    expect(r.text('CMD HF_TOKEN=hf_AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEfGh python')).toBe('CMD HF_TOKEN=hf_A…Gh (37 chars) python');
    expect(r.text('ADD https://u:Pa55wordQ7xy@host/x.bin')).toBe('ADD https://u:Pa55…xy (12 chars)@host/x.bin');
    expect(r.text('got string "DB_PASSWORD=Zk3mq8Lr2Wx4"')).toBe('got string "DB_PASSWORD=Zk3m…x4 (12 chars)"');
    expect(r.text('python serve.py --api-key Qm7vXr2LpZ9w')).toBe('python serve.py --api-key Qm7v…9w (12 chars)');
    expect(r.text('["python", "--api-key", "Qm7vXr2LpZ9w"]')).toBe('["python", "--api-key", "Qm7v…9w (12 chars)"]');
    expect(r.text('{"db_password": "Zk3mq8Lr2Wx4"}')).toBe('{"db_password": "Zk3m…x4 (12 chars)"}');
    expect(r.text('value s3cr3tValue!x here')).toBe('value s3cr…!x (13 chars) here');
    expect(r.text('MAX_TOKENS=4096 and HF_TOKEN=${HF_TOKEN} and --token-file /run/t')).toBe('MAX_TOKENS=4096 and HF_TOKEN=${HF_TOKEN} and --token-file /run/t');
    // Masked text stays as it is when redacted again.
    const once = r.text('HF_TOKEN=hf_AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEfGh DB_PASSWORD=Zk3mq8Lr2Wx4');
    expect(r.text(once)).toBe(once);
  });

  it('is linear on long texts without secrets', () => {
    const r = new Redactor();
    const long = 'a'.repeat(200_000) + ' ' + 'https://'.repeat(20_000) + ' ' + 'PASSWORD'.repeat(20_000);
    const started = Date.now();
    r.text(long);
    // Generous: a quadratic scan of this text takes minutes.
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
