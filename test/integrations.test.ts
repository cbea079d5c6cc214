import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT, project } from './helpers.js';
import { renderSummary } from '../src/action.js';
import { escapeData, escapeProperty, formatGithub } from '../src/format/github.js';
import type { Finding } from '../src/types.js';

const HF = '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';
const BAD_DOCKERFILE = `FROM python:3.11-slim\nENV HF_TOKEN=${HF}\nCMD ["python", "app.py"]\n`;
const GOOD_DOCKERFILE = 'FROM python:3.11-slim\nUSER 1000\nHEALTHCHECK CMD curl -f http://localhost:8000/health || exit 1\nCMD ["python", "app.py"]\n';
const BAD_POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: llm\nspec:\n  containers:\n    - name: vllm\n      image: vllm/vllm-openai:v0.6.3\n      env:\n        - {name: OPENAI_API_KEY, value: Zt8Kq2mXp9aWv4LbQ3Yc}\n';

function finding(i: number, severity: Finding['severity']): Finding {
  return { ruleId: 'k8s/probes', severity, message: `problem ${i}`, file: 'k8s/a.yaml', range: { start: { line: i, column: 1 }, end: { line: i, column: 5 } } };
}

describe('github annotations', () => {
  it('escapes data and properties as the Actions toolkit does', () => {
    expect(escapeData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext');
    expect(escapeProperty('dir:a,b/file')).toBe('dir%3Aa%2Cb/file');
  });
  it('prints errors first and caps each type at 10, closing with a notice', () => {
    const findings = [...Array.from({ length: 3 }, (_, i) => finding(i + 1, 'info')), ...Array.from({ length: 12 }, (_, i) => finding(i + 10, 'error'))];
    const out = formatGithub({ findings, filesChecked: 1, checkedFiles: ['k8s/a.yaml'], objectsChecked: 1, cwd: '/repo', rules: [], toolVersion: '0' }).trim().split('\n');
    expect(out.filter((l) => l.startsWith('::error ')).length).toBe(10);
    expect(out[0]).toBe('::error file=k8s/a.yaml,line=10,endLine=10,col=1,endColumn=5,title=k8s/probes::problem 10');
    expect(out.filter((l) => l.startsWith('::notice file=')).length).toBe(3);
    expect(out.indexOf(out.find((l) => l.startsWith('::notice file='))!)).toBeGreaterThan(out.lastIndexOf(out.filter((l) => l.startsWith('::error '))[9]));
    expect(out).toContain('k8s/a.yaml:20:1: error: problem 20 [k8s/probes]');
    expect(out[out.length - 1]).toMatch(/^::notice title=genai-lint::2 more findings were not annotated/);
  });
});

describe('job summary', () => {
  it('counts by severity, groups by file, links rules, escapes table cells', () => {
    const md = renderSummary([{ ...finding(3, 'error'), message: 'a | b <pad>' }, finding(4, 'warning')], 2, '/repo', undefined);
    expect(md).toContain('**2 findings** in 2 files checked: 1 error, 1 warning, 0 info.');
    expect(md).toContain('### `k8s/a.yaml`');
    expect(md).toContain('| 3:1 | 🔴 error | [`k8s/probes`](https://github.com/genai-lint/genai-lint/blob/main/docs/rules/k8s/probes.md) | a \\| b &lt;pad&gt; |');
  });
  it('stays under the size limit and says what it left out', () => {
    const many = Array.from({ length: 5000 }, (_, i) => finding(i + 1, 'warning'));
    const md = renderSummary(many, 1, '/repo', 'results.sarif', 20000);
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(20000);
    expect(md).toMatch(/_\d+ more findings are not shown \(the summary is limited to 1 MiB\); see the SARIF file `results.sarif` and the step log._/);
  });
});

describe('GitHub Action', () => {
  const action = parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8'));

  it('declares the inputs and outputs workflows use, as a node20 action running the committed bundle', () => {
    expect(Object.keys(action.inputs)).toEqual(['paths', 'config', 'fail-on', 'sarif-file', 'annotations', 'summary', 'config-from-base', 'base-sha']);
    expect(action.inputs.paths.default).toBe('.');
    expect(Object.keys(action.outputs)).toEqual(['findings', 'errors', 'warnings', 'sarif-file']);
    expect(action.runs).toEqual({ using: 'node20', main: 'action-dist/index.js' });
    expect(existsSync(join(REPO_ROOT, 'action-dist', 'index.js'))).toBe(true);
  });

  it('runs as GitHub runs it: annotations, summary, outputs, SARIF and exit status', () => {
    const workspace = project({ 'Dockerfile': BAD_DOCKERFILE, 'deploy/pod.yaml': BAD_POD, 'README.md': '# app\n' });
    const summary = join(workspace, '..', `${workspace.split('/').pop()}-summary.md`);
    const output = join(workspace, '..', `${workspace.split('/').pop()}-output.txt`);
    writeFileSync(summary, '');
    writeFileSync(output, '');
    const r = spawnSync(process.execPath, [join(REPO_ROOT, 'dist', 'src', 'github-action.js')], {
      cwd: '/',
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        GITHUB_ACTIONS: 'true',
        GITHUB_WORKSPACE: workspace,
        GITHUB_STEP_SUMMARY: summary,
        GITHUB_OUTPUT: output,
        INPUT_PATHS: '.',
        INPUT_FAIL_ON: '',
        INPUT_SARIF_FILE: 'genai-lint.sarif',
        INPUT_ANNOTATIONS: 'true',
        INPUT_SUMMARY: 'true',
      },
    });
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe(
      '::error file=Dockerfile,line=2,endLine=2,col=14,endColumn=51,title=dockerfile/no-secrets::Hugging Face token in the Dockerfile (hf_Q…Eq (37 chars)); it ships with the image and the repository. Fix: Revoke the token, remove it, and pass it with `RUN --mount=type=secret` at build time or as a runtime secret.',
    );
    expect(lines.some((l) => l.startsWith('::error file=deploy/pod.yaml,line=10,') && l.includes('title=k8s/no-plaintext-secrets'))).toBe(true);
    expect(lines.some((l) => l.startsWith('::warning file=deploy/pod.yaml,line=7,'))).toBe(true);
    expect(r.stdout).not.toContain(HF);
    const md = readFileSync(summary, 'utf8');
    expect(md).toContain('## genai-lint');
    expect(md).toContain('### `Dockerfile`');
    expect(md).toContain('### `deploy/pod.yaml`');
    expect(md).not.toContain(HF);
    const outputs = Object.fromEntries(readFileSync(output, 'utf8').trim().split('\n').map((l) => l.split('=', 2)));
    expect(outputs).toMatchObject({ errors: '2', 'sarif-file': 'genai-lint.sarif' });
    expect(Number(outputs.findings)).toBeGreaterThan(4);
    const sarif = JSON.parse(readFileSync(join(workspace, 'genai-lint.sarif'), 'utf8'));
    expect(sarif.runs[0].results.length).toBe(Number(outputs.findings));
  });

  it('passes with fail-on error when only warnings remain, and honours annotations: false', () => {
    const workspace = project({ Dockerfile: GOOD_DOCKERFILE.replace('USER 1000\n', '') });
    const r = spawnSync(process.execPath, [join(REPO_ROOT, 'dist', 'src', 'github-action.js')], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, GITHUB_WORKSPACE: workspace, INPUT_ANNOTATIONS: 'false', INPUT_SUMMARY: 'false' },
    });
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('::warning');
    expect(r.stdout).toContain('warnings=1');
  });
});
