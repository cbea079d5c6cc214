import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeConfigs } from '../src/config/index.js';
import { lintSnippet, REPO_ROOT, project } from './helpers.js';

const BIN = join(REPO_ROOT, 'dist', 'src', 'cli.js');
const POD = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n';
const ROOT_DOCKERFILE = 'FROM python:3.11-slim\nCMD ["python", "app.py"]\n';

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('CLI edges', () => {
  it('piping into a reader that closes early (head) ends quietly, without a stack', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 400; i++) files[`Dockerfile.${i}`] = ROOT_DOCKERFILE;
    const dir = project(files);
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" . | head -1`], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    expect(r.stdout).toBe('Dockerfile.0\n');
    expect(r.stderr).not.toMatch(/EPIPE|Unhandled|at /);
  });
  it('-o and --sarif-file into a missing directory create it', () => {
    const dir = project({ Dockerfile: ROOT_DOCKERFILE });
    const r = run(['-f', 'json', '-o', 'out/a/report.json', '--sarif-file', 'out/b/lint.sarif', '.'], dir);
    expect(r.status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'out/a/report.json'), 'utf8')).summary.files).toBe(1);
    expect(existsSync(join(dir, 'out/b/lint.sarif'))).toBe(true);
  });
  it('a missing path exits 2 without printing "no problems"', () => {
    const dir = project({ Dockerfile: 'FROM python:3.11-slim\nUSER 1000\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\nCMD ["python", "app.py"]\n' });
    const r = run(['Dockerfile', 'nope.yaml'], dir);
    expect(r.status).toBe(2);
    expect(r.stdout).not.toContain('no problems');
    expect(r.stderr).toContain('genai-lint: no such file or directory: nope.yaml');
  });
  it('--max-warnings exceeded says why', () => {
    const dir = project({ Dockerfile: ROOT_DOCKERFILE });
    const r = run(['--max-warnings', '0', '.'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('genai-lint: 1 warning, more than --max-warnings 0 allows');
  });
});

describe('config mistakes get a pointed message', () => {
  const cases: [string, string][] = [
    ['failon: warning\n', '.genai-lint.yaml:1:1: (top level): unknown key `failon`; did you mean `failOn`?'],
    ['ignorePath: [vendor/]\n', '.genai-lint.yaml:1:1: (top level): unknown key `ignorePath`; did you mean `ignorePaths`?'],
    ['policies:\n  resourceCaps: {maxGpuPerPod: 2}\n', '.genai-lint.yaml:2:18: policies.resourceCaps: unknown key `maxGpuPerPod`; did you mean `maxGpusPerPod`?'],
    ['kubernetesVersion: 1.30\n', '.genai-lint.yaml:1:20: kubernetesVersion: must be string (got 1.3); YAML reads 1.30 as a number, quote it: kubernetesVersion: "1.30"'],
    ['rules:\n  dockerfile/build-context: [warning, {maxFile: 3}]\n', '.genai-lint.yaml:2:40: rules.dockerfile/build-context options: unknown key `maxFile`; did you mean `maxFiles`?'],
    ['rules:\n  dockerfile/build-context: [warning, {maxFiles: 0}]\n', '.genai-lint.yaml:2:50: rules.dockerfile/build-context options.maxFiles: must be >= 1'],
    ['rules:\n  dockerfile/exec-form: [warning, {a: 1}]\n', '.genai-lint.yaml:2:35: rules.dockerfile/exec-form: this rule takes no options'],
  ];
  for (const [config, message] of cases) {
    it(config.trim().split('\n').pop()!, () => {
      const r = run(['.'], project({ 'pod.yaml': POD, '.genai-lint.yaml': config }));
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(message);
    });
  }
  it('`extends` as a single string is one entry', () => {
    const dir = project({ 'pod.yaml': POD, '.genai-lint.yaml': 'extends: genai-lint:strict\n' });
    const cfg = JSON.parse(run(['--print-config'], dir).stdout);
    expect(cfg.failOn).toBe('warning');
    expect(cfg.sources.failOn).toBe('genai-lint:strict');
  });
  it('a suppression naming an unknown rule suggests the one meant', () => {
    const f = lintSnippet({ code: 'FROM python:3.11\nUSER 1000\n# genai-lint ignore=dockerfile/helthcheck\nCMD ["x"]\n' });
    expect(f.filter((x) => x.ruleId === 'unused-suppression').map((x) => `${x.range.start.line}:${x.range.start.column} ${x.message}`)).toEqual([
      '3:1 suppression names an unknown rule id `dockerfile/helthcheck`; did you mean `dockerfile/healthcheck`?',
    ]);
  });
});

describe('extends merges each policies section key by key', () => {
  it('a repository raising one cap keeps the pack\'s other caps, labels and scope', () => {
    const { raw, sources } = mergeConfigs([
      {
        source: 'pack.yaml',
        raw: {
          policies: {
            resourceCaps: { maxGpusPerPod: 2, maxMemoryLimit: '64Gi', namespaces: ['ml-prod'] },
            requiredLabels: { kinds: ['Deployment'], labels: { team: null, 'cost-center': null } },
          },
        },
      },
      { source: 'repo.yaml', raw: { policies: { resourceCaps: { maxGpusPerPod: 4 }, requiredLabels: { labels: { owner: null } } } } },
    ]);
    expect(raw.policies).toEqual({
      resourceCaps: { maxGpusPerPod: 4, maxMemoryLimit: '64Gi', namespaces: ['ml-prod'] },
      requiredLabels: { kinds: ['Deployment'], labels: { team: null, 'cost-center': null, owner: null } },
    });
    expect(sources['policies.resourceCaps.maxGpusPerPod']).toBe('repo.yaml');
    expect(sources['policies.resourceCaps.namespaces']).toBe('pack.yaml');
  });
  it('end to end: the pack\'s namespace scope still applies', () => {
    const dir = project({
      'pack.yaml': 'policies:\n  resourceCaps: {maxGpusPerPod: 1, namespaces: [ml-prod]}\n',
      '.genai-lint.yaml': 'extends: ./pack.yaml\npolicies:\n  resourceCaps: {maxGpusPerPod: 2}\n',
    });
    const cfg = JSON.parse(run(['--print-config'], dir).stdout);
    expect(cfg.policies.resourceCaps).toEqual({ maxGpusPerPod: 2, namespaces: ['ml-prod'] });
  });
});

describe('SARIF rule metadata', () => {
  const sarif = () => JSON.parse(run(['-f', 'sarif', '.'], project({ Dockerfile: ROOT_DOCKERFILE })).stdout);
  it('every helpUri points at a docs page in this repository (engine rules included)', () => {
    const rules = sarif().runs[0].tool.driver.rules as { id: string; helpUri: string }[];
    expect(rules.map((r) => r.id)).toEqual(expect.arrayContaining(['parse-error', 'internal-error', 'unused-suppression', 'unreadable-file']));
    for (const r of rules) {
      const rel = r.helpUri.replace(/^https:\/\/github\.com\/genai-lint\/genai-lint\/blob\/main\//, '');
      expect(existsSync(join(REPO_ROOT, rel)), r.helpUri).toBe(true);
    }
  });
  it('secret rules carry a security-severity for GitHub code scanning', () => {
    const rules = sarif().runs[0].tool.driver.rules as { id: string; properties: Record<string, unknown> }[];
    const byId = new Map(rules.map((r) => [r.id, r.properties]));
    for (const id of ['dockerfile/no-secrets', 'compose/no-secrets', 'k8s/no-plaintext-secrets']) {
      expect(byId.get(id), id).toMatchObject({ 'security-severity': '9.1', tags: expect.arrayContaining(['security']) });
    }
    expect(byId.get('dockerfile/no-git-dir')).toMatchObject({ 'security-severity': '7.5' });
    expect(byId.get('dockerfile/healthcheck')).not.toHaveProperty('security-severity');
  });
});
