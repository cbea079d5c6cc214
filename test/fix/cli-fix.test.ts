// --fix, --diff and --unsafe-fixes through the built CLI, and fixes in machine output.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, project } from '../helpers.js';
import { redactResult } from '../../src/redact.js';
import type { Finding } from '../../src/types.js';

const BIN = join(REPO_ROOT, 'dist', 'src', 'cli.js');

function run(args: string[], cwd: string, input?: string) {
  const env = { ...process.env, NO_COLOR: '1' } as Record<string, string>;
  delete env.FORCE_COLOR;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env, encoding: 'utf8', input });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

// pip-cache (safe), exec-form on ENTRYPOINT (unsafe) and a finding without a fix (no USER).
const DOCKERFILE = 'FROM python:3.11-slim\nRUN pip install fastapi==0.115.0\nENTRYPOINT uvicorn app:app\n';

describe('--diff', () => {
  it('prints the diff of the safe fixes, changes nothing, says what more is fixable, and exits 1', () => {
    const dir = project({ Dockerfile: DOCKERFILE });
    const r = run(['--diff', '.'], dir);
    expect(r.stdout).toBe(
      ['--- a/Dockerfile', '+++ b/Dockerfile', '@@ -1,3 +1,3 @@', ' FROM python:3.11-slim', '-RUN pip install fastapi==0.115.0', '+RUN pip install --no-cache-dir fastapi==0.115.0', ' ENTRYPOINT uvicorn app:app', ''].join('\n'),
    );
    expect(r.stderr).toContain('1 fix would apply to 1 file, 1 more fixable with --unsafe-fixes');
    expect(r.status).toBe(1);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(DOCKERFILE);
  });

  it('exits 0 with an empty diff when nothing is fixable', () => {
    const dir = project({ Dockerfile: 'FROM python:3.11-slim\nCMD ["python", "app.py"]\n' });
    const r = run(['--diff', '.'], dir);
    expect(r.stdout).toBe('');
    expect(r.status).toBe(0);
  });

  it('refuses a report format, and --unsafe-fixes alone', () => {
    const dir = project({ Dockerfile: DOCKERFILE });
    expect(run(['--diff', '-f', 'json', '.'], dir).status).toBe(2);
    expect(run(['--unsafe-fixes', '.'], dir).status).toBe(2);
    expect(run(['--fix', '--diff', '.'], dir).status).toBe(2);
  });
});

describe('--fix', () => {
  it('writes the safe fixes, reports what is left with the summary line, and exits on what is left', () => {
    const dir = project({ Dockerfile: DOCKERFILE });
    const r = run(['--fix', '--fail-on', 'warning', '.'], dir);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(DOCKERFILE.replace('pip install', 'pip install --no-cache-dir'));
    expect(r.stderr).toContain('genai-lint: 1 fixed in 1 file, 1 more fixable with --unsafe-fixes');
    expect(r.stdout).not.toContain('dockerfile/pip-cache');
    expect(r.stdout).toContain('dockerfile/exec-form');
    expect(r.stdout).toContain('1 with `--fix --unsafe-fixes`');
    expect(r.status).toBe(1);
  });

  it('applies unsafe fixes with --unsafe-fixes, and a second run changes nothing', () => {
    const dir = project({ Dockerfile: DOCKERFILE });
    run(['--fix', '--unsafe-fixes', '.'], dir);
    const fixed = readFileSync(join(dir, 'Dockerfile'), 'utf8');
    expect(fixed).toBe('FROM python:3.11-slim\nRUN pip install --no-cache-dir fastapi==0.115.0\nENTRYPOINT ["uvicorn", "app:app"]\n');
    const again = run(['--fix', '--unsafe-fixes', '.'], dir);
    expect(again.stderr).toContain('genai-lint: 0 fixed');
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(fixed);
  });

  it('keeps a byte order mark and CRLF line ends', () => {
    const dir = project({ Dockerfile: '\ufeff' + DOCKERFILE.replace(/\n/g, '\r\n') });
    run(['--fix', '.'], dir);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe('\ufeff' + DOCKERFILE.replace('pip install', 'pip install --no-cache-dir').replace(/\n/g, '\r\n'));
  });

  it('does not fix standard input', () => {
    const dir = project({});
    const r = run(['--fix', '--stdin-filename', 'compose.yaml', '-'], dir, 'services:\n  tgi:\n    image: ghcr.io/huggingface/text-generation-inference:2.4.0\n');
    expect(r.stderr).toContain('standard input is not fixed');
  });
});

describe('rendered output', () => {
  it('a finding in rendered Helm output carries no edits and says to fix the template', () => {
    const rendered = [
      '---',
      '# Source: llm/templates/deployment.yaml',
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: llm',
      'spec:',
      '  containers:',
      '    - name: vllm',
      '      image: vllm/vllm-openai:v0.6.3',
      '      securityContext:',
      '        allowPrivilegeEscalation: true',
      '',
    ].join('\n');
    const json = JSON.parse(run(['-f', 'json', '-'], project({}), rendered).stdout) as { findings: { ruleId: string; file: string; fix?: string; autofix?: unknown }[] };
    const f = json.findings.find((x) => x.ruleId === 'k8s/privilege-escalation');
    expect(f?.file).toBe('llm/templates/deployment.yaml');
    expect(f?.autofix).toBeUndefined();
    expect(f?.fix).toContain('Not fixed automatically: found in rendered output; fix the template or its values.');
    // The same document as a plain file is fixable.
    const plain = JSON.parse(run(['-f', 'json', '.'], project({ 'pod.yaml': rendered })).stdout) as { findings: { ruleId: string; autofix?: unknown }[] };
    expect(plain.findings.find((x) => x.ruleId === 'k8s/privilege-escalation')?.autofix).toMatchObject({ applicability: 'safe' });
  });
});

describe('machine output', () => {
  it('JSON carries each fix with its applicability and edits; SARIF carries them as fixes with replacements', () => {
    const dir = project({ Dockerfile: DOCKERFILE });
    const json = JSON.parse(run(['-f', 'json', '.'], dir).stdout) as { findings: { ruleId: string; autofix?: unknown }[] };
    expect(json.findings.find((f) => f.ruleId === 'dockerfile/pip-cache')?.autofix).toEqual({
      applicability: 'safe',
      edits: [{ line: 2, column: 16, endLine: 2, endColumn: 16, offset: 37, length: 0, text: ' --no-cache-dir' }],
    });
    expect(json.findings.find((f) => f.ruleId === 'dockerfile/exec-form')?.autofix).toMatchObject({ applicability: 'unsafe' });
    const sarif = JSON.parse(run(['-f', 'sarif', '.'], dir).stdout) as { runs: { results: { ruleId: string; fixes?: unknown }[] }[] };
    expect(sarif.runs[0].results.find((r) => r.ruleId === 'dockerfile/pip-cache')?.fixes).toEqual([
      {
        description: { text: 'Add --no-cache-dir, or use `RUN --mount=type=cache,target=/root/.cache/pip`.' },
        artifactChanges: [
          {
            artifactLocation: { uri: 'Dockerfile', uriBaseId: '%SRCROOT%' },
            replacements: [{ deletedRegion: { startLine: 2, startColumn: 16, endLine: 2, endColumn: 16 }, insertedContent: { text: ' --no-cache-dir' } }],
          },
        ],
        properties: { applicability: 'safe' },
      },
    ]);
  });

  it('a fix whose inserted text would show a secret is dropped at the redaction boundary', () => {
    const token = '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';
    const finding = (text: string): Finding => ({
      ruleId: 'x/y',
      severity: 'warning',
      message: 'm',
      file: 'Dockerfile',
      range: { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } },
      autofix: { applicability: 'safe', edits: [{ start: 0, end: 0, text, range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } } }] },
    });
    const result = redactResult({ findings: [finding(`CMD ["serve", "--token", "${token}"]`), finding(' --no-cache-dir')], notices: [], skipped: [], internalErrors: [] }, []);
    expect(result.findings[0].autofix).toBeUndefined();
    expect(result.findings[1].autofix).toBeDefined();
  });
});
