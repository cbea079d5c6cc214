import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, cleanCheckout, project } from './helpers.js';

const HF = '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';
const BAD_DOCKERFILE = `FROM python:3.11-slim\nENV HF_TOKEN=${HF}\nCMD ["python", "serve.py"]\n`;
const BAD_POD = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n      ports: 80\n';

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

function runAction(entry: string, workspace: string, env: Record<string, string> = {}) {
  const output = join(mkdtempSync(join(tmpdir(), 'genai-lint-out-')), 'output.txt');
  writeFileSync(output, '');
  const r = spawnSync(process.execPath, [entry], {
    cwd: workspace,
    encoding: 'utf8',
    timeout: 120_000,
    env: { PATH: process.env.PATH, GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: workspace, GITHUB_OUTPUT: output, INPUT_SUMMARY: 'false', ...env },
  });
  return { ...r, outputs: Object.fromEntries(readFileSync(output, 'utf8').trim().split('\n').filter(Boolean).map((l) => l.split('=', 2))) };
}

describe('the committed Action bundle', () => {
  it('is up to date with the sources (npm run bundle)', () => {
    const fresh = mkdtempSync(join(tmpdir(), 'genai-lint-bundle-'));
    execFileSync(process.execPath, [join(REPO_ROOT, 'scripts', 'bundle-action.mjs'), fresh], { cwd: REPO_ROOT, stdio: 'pipe' });
    const committed = join(REPO_ROOT, 'action-dist');
    expect(listFiles(committed)).toEqual(listFiles(fresh));
    for (const f of listFiles(fresh)) {
      expect(readFileSync(join(committed, f)).equals(readFileSync(join(fresh, f))), `action-dist/${f} is stale: run npm run bundle`).toBe(true);
    }
  }, 120_000);

  it('runs from a clean checkout without node_modules: annotations, schema validation, custom policies, outputs', () => {
    const checkout = cleanCheckout();
    expect(readdirSync(checkout)).not.toContain('node_modules');
    expect(readdirSync(checkout)).not.toContain('dist');
    const workspace = project({
      Dockerfile: BAD_DOCKERFILE,
      'deploy/pod.yaml': BAD_POD,
      '.genai-lint.yaml': 'policies:\n  custom:\n    - {id: acme/labels, message: needs labels, match: {target: k8s, kinds: [Pod]}, schema: {properties: {metadata: {required: [labels]}}}}\n',
    });
    const r = runAction(join(checkout, 'action-dist', 'index.js'), workspace, { INPUT_PATHS: '.', 'INPUT_SARIF-FILE': 'out/genai-lint.sarif' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines.some((l) => l.startsWith('::error file=Dockerfile,line=2,endLine=2,col=14,') && l.includes('title=dockerfile/no-secrets'))).toBe(true);
    expect(lines.some((l) => l.startsWith('::error file=deploy/pod.yaml,line=8,') && l.includes('title=k8s/schema'))).toBe(true);
    expect(lines.some((l) => l.startsWith('::error file=deploy/pod.yaml,line=3,') && l.includes('title=acme/labels'))).toBe(true);
    expect(r.stdout).not.toContain(HF);
    expect(r.outputs).toMatchObject({ errors: '3', 'sarif-file': 'out/genai-lint.sarif' });
    expect(JSON.parse(readFileSync(join(workspace, 'out', 'genai-lint.sarif'), 'utf8')).runs[0].results.length).toBe(Number(r.outputs.findings));
  }, 120_000);

  it('config-from-base reads the config of the base commit, not the pull request\'s', () => {
    const workspace = project({ Dockerfile: 'FROM python:3.11-slim\nCMD ["python", "app.py"]\n', '.genai-lint.yaml': 'failOn: warning\nignorePaths: [vendor/]\n', 'vendor/Dockerfile': 'FROM python\n' });
    const git = (...args: string[]) => execFileSync('git', ['-C', workspace, '-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { encoding: 'utf8' }).trim();
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'base');
    const base = git('rev-parse', 'HEAD');
    // The pull request loosens the config: the root-user warning would no longer fail the step, vendor/ would be linted.
    writeFileSync(join(workspace, '.genai-lint.yaml'), 'failOn: error\nrules:\n  dockerfile/no-root-user: off\n');
    git('commit', '-qam', 'pull request');
    const event = join(mkdtempSync(join(tmpdir(), 'genai-lint-event-')), 'event.json');
    writeFileSync(event, JSON.stringify({ pull_request: { base: { sha: base } } }));
    const entry = join(REPO_ROOT, 'action-dist', 'index.js');

    const fromPr = runAction(entry, workspace, { INPUT_ANNOTATIONS: 'true' });
    expect(fromPr.status).toBe(0);
    const fromBase = runAction(entry, workspace, { GITHUB_EVENT_PATH: event, 'INPUT_CONFIG-FROM-BASE': 'true', INPUT_ANNOTATIONS: 'true' });
    expect(fromBase.stdout).toContain(`genai-lint: config read from the base commit ${base.slice(0, 12)}`);
    expect(fromBase.status).toBe(1);
    expect(fromBase.stdout).toMatch(/::warning file=Dockerfile,.*title=dockerfile\/no-root-user/);
    expect(fromBase.stdout).not.toContain('file=vendor/Dockerfile');
    // The pull request's file is untouched; the copy lives outside the checkout.
    expect(readFileSync(join(workspace, '.genai-lint.yaml'), 'utf8')).toContain('failOn: error');
    expect(git('status', '--porcelain')).toBe('');
  }, 120_000);
});
