/**
 * Hostile input: generated worst cases for parsing and linting. Each input
 * crashed a run, hid findings, or took tens of seconds (or gigabytes) before
 * the linear algorithms and per-file guards; the assertions are on outcomes,
 * and each test's generous timeout only stops a regression from hanging CI.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../rules/index.js';
import { findUrlCredentials, isPlaceholderValue } from '../rules/lib/secrets.js';
import { lintSources } from '../src/engine/runner.js';
import { kindByContent } from '../src/engine/sources.js';
import { runLint } from '../src/engine/run.js';
import type { SourceInput } from '../src/engine/sources.js';
import { compileGlob, dockerignoreMatcher } from '../src/engine/build-context.js';
import { parseDirective } from '../src/engine/suppressions.js';
import { parseDockerfile } from '../src/parse/dockerfile.js';
import { expandVariables } from '../src/parse/dockerfile-variables.js';
import { parseYaml } from '../src/parse/yaml.js';
import type { Finding } from '../src/types.js';
import { configOf, project, REPO_ROOT } from './helpers.js';

const BIN = join(REPO_ROOT, 'dist', 'src', 'cli.js');
const LONG = 20_000;

/** A deterministic token of the Hugging Face format (34 letters), different for each n. */
function hfToken(n: number): string {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let seed = n * 7919 + 17;
  let out = 'hf_';
  for (let i = 0; i < 34; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    out += letters[seed % 52];
  }
  return out;
}

function source(displayPath: string, text: string, kind: SourceInput['kind'] = displayPath.endsWith('.yaml') ? 'yaml' : 'dockerfile'): SourceInput {
  return { displayPath, kind, contextOnly: false, text };
}

function lint(...sources: SourceInput[]) {
  return lintSources({ sources, config: configOf(), rules: RULES });
}

const ids = (findings: readonly Finding[], file?: string) => findings.filter((f) => !file || f.file === file).map((f) => f.ruleId);

const GOOD_SECRET = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: hf\nstringData:\n  HF_TOKEN: ${hfToken(1)}\n`;

describe('crashes and lost findings', () => {
  it('a variable nested 3,000 deep expands without recursion, and the other files keep their findings', () => {
    const depth = 3000;
    const nested = '${A:-'.repeat(depth) + 'x' + '}'.repeat(depth);
    expect(expandVariables(nested, new Map()).value).toBe('x');
    const r = lint(source('deep/Dockerfile', `FROM alpine:3.20\nENV X=${nested}\n`), source('secret.yaml', GOOD_SECRET));
    expect(ids(r.findings, 'secret.yaml')).toContain('k8s/no-plaintext-secrets');
    expect(r.internalErrors).toEqual([]);
  }, 20_000);

  it('20,000 ENV lines share one scope store: each instruction sees the variables before it', () => {
    const lines = Array.from({ length: LONG }, (_, i) => `ENV A${i}=v${i} B${i}=$A${i}`);
    const model = parseDockerfile(`FROM alpine:3.20\n${lines.join('\n')}\nRUN echo $A0 $A${LONG - 1}\n`);
    const last = model.instructions[model.instructions.length - 1];
    expect(last.scope.get('A0')?.value).toBe('v0');
    expect(last.scope.get(`A${LONG - 1}`)?.value).toBe(`v${LONG - 1}`);
    const env = model.instructions[LONG];
    expect(env.properties[1].resolved).toBe(`v${LONG - 1}`);
    expect(env.scope.get(`A${LONG - 1}`)).toBeUndefined();
  }, 30_000);

  it('a RUN line of 8,000 tokens gets a finding per token with distinct fingerprints', () => {
    const n = 8000;
    const run = Array.from({ length: n }, (_, i) => hfToken(i)).join(' ');
    const r = lint(source('Dockerfile', `FROM alpine:3.20\nRUN echo ${run}\n`));
    const secrets = r.findings.filter((f) => f.ruleId === 'dockerfile/no-secrets');
    expect(secrets).toHaveLength(n);
    expect(new Set(secrets.map((f) => f.fingerprint)).size).toBe(n);
  }, 30_000);

  it('a file past its time allowance becomes a "too complex" parse-error for that file, and the run goes on', () => {
    const r = lintSources({ sources: [source('a.yaml', GOOD_SECRET), source('Dockerfile', 'FROM alpine\n')], config: configOf(), rules: RULES, limits: { seconds: -1, heapMB: 1024 } });
    expect(r.findings.map((f) => `${f.file} ${f.ruleId}`)).toEqual(['Dockerfile parse-error', 'a.yaml parse-error']);
    expect(r.findings[0].message).toMatch(/too complex/);
    expect(r.internalErrors).toEqual([]);
  });

  it('a `{{` in a comment and one broken document do not skip the valid documents of the file', () => {
    const text = `# values come from {{ .Values }}\n${GOOD_SECRET}---\nkey: [unclosed\n`;
    const r = lint(source('mixed.yaml', text));
    expect(ids(r.findings)).toContain('k8s/no-plaintext-secrets');
    expect(r.findings.find((f) => f.ruleId === 'parse-error')?.range.start.line).toBe(10);
  });

  it('a template document is skipped and reported; the documents beside it are linted', () => {
    const text = `${GOOD_SECRET}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels:\n    {{- include "labels" . | nindent 4 }}\n  name: x\n`;
    const r = lint(source('chart.yaml', text));
    expect(ids(r.findings)).toEqual(['k8s/no-plaintext-secrets']);
    expect(r.skipped).toEqual(['skipped chart.yaml: {{ }} template syntax shapes 1 of 2 documents; render the template to lint what it produces']);
  });

  it('a file whose first document is Compose still has its Kubernetes documents linted', () => {
    const text = `services:\n  web:\n    image: nginx:1.27\n---\n${GOOD_SECRET}`;
    const r = lint(source('stack.yaml', text));
    const f = r.findings.find((x) => x.ruleId === 'k8s/no-plaintext-secrets');
    expect(f?.range.start.line).toBe(10);
  });

  it('a Pod that hides its spec under `__proto__` is reported by the schema check', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n__proto__:\n  spec:\n    containers:\n    - name: c\n      image: x:1\n';
    const r = lint(source('pod.yaml', text));
    const f = r.findings.find((x) => x.ruleId === 'k8s/schema');
    expect(f?.message).toMatch(/unknown field `__proto__`/);
    expect(f?.range.start.line).toBe(5);
  });

  it('directories past the depth bound are reported in the default output and counted in the summary', () => {
    const deep = Array.from({ length: 102 }, () => 'd').join('/');
    const dir = project({ [`${deep}/Dockerfile`]: 'FROM python:3.11\n' });
    const r = spawnSync(process.execPath, [BIN, '.'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toMatch(/genai-lint: skipped d(\/d){100}: more than 100 directories deep/);
    expect(r.stdout).toMatch(/0 files checked, 1 skipped/);
  });
});

describe('time and memory bombs', () => {
  it('URL credentials: `a.a.a.a...` is scanned once, and real credentials are still found', () => {
    expect(findUrlCredentials('echo ' + 'a.'.repeat(50_000))).toEqual([]);
    expect(findUrlCredentials('pip install --index-url https://user:s3cr3tPa55@pypi.example.org/simple')).toHaveLength(1);
  }, 20_000);

  it('placeholder checks on `${${${...` stop at the next brace', () => {
    expect(isPlaceholderValue('${a1b2c3d4'.repeat(20_000))).toBe(false);
    expect(isPlaceholderValue('{{a1b2c3d4'.repeat(20_000))).toBe(false);
    expect(isPlaceholderValue('%{a1b2c3d4'.repeat(20_000))).toBe(false);
    expect(isPlaceholderValue('${HF_TOKEN}')).toBe(true);
    expect(isPlaceholderValue('{{ .Values.token }}')).toBe(true);
  }, 20_000);

  it('a suppression directive with a long run of blanks is parsed by indexOf', () => {
    expect(parseDirective('genai-lint ignore=a' + ' '.repeat(50_000) + 'b')?.ruleIds).toEqual(['a' + ' '.repeat(50_000) + 'b']);
    expect(parseDirective('genai-lint ignore=a, b -- why')).toEqual({ fileWide: false, ruleIds: ['a', 'b'], reason: 'why' });
  }, 20_000);

  it('`huggingface-cli login` repeated 20,000 times on one line, and a real login still found', () => {
    const r = lint(source('Dockerfile', `FROM alpine:3.20\nRUN ${'huggingface-cli login '.repeat(LONG)}\nRUN huggingface-cli login --token ${hfToken(3).replace('hf_', 'abc')}\n`));
    const logins = r.findings.filter((f) => f.ruleId === 'dockerfile/no-secrets' && /huggingface-cli login/.test(f.message));
    expect(logins.map((f) => f.range.start.line)).toEqual([3]);
  }, 30_000);

  it('40,000 consecutive suppression comments are resolved in one pass', () => {
    const n = 40_000;
    const text = '# genai-lint ignore=k8s/probes\n'.repeat(n) + 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n';
    const r = lint(source('cm.yaml', text));
    expect(r.findings.filter((f) => f.ruleId === 'unused-suppression')).toHaveLength(n);
  }, 30_000);

  it('kindByContent on 100,000 blank lines', () => {
    expect(kindByContent('\n'.repeat(100_000) + 'x')).toBe('yaml');
    expect(kindByContent('\n'.repeat(100_000) + 'FROM alpine\n')).toBe('dockerfile');
  }, 20_000);

  it('.dockerignore globs run as an automaton: no backtracking, and an invalid class matches nothing', () => {
    expect(compileGlob('*a*a*a*a*a*a*a*a*a*a*b')('a'.repeat(200))).toBe(false);
    expect(compileGlob('*a*a*a*a*a*a*a*a*a*a*b')('a'.repeat(20) + 'b')).toBe(true);
    expect(dockerignoreMatcher('[z-a]\n')('z')).toBe(false);
    const m = dockerignoreMatcher('**/*.md\n!README.md\nmodels/\n[abc]?.bin\n');
    expect(['docs/x.md', 'README.md', 'models/w.safetensors', 'a1.bin', 'd1.bin'].map(m)).toEqual([true, false, true, true, false]);
  }, 20_000);

  it('40,000 keys in one mapping: duplicates found in one pass, at the repeated key', () => {
    const keys = Array.from({ length: 40_000 }, (_, i) => `  k${i}: v`);
    keys.push('  k7: again');
    const model = parseYaml(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n${keys.join('\n')}\n`);
    const warnings = model.documents[0].warnings;
    expect(warnings.map((w) => `${w.range.start.line}:${w.range.start.column} ${w.message}`)).toEqual([
      '40006:3 duplicate key `k7`: only one of the values takes effect',
    ]);
  }, 30_000);

  it('k8s/service-selector on 1,000 Services and 1,000 Deployments', () => {
    const n = 1000;
    const docs: string[] = [];
    for (let i = 0; i < n; i++) docs.push(`apiVersion: v1\nkind: Service\nmetadata:\n  name: s${i}\nspec:\n  selector:\n    app: svc${i}\n    tier: a\n  ports: [{port: 80}]`);
    for (let i = 0; i < n; i++) docs.push(`apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d${i}\nspec:\n  selector: {matchLabels: {app: d${i}}}\n  template:\n    metadata:\n      labels: {app: d${i}, tier: a}\n    spec:\n      containers: [{name: c, image: x:1}]`);
    const r = lint(source('many.yaml', docs.join('\n---\n') + '\n'));
    const selector = r.findings.filter((f) => f.ruleId === 'k8s/service-selector');
    expect(selector).toHaveLength(n);
    expect(selector[0].message).toContain('closest: Deployment `d0` with app=d0,tier=a');
  }, 60_000);

  it('aliases under the alias-count limit that expand past the size budget are a parse-error', () => {
    // 203 aliases (under the limit of 1,000) standing for 40 million characters.
    let t = `a0: &a0 "${'password=hunter2 '.repeat(4000)}"\n`;
    t += `a1: &a1 [${Array(200).fill('*a0').join(', ')}]\n`;
    t += `a2: &a2 [${Array(3).fill('*a1').join(', ')}]\n`;
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n  ' + t.split('\n').join('\n  ') + '\n';
    expect(text.length).toBeLessThan(100_000);
    const r = lint(source('alias.yaml', text));
    expect(r.findings.map((f) => f.ruleId)).toEqual(['parse-error']);
    expect(r.findings[0].message).toMatch(/expand to more than/);
  }, 20_000);

  it('standard input over maxFileSizeMB is not linted', async () => {
    const dir = project({ '.genai-lint.yaml': 'maxFileSizeMB: 1\n' });
    const config = configOf({ maxFileSizeMB: 1 });
    const r = await runLint({ paths: ['-'], cwd: dir, config, rules: RULES, stdin: { text: `# ${'x'.repeat(2 ** 20)}\n` } });
    expect(r.findings.map((f) => `${f.file} ${f.ruleId}`)).toEqual(['<stdin> unreadable-file']);
    expect(r.findings[0].message).toMatch(/over the 1 MB limit/);
  });

  it('the CLI reads standard input up to the cap, not to its end', () => {
    const dir = project({ '.genai-lint.yaml': 'maxFileSizeMB: 1\n' });
    const r = spawnSync(process.execPath, [BIN, '-', '-f', 'json'], { cwd: dir, input: 'a'.repeat(3 * 2 ** 20), encoding: 'utf8', timeout: 60_000 });
    expect(JSON.parse(r.stdout).findings.map((f: Finding) => f.ruleId)).toEqual(['unreadable-file']);
  });
});

describe('nothing from the repository runs, nothing reaches the network', () => {
  it('a `!!js/function` tag stays data: the value is a string, never a function', () => {
    const model = parseYaml('args: [!!js/function "function () { return 1 }"]\n');
    const args = (model.documents[0].value as { args: unknown[] }).args;
    expect(args.every((a) => typeof a !== 'function')).toBe(true);
  });

  it('a custom policy whose schema references a remote URL is a config error, resolved nowhere', () => {
    const dir = project({
      '.genai-lint.yaml': 'policies:\n  custom:\n    - id: acme/remote\n      message: remote\n      match: { target: k8s }\n      schema: { $ref: "https://schemas.example.com/x.json" }\n',
      'k8s/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n',
    });
    const r = spawnSync(process.execPath, [join(REPO_ROOT, 'dist', 'src', 'cli.js'), '.'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("can't resolve reference https://schemas.example.com/x.json");
  });
});
