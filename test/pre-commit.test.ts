/**
 * The pre-commit hook, run by the real pre-commit framework: the proof that
 * `.pre-commit-hooks.yaml` and the committed bundle it names work as users
 * install them. A file of its own, so the runner starts it beside the rest
 * of the suite instead of after the tests that share a file with it.
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT, cleanCheckout, project } from './helpers.js';

const HF = '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';
const BAD_DOCKERFILE = `FROM python:3.11-slim\nENV HF_TOKEN=${HF}\nCMD ["python", "app.py"]\n`;
const GOOD_DOCKERFILE = 'FROM python:3.11-slim\nUSER 1000\nHEALTHCHECK CMD curl -f http://localhost:8000/health || exit 1\nCMD ["python", "app.py"]\n';
const BAD_POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: llm\nspec:\n  containers:\n    - name: vllm\n      image: vllm/vllm-openai:v0.6.3\n      env:\n        - {name: OPENAI_API_KEY, value: Zt8Kq2mXp9aWv4LbQ3Yc}\n';

// Commits made by the test: an identity through the environment, no git config touched.
const GIT_ENV = { GIT_AUTHOR_NAME: 'genai-lint test', GIT_AUTHOR_EMAIL: 'test@genai-lint.invalid', GIT_COMMITTER_NAME: 'genai-lint test', GIT_COMMITTER_EMAIL: 'test@genai-lint.invalid' };

describe('pre-commit hook', () => {
  const manifest = parse(readFileSync(join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8'));
  it('declares the hook as pre-commit expects', () => {
    expect(manifest).toEqual([
      expect.objectContaining({ id: 'genai-lint', entry: 'action-dist/cli.js', language: 'script', types_or: ['dockerfile', 'yaml'], require_serial: true }),
      expect.objectContaining({ id: 'genai-lint-fix', entry: 'action-dist/cli.js --fix', language: 'script', types_or: ['dockerfile', 'yaml'], require_serial: true }),
    ]);
  });

  const hasPreCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;
  if (!hasPreCommit) console.warn('skipping the pre-commit framework test: pre-commit is not installed (.ci/run installs it)');

  it.runIf(hasPreCommit || Boolean(process.env.CI))(
    'fails on a bad commit and passes once fixed, with the real pre-commit framework',
    async () => {
      // The hook repository as pre-commit clones it: the working tree (uncommitted changes included, as
      // `pre-commit try-repo` takes them) committed once; its environment is built by the first run, in a
      // store of this test's own, and reused by the second.
      const hookRepo = cleanCheckout();
      const env = { ...process.env, ...GIT_ENV, NO_COLOR: '1', PRE_COMMIT_HOME: mkdtempSync(join(tmpdir(), 'genai-lint-pre-commit-home-')) };
      const gitIn = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', env }).trim();
      gitIn(hookRepo, 'init', '-q');
      gitIn(hookRepo, 'add', '-A');
      gitIn(hookRepo, 'commit', '-q', '--no-verify', '-m', 'hook');
      const config = join(mkdtempSync(join(tmpdir(), 'genai-lint-pre-commit-config-')), 'pre-commit-config.yaml');
      writeFileSync(config, `repos:\n  - repo: ${JSON.stringify(hookRepo)}\n    rev: ${gitIn(hookRepo, 'rev-parse', 'HEAD')}\n    hooks: [{id: genai-lint}]\n`);

      const repo = project({ Dockerfile: BAD_DOCKERFILE, 'k8s/pod.yaml': BAD_POD });
      gitIn(repo, 'init', '-q');
      gitIn(repo, 'add', '-A');
      // Asynchronous: the test runner stays responsive while pre-commit works.
      const run = () =>
        new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
          execFile('pre-commit', ['run', '--config', config, '--all-files', '--color', 'never'], { cwd: repo, env, maxBuffer: 1 << 26 }, (err, stdout, stderr) =>
            resolve({ status: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
          );
        });
      const bad = await run();
      expect(bad.status, bad.stdout + bad.stderr).toBe(1);
      expect(bad.stdout).toContain('genai-lint');
      expect(bad.stdout).toContain('Failed');
      expect(bad.stdout).toContain('2:14  error    Hugging Face token in the Dockerfile');
      expect(bad.stdout).toContain('k8s/no-plaintext-secrets');
      expect(bad.stdout).not.toContain(HF);
      expect(bad.stdout + bad.stderr).toContain('Initializing environment');

      writeFileSync(join(repo, 'Dockerfile'), GOOD_DOCKERFILE);
      writeFileSync(join(repo, 'k8s/pod.yaml'), BAD_POD.replace(/env:\n.*\n/, ''));
      gitIn(repo, 'add', '-A');
      const good = await run();
      expect(good.status, good.stdout + good.stderr).toBe(0);
      expect(good.stdout).toMatch(/genai-lint\.+Passed/);
      // The second run reused the environment the first one built.
      expect(good.stdout + good.stderr).not.toContain('Initializing environment');
    },
    // Generous: on a loaded machine cloning the hook and running it twice can take minutes.
    600_000,
  );

  it.runIf(hasPreCommit || Boolean(process.env.CI))(
    'genai-lint-fix fixes the staged files, fails so the fix is reviewed, and passes on the fixed files',
    async () => {
      const hookRepo = cleanCheckout();
      const env = { ...process.env, ...GIT_ENV, NO_COLOR: '1', PRE_COMMIT_HOME: mkdtempSync(join(tmpdir(), 'genai-lint-pre-commit-home-')) };
      const gitIn = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', env }).trim();
      gitIn(hookRepo, 'init', '-q');
      gitIn(hookRepo, 'add', '-A');
      gitIn(hookRepo, 'commit', '-q', '--no-verify', '-m', 'hook');
      const config = join(mkdtempSync(join(tmpdir(), 'genai-lint-pre-commit-config-')), 'pre-commit-config.yaml');
      writeFileSync(config, `repos:\n  - repo: ${JSON.stringify(hookRepo)}\n    rev: ${gitIn(hookRepo, 'rev-parse', 'HEAD')}\n    hooks: [{id: genai-lint-fix}]\n`);

      const repo = project({ Dockerfile: 'FROM python:3.11-slim\nRUN pip install fastapi==0.115.0\nUSER 1000\nCMD python app.py\n' });
      gitIn(repo, 'init', '-q');
      gitIn(repo, 'add', '-A');
      const run = () =>
        new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
          execFile('pre-commit', ['run', '--config', config, '--all-files', '--color', 'never'], { cwd: repo, env, maxBuffer: 1 << 26 }, (err, stdout, stderr) =>
            resolve({ status: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
          );
        });
      const first = await run();
      // pre-commit fails a hook that modified files, so that the user reviews and stages the fix.
      expect(first.status, first.stdout + first.stderr).toBe(1);
      expect(first.stdout).toContain('files were modified by this hook');
      expect(readFileSync(join(repo, 'Dockerfile'), 'utf8')).toBe('FROM python:3.11-slim\nRUN pip install --no-cache-dir fastapi==0.115.0\nUSER 1000\nCMD ["python", "app.py"]\n');
      gitIn(repo, 'add', '-A');
      const second = await run();
      expect(second.status, second.stdout + second.stderr).toBe(0);
      expect(second.stdout).toMatch(/genai-lint --fix\.+Passed/);
    },
    600_000,
  );
});
