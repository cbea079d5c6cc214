import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RULES } from '../rules/index.js';
import { lintSources } from '../src/engine/runner.js';
import { runLint } from '../src/engine/run.js';
import { loadConfig } from '../src/config/index.js';
import { Share } from '../src/engine/share.js';
import { mergeShares } from '../src/engine/parallel.js';
import type { SourceInput } from '../src/engine/sources.js';
import { decodeText } from '../src/text.js';
import { configOf, fixtureFiles, FIXTURES, REPO_ROOT, project } from './helpers.js';
import { discover, kindByName } from '../src/discover.js';

const BIN = join(REPO_ROOT, 'dist', 'src', 'cli.js');

/**
 * The self-contained CLI bundle copied where any user can read it: another
 * user cannot enter a checkout under a private (0700) directory.
 */
let publicBin: string | undefined;
function binForOtherUsers(): string {
  if (publicBin) return publicBin;
  const dir = mkdtempSync(join(tmpdir(), 'genai-lint-public-'));
  for (const part of ['action-dist', 'schemas', 'package.json']) cpSync(join(REPO_ROOT, part), join(dir, part), { recursive: true });
  chmodSync(dir, 0o755);
  return (publicBin = join(dir, 'action-dist', 'cli.js'));
}

function run(args: string[], cwd: string, asUser?: string) {
  const cmd = asUser ? 'setpriv' : process.execPath;
  const cmdArgs = asUser ? ['--reuid', asUser, '--regid', asUser, '--clear-groups', process.execPath, binForOtherUsers(), ...args] : [BIN, ...args];
  return spawnSync(cmd, cmdArgs, { cwd, encoding: 'utf8', timeout: 60_000 });
}

function lintBytes(name: string, bytes: Uint8Array) {
  const { text, problem } = decodeText(bytes);
  const source: SourceInput = { displayPath: name, kind: kindByName(name) ?? 'dockerfile', contextOnly: false, ...(problem ? { problem } : { text }) };
  return { result: lintSources({ sources: [source], config: configOf(), rules: RULES }), text };
}

describe('fuzzing the real pipeline (fast-check, seeded)', () => {
  const seeds = fixtureFiles(FIXTURES)
    .filter((f) => /\.(ya?ml)$|Dockerfile$|\.Dockerfile$/.test(f))
    .map((f) => ({ name: f.split('/').pop()!, bytes: readFileSync(f) }));
  const runs = Number(process.env.FUZZ_RUNS ?? 150);

  const mutation = fc.oneof(
    fc.record({ op: fc.constant('bytes' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }),
    fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
    fc.record({ op: fc.constant('delete-line' as const), at: fc.nat() }),
    fc.record({ op: fc.constant('duplicate-line' as const), at: fc.nat() }),
    fc.record({ op: fc.constant('nest' as const), depth: fc.integer({ min: 50, max: 3000 }) }),
    fc.record({ op: fc.constant('long-line' as const), at: fc.nat(), length: fc.integer({ min: 1000, max: 100_000 }) }),
    fc.record({ op: fc.constant('tab-indent' as const), at: fc.nat() }),
    fc.record({ op: fc.constant('template' as const), at: fc.nat() }),
    fc.record({ op: fc.constant('nul' as const), at: fc.nat() }),
    fc.record({ op: fc.constant('invalid-utf8' as const), at: fc.nat() }),
  );

  function apply(bytes: Buffer, m: fc.Arbitrary<unknown> extends never ? never : any): Buffer {
    const text = bytes.toString('latin1');
    const lines = text.split('\n');
    const pos = (n: number, len: number) => (len ? n % (len + 1) : 0);
    switch (m.op) {
      case 'bytes': {
        const at = pos(m.at, bytes.length);
        return Buffer.concat([bytes.subarray(0, at), Buffer.from(m.bytes), bytes.subarray(at)]);
      }
      case 'truncate':
        return bytes.subarray(0, pos(m.at, bytes.length));
      case 'delete-line':
        lines.splice(pos(m.at, lines.length - 1), 1);
        return Buffer.from(lines.join('\n'), 'latin1');
      case 'duplicate-line': {
        const i = pos(m.at, lines.length - 1);
        lines.splice(i, 0, lines[i] ?? '');
        return Buffer.from(lines.join('\n'), 'latin1');
      }
      case 'nest':
        return Buffer.concat([bytes, Buffer.from(`\nx: ${'['.repeat(m.depth)}${']'.repeat(m.depth)}\nCMD ${'['.repeat(m.depth)}\n`)]);
      case 'long-line': {
        const i = pos(m.at, lines.length - 1);
        lines.splice(i, 0, `ENV A=${'x'.repeat(m.length)}`);
        return Buffer.from(lines.join('\n'), 'latin1');
      }
      case 'tab-indent': {
        const i = pos(m.at, lines.length - 1);
        lines[i] = '\t' + (lines[i] ?? '');
        return Buffer.from(lines.join('\n'), 'latin1');
      }
      case 'template': {
        const i = pos(m.at, lines.length - 1);
        lines.splice(i, 0, '  {{- include "chart.labels" . | nindent 4 }}');
        return Buffer.from(lines.join('\n'), 'latin1');
      }
      case 'nul': {
        const at = pos(m.at, bytes.length);
        return Buffer.concat([bytes.subarray(0, at), Buffer.from([0]), bytes.subarray(at)]);
      }
      case 'invalid-utf8': {
        const at = pos(m.at, bytes.length);
        return Buffer.concat([bytes.subarray(0, at), Buffer.from([0xc3, 0x28, 0xff]), bytes.subarray(at)]);
      }
    }
    return bytes;
  }

  it(`never throws, never crashes a rule, and every position is inside the file (${runs} cases)`, () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: seeds.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), (seedIndex, mutations) => {
        const seed = seeds[seedIndex];
        const bytes = mutations.reduce((b: Buffer, m) => apply(b, m), seed.bytes);
        const { result, text } = lintBytes(seed.name, bytes);
        expect(result.internalErrors).toEqual([]);
        const lineCount = (text ?? '').split(/\r\n|\r|\n/).length;
        for (const f of result.findings) {
          expect(f.range.start.line).toBeGreaterThanOrEqual(1);
          expect(f.range.start.line).toBeLessThanOrEqual(Math.max(lineCount, 1));
          expect(f.range.start.column).toBeGreaterThanOrEqual(1);
        }
      }),
      { seed: 20261127, numRuns: runs },
    );
  }, 120_000);
});

describe('bad-input catalogue', () => {
  it('binary files named Dockerfile or *.yaml: one "not a text file" finding each, skipped', () => {
    const dir = project({ Dockerfile: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]), 'model.yaml': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]) });
    const out = JSON.parse(run(['-f', 'json', '.'], dir).stdout);
    expect(out.findings.map((f: { ruleId: string; file: string; message: string }) => `${f.file} ${f.ruleId} ${f.message}`)).toEqual([
      'Dockerfile unreadable-file not a text file (contains NUL bytes); skipped',
      'model.yaml unreadable-file not a text file (contains NUL bytes); skipped',
    ]);
  });
  it('empty files and files with only comments lint cleanly', () => {
    const dir = project({ 'empty.yaml': '', Dockerfile: '', 'comments.yaml': '# nothing here\n# at all\n', 'c.Dockerfile': '# only a comment\n' });
    const r = run(['-f', 'json', '.'], dir);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).findings).toEqual([]);
  });
  it('invalid UTF-8 and UTF-16 with a BOM are reported, not misread', () => {
    const dir = project({ 'latin1.yaml': Buffer.from('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: caf\xe9}\n', 'latin1'), 'utf16.yaml': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('apiVersion: v1\n', 'utf16le')]) });
    const msgs = JSON.parse(run(['-f', 'json', '.'], dir).stdout).findings.map((f: { file: string; message: string }) => `${f.file}: ${f.message}`);
    expect(msgs).toEqual(['latin1.yaml: not valid UTF-8 text; skipped', 'utf16.yaml: file is UTF-16 encoded; save it as UTF-8; skipped']);
  });
  it('a file over the size cap is skipped with a finding; the cap is configurable', () => {
    const big = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n  blob: "' + 'a'.repeat(2 * 2 ** 20) + '"\n';
    const dir = project({ 'big.yaml': big, '.genai-lint.yaml': 'maxFileSizeMB: 1\n' });
    const f = JSON.parse(run(['-f', 'json', '.'], dir).stdout).findings;
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ ruleId: 'unreadable-file', file: 'big.yaml' });
    expect(f[0].message).toMatch(/^file is 2\.0 MB, over the 1 MB limit \(maxFileSizeMB\); skipped$/);
  });
  it('a YAML alias bomb is bounded in time and memory and reported', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill('*' + String.fromCharCode(96 + i)).join(',')}]`);
    const dir = project({ 'bomb.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bomb}\ndata:\n' + levels.map((l) => '  ' + l).join('\n') + '\n' });
    const started = Date.now();
    const r = run(['-f', 'json', '.'], dir);
    expect(Date.now() - started).toBeLessThan(20_000);
    const f = JSON.parse(r.stdout).findings;
    expect(f.map((x: { ruleId: string }) => x.ruleId)).toEqual(['parse-error']);
    expect(f[0].message).toMatch(/alias/i);
  });
  it('10,000-deep nesting in YAML and in a JSON-form CMD: no stack overflow', () => {
    const dir = project({ 'deep.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata: ' + '['.repeat(10_000) + ']'.repeat(10_000) + '\n', Dockerfile: 'FROM python:3.11\nUSER 1000\nCMD ' + '['.repeat(10_000) + ']'.repeat(10_000) + '\n' });
    const r = run(['-f', 'json', '.'], dir);
    expect([0, 1]).toContain(r.status);
    expect(r.stderr).not.toMatch(/RangeError|Maximum call stack/);
    const f = JSON.parse(r.stdout).findings as { ruleId: string; file: string }[];
    expect(f.some((x) => x.ruleId === 'internal-error')).toBe(false);
    expect(f.filter((x) => x.file === 'deep.yaml').map((x) => x.ruleId)).toContain('parse-error');
  });
  it('a symlink to a file inside the tree is linted, one outside it is not; a symlink loop is not followed', () => {
    const outside = project({ 'Dockerfile.shared': 'FROM python\nCMD ["x"]\n' });
    const dir = project({ 'svc/keep.yaml': 'a: 1\n', 'shared/Dockerfile.base': 'FROM python\nCMD ["x"]\n' });
    symlinkSync(join(outside, 'Dockerfile.shared'), join(dir, 'svc', 'Dockerfile'));
    symlinkSync('../shared/Dockerfile.base', join(dir, 'svc', 'Dockerfile.app'));
    symlinkSync(dir, join(dir, 'svc', 'loop'));
    const r = run(['-f', 'json', '.'], dir);
    const files = [...new Set(JSON.parse(r.stdout).findings.map((f: { file: string }) => f.file))].sort();
    expect(files).toEqual(['shared/Dockerfile.base', 'svc/Dockerfile.app']);
    expect(r.stderr).toContain('genai-lint: not read: svc/Dockerfile: symlink resolves outside the linted root');
  });
  it('a directory tree deeper than 100 levels: files above the bound are linted, the rest is reported by default', () => {
    const deep = Array.from({ length: 105 }, () => 'd').join('/');
    const dir = project({ 'd/d/Dockerfile': 'FROM python:3.11\nCMD ["x"]\n', [`${deep}/Dockerfile`]: 'FROM python:3.11\nCMD ["x"]\n' });
    const r = run(['-f', 'json', '.'], dir);
    expect(r.status).toBe(0);
    expect([...new Set(JSON.parse(r.stdout).findings.map((f: { file: string }) => f.file))]).toEqual(['d/d/Dockerfile']);
    expect(r.stderr).toMatch(/skipped d(\/d){100}: more than 100 directories deep/);
  });
  it('vendored trees (vendor/, third_party/) are skipped like node_modules, said under --verbose, linted when named or configured', () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: "busybox:latest"}]\n';
    const dir = project({ 'vendor/k8s.io/pod.yaml': pod, 'third_party/x/pod.yaml': pod, 'app/pod.yaml': pod });
    const files = (args: string[]) => [...new Set(JSON.parse(run(['-f', 'json', ...args], dir).stdout).findings.map((f: { file: string }) => f.file))];
    expect(files(['.'])).toEqual(['app/pod.yaml']);
    expect(run(['.', '--verbose'], dir).stderr).toContain('skipped vendored directory vendor (config vendoredDirs)');
    expect(files(['vendor'])).toEqual(['vendor/k8s.io/pod.yaml']);
    writeFileSync(join(dir, '.genai-lint.yaml'), 'vendoredDirs: []\n');
    expect(files(['.'])).toEqual(['app/pod.yaml', 'third_party/x/pod.yaml', 'vendor/k8s.io/pod.yaml']);
  });
  const canDropPrivileges = process.getuid?.() === 0 ? spawnSync('setpriv', ['--reuid', '65534', '--regid', '65534', '--clear-groups', 'true']).status === 0 : true;
  it.runIf(canDropPrivileges)('an unreadable file: a finding naming it, the run goes on; exit 2 only when it was named on the command line', () => {
    const dir = project({ 'secret.yaml': 'apiVersion: v1\nkind: Pod\n', 'ok.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\n', Dockerfile: 'FROM python\nCMD ["x"]\n' });
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'secret.yaml'), 0o000);
    const asUser = process.getuid?.() === 0 ? '65534' : undefined;
    const walked = run(['-f', 'json', '.'], dir, asUser);
    expect(walked.status).toBe(1);
    const f = JSON.parse(walked.stdout).findings;
    expect(f.find((x: { file: string }) => x.file === 'secret.yaml')).toMatchObject({ ruleId: 'unreadable-file', message: 'cannot read file: EACCES' });
    expect(f.some((x: { file: string }) => x.file === 'Dockerfile')).toBe(true);
    const named = run(['-f', 'json', 'secret.yaml', 'Dockerfile'], dir, asUser);
    expect(named.status).toBe(2);
  });
  it('a directory with no lintable files: exit 0 and a one-line notice', () => {
    const r = run(['.'], project({ 'README.md': '# hi\n', 'src/app.py': 'print(1)\n' }));
    expect(r.status).toBe(0);
    expect(r.stderr.trim()).toBe('genai-lint: no Dockerfiles or YAML manifests found to lint');
  });
});

describe('worker threads', () => {
  it('a run on two or three threads prints exactly what a one-thread run prints, notices included', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 60; i++) {
      files[`k8s/app-${i}.yaml`] = `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-${i}\nspec:\n  selector: {matchLabels: {app: a${i}}}\n  template:\n    metadata: {labels: {app: a${i}}}\n    spec:\n      containers:\n        - name: c\n          image: vllm/vllm-openai:v0.6.${i % 3}\n          resources: {limits: {nvidia.com/gpu: ${1 + (i % 2)}}}\n`;
      files[`k8s/hpa-${i}.yaml`] = `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: h${i}}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: app-${(i * 7) % 60}}\n  maxReplicas: ${i}\n`;
      files[`img/${i}/Dockerfile`] = `FROM python:3.11\nENV HF_TOKEN=value-${i}-abcdefgh\nCMD python app.py\n`;
    }
    // Notices come from several threads: a Helm template, kinds without a schema, a Compose build context.
    files['chart/Chart.yaml'] = 'apiVersion: v2\nname: c\nversion: 0.1.0\n';
    files['chart/templates/deploy.yaml'] = 'kind: Deployment\nmetadata: {name: {{ .Release.Name }}}\n';
    files['k8s/crd-a.yaml'] = 'apiVersion: serving.kserve.io/v1beta1\nkind: InferenceService\nmetadata: {name: a}\n';
    files['k8s/crd-b.yaml'] = 'apiVersion: ray.io/v1\nkind: RayService\nmetadata: {name: b}\n';
    files['compose.yaml'] = 'services:\n  api:\n    build: ./img/7\n    image: acme/api:1.0\n';
    // The chart's template stays a skipped file (rendering is tested in test/helm.test.ts).
    files['.genai-lint.yaml'] = 'helm:\n  render: never\n';
    const dir = project(files);
    const runWith = (threads: string) =>
      spawnSync(process.execPath, [BIN, '-f', 'json', '--verbose', '.'], { cwd: dir, encoding: 'utf8', env: { ...process.env, GENAI_LINT_WORKERS: threads } });
    const one = runWith('1');
    expect(JSON.parse(one.stdout).findings.length).toBeGreaterThan(300);
    expect(one.stderr).toContain('skipped Helm template chart/templates/deploy.yaml');
    expect(one.stderr).toContain('no schema for ray.io/v1 RayService');
    for (const threads of ['2', '3']) {
      const many = runWith(threads);
      expect(many.stdout).toBe(one.stdout);
      expect(many.stderr).toBe(one.stderr);
      expect(many.status).toBe(one.status);
    }
  });

  it('threads that split the files see each other\'s objects and merge to the one-thread result', async () => {
    // Two shares of one job list, run in turn on this thread: the first takes one
    // chunk of YAML (the HPA), the second the rest (the Deployment it targets).
    const files: Record<string, string> = {
      'a/00-hpa.yaml': 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: llm}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: llm}\n  maxReplicas: 50\n  metrics:\n    - type: Resource\n      resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}\n',
      'z/llm.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: llm}\nspec:\n  selector: {matchLabels: {app: llm}}\n  template:\n    metadata: {labels: {app: llm}}\n    spec:\n      containers:\n        - name: vllm\n          image: vllm/vllm-openai:v0.6.3\n          args: [--model, meta-llama/Llama-3.1-8B-Instruct]\n          resources: {limits: {nvidia.com/gpu: 1, memory: 24Gi}}\n',
      'img/Dockerfile': 'FROM python:3.11\nCMD python app.py\n',
    };
    for (let i = 0; i < 20; i++) files[`m/${String(i).padStart(2, '0')}.yaml`] = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c${i}}\ndata: {k: v}\n`;
    const dir = project(files);
    const config = await loadConfig({ cwd: dir, rules: RULES.map((r) => r.meta) });
    const { files: found } = discover(['.'], { cwd: dir, ignorePaths: [], ignoreBase: dir });
    const jobs = Share.jobsFor(found);
    const first = new Share(jobs, config, {}, RULES);
    const second = new Share(jobs, config, {}, RULES);
    first.parse(1);
    second.parse();
    const fromFirst = first.summaries();
    const fromSecond = second.summaries();
    expect(fromFirst.map((s) => s.kind)).toEqual(['HorizontalPodAutoscaler']);
    expect(fromSecond.map((s) => s.kind)).toContain('Deployment');
    const merged = mergeShares([second.lint(fromFirst), first.lint(fromSecond)]);
    const single = await runLint({ paths: ['.'], cwd: dir, config, rules: RULES });
    expect(merged.findings.map((f) => `${f.file} ${f.ruleId}`)).toContain('a/00-hpa.yaml k8s/hpa-gpu-metric');
    expect(merged.findings).toEqual(single.findings);
    expect(merged.checkedFiles).toEqual(single.checkedFiles);
    expect(merged.objectsChecked).toBe(single.objectsChecked);
  });
});
