import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FIXTURES, lintFixture } from '../../helpers.js';
import { dockerignoreMatcher } from '../../../src/engine/build-context.js';

describe('dockerfile/build-context fixtures', () => {

  it('build-context: names the files, their size, and the missing .dockerignore', () => {
    const [f] = lintFixture(join(FIXTURES, 'dockerfile/build-context/bad/Dockerfile')).filter((x) => x.ruleId === 'dockerfile/build-context');
    expect(f.message).toBe(
      'COPY . copies 2 weight files, 60 B: models/llama-3-8b/model-00001-of-00002.safetensors, models/llama-3-8b/model-00002-of-00002.safetensors; and 1 secret file: .env (there is no .dockerignore)',
    );
  });
});

describe('compose build: links a Dockerfile to its real build context', () => {
  it('dockerfile/build-context uses the context Compose gives, not the Dockerfile folder', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { spawnSync } = await import('node:child_process');
    const { REPO_ROOT } = await import('../../helpers.js');
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

describe('.dockerignore', () => {
  it('follows Docker semantics: root-anchored, **, exceptions, last match wins, parents count', () => {
    const ignored = dockerignoreMatcher('# comment\nmodels\n**/*.safetensors\n.env*\n!.env.example\n*.md\n!README.md\n');
    expect(ignored('models/a/b.bin')).toBe(true);
    expect(ignored('src/models/x.py')).toBe(false);
    expect(ignored('deep/dir/w.safetensors')).toBe(true);
    expect(ignored('.env.prod')).toBe(true);
    expect(ignored('.env.example')).toBe(false);
    expect(ignored('docs/guide.md')).toBe(false);
    expect(ignored('CHANGES.md')).toBe(true);
    expect(ignored('README.md')).toBe(false);
  });
});
