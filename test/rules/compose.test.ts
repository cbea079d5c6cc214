import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FIXTURES, lintFixture, lintSnippet, positionsOf, project, ruleTester } from '../helpers.js';
import { lint } from '../../src/index.js';
import { isComposeName } from '../../src/discover.js';

describe('compose fixtures', () => {
  const cases: [string, string[]][] = [
    ['compose/no-secrets', ['5:23', '6:27', '8:15', '13:19', '16:23']],
    ['compose/gpu-reservation', ['11:15', '15:5', '17:12', '24:15']],
    ['compose/healthcheck', ['2:3', '12:3']],
    ['compose/memory-limits', ['2:3', '4:3']],
    ['compose/no-root-user', ['4:5', '7:5']],
    ['compose/image-tag', ['3:12', '5:12']],
    ['compose/model-cache', ['2:3', '5:3']],
  ];
  for (const [id, expected] of cases) {
    it(`${id}: bad`, () => expect(positionsOf(lintFixture(join(FIXTURES, id, 'bad/compose.yaml')), id)).toEqual(expected));
    it(`${id}: good stays quiet`, () => expect(positionsOf(lintFixture(join(FIXTURES, id, 'good/compose.yaml')), id)).toEqual([]));
  }
  it('severities follow the problem', () => {
    const f = lintFixture(join(FIXTURES, 'compose/gpu-reservation/bad/compose.yaml')).filter((x) => x.ruleId === 'compose/gpu-reservation');
    expect(f.map((x) => x.severity)).toEqual(['error', 'warning', 'info', 'error']);
  });
});

describe('compose discovery', () => {
  it.each(['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml', 'docker-compose.override.yml', 'docker-compose.gpu.yml', 'compose.dev.yaml'])('%s is a Compose file', (n) => expect(isComposeName(n)).toBe(true));
  it.each(['compose-values.yaml', 'deploy.yaml', 'my-compose.yml'])('%s is not', (n) => expect(isComposeName(n)).toBe(false));
  it('any YAML with services of image/build entries is read as Compose', () => {
    const f = lintSnippet({ filename: 'stack.yaml', code: 'services:\n  app:\n    image: redis\n' });
    expect(f.map((x) => `${x.ruleId} ${x.range.start.line}:${x.range.start.column}`)).toEqual(['compose/memory-limits 2:3', 'compose/image-tag 3:12']);
  });
});

ruleTester('compose/no-secrets', {
  valid: [
    { name: 'interpolation in both environment forms', filename: 'compose.yaml', code: 'services:\n  a:\n    image: x:1\n    mem_limit: 1g\n    environment:\n      - HF_TOKEN=${HF_TOKEN}\n      - API_KEY=$API_KEY\n  b:\n    image: x:1\n    mem_limit: 1g\n    environment:\n      GROQ_API_KEY: "${GROQ_API_KEY:?set it}"\n' },
  ],
  invalid: [
    {
      name: 'a token in command',
      filename: 'docker-compose.override.yml',
      code: 'services:\n  a:\n    image: x:1\n    command: ["serve", "--api-key", "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"]\n',
      errors: [{ line: 4, column: 38, message: 'NVIDIA API key in plain text in service `a`' }],
    },
  ],
});

describe('compose build: links a Dockerfile to its real build context', () => {
  it('dockerfile/build-context uses the context Compose gives, not the Dockerfile folder', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { spawnSync } = await import('node:child_process');
    const { REPO_ROOT } = await import('../helpers.js');
    const dir = mkdtempSync(join(tmpdir(), 'genai-lint-ctx-'));
    mkdirSync(join(dir, 'docker'));
    mkdirSync(join(dir, 'models'));
    writeFileSync(join(dir, 'docker', 'Dockerfile'), 'FROM python:3.11-slim\nCOPY . /app\nUSER 1000\nCMD ["python", "/app/serve.py"]\n');
    writeFileSync(join(dir, 'models', 'adapter.safetensors'), 'weights');
    const run = () => JSON.parse(spawnSync(process.execPath, [join(REPO_ROOT, 'dist/src/cli.js'), '-f', 'json', '.'], { cwd: dir, encoding: 'utf8' }).stdout).findings.filter((f: { ruleId: string }) => f.ruleId === 'dockerfile/build-context');
    expect(run()).toEqual([]);
    writeFileSync(join(dir, 'compose.yaml'), 'services:\n  api:\n    build:\n      context: .\n      dockerfile: docker/Dockerfile\n    mem_limit: 1g\n');
    const f = run();
    expect(f.map((x: { file: string; line: number; message: string }) => `${x.file}:${x.line} ${x.message}`)).toEqual([
      'docker/Dockerfile:2 COPY . copies 1 weight file, 7 B: models/adapter.safetensors (there is no .dockerignore)',
    ]);
  });
});

describe('compose/no-secrets: committed env files are judged by what they hold', () => {
  const compose = 'services:\n  api:\n    image: api:1.0\n    env_file: .env\n';
  const lintEnv = async (env: string) => {
    const dir = project({ 'compose.yaml': compose, '.env': env });
    const report = await lint({ paths: [dir], cwd: dir });
    return report.findings.filter((f) => f.ruleId === 'compose/no-secrets').map((f) => `${f.range.start.line}:${f.range.start.column} ${f.message}`);
  };
  it('a literal secret value in a committed .env is reported at the env_file entry, masked', async () => {
    expect(await lintEnv('# settings\nLOG_LEVEL=debug\nexport HF_TOKEN="Rk29vLq8Zp3mXw7T"\n')).toEqual([
      '4:15 env_file `.env` of service `api` is committed (not git-ignored) with literal secret values: `HF_TOKEN` (line 3)',
    ]);
  });
  it('comments, placeholders and ${VAR} references are no secret', async () => {
    expect(await lintEnv('# HF_TOKEN=\n# OPENAI_API_KEY=sk-...\nNGC_API_KEY=nvapi-YOUR_KEY_HERE\nDB_PASSWORD=${DB_PASSWORD}\nMODEL=llama3\n')).toEqual([]);
  });
});
