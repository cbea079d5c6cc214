import { describe, expect, it } from 'vitest';
import { lintSnippet, project, ruleTester } from '../../helpers.js';
import { RULES } from '../../../rules/index.js';
import { loadConfig, presetLayer } from '../../../src/config/index.js';

const on = { rules: { 'dockerfile/pin-packages': 'warning' as const } };

describe('dockerfile/pin-packages preset', () => {
  it('is off by default (strict preset only)', () => {
    const code = 'FROM debian:12\nRUN apt-get install -y curl\n';
    expect(lintSnippet({ code }).map((f) => f.ruleId)).not.toContain('dockerfile/pin-packages');
    expect(lintSnippet({ code, config: on }).map((f) => f.ruleId)).toContain('dockerfile/pin-packages');
  });
  it('extends: [genai-lint:strict] turns it on, and --print-config names the preset', async () => {
    const dir = project({ '.genai-lint.yaml': 'extends: [genai-lint:strict]\n' });
    const cfg = await loadConfig({ cwd: dir, rules: RULES.map((r) => r.meta) });
    expect(cfg.rules.get('dockerfile/pin-packages')?.severity).toBe('warning');
    expect(cfg.sources['rules.dockerfile/pin-packages']).toBe('genai-lint:strict');
    const plain = await loadConfig({ cwd: project({ '.genai-lint.yaml': 'failOn: error\n' }), rules: RULES.map((r) => r.meta) });
    expect(plain.rules.get('dockerfile/pin-packages')?.severity).toBe('off');
  });
  it('the strict preset turns on every strict-only rule at its severity', () => {
    const strict = presetLayer('genai-lint:strict', RULES.map((r) => r.meta)).rules ?? {};
    const strictOnly = RULES.filter((x) => x.meta.preset === 'strict');
    expect(strictOnly.length).toBeGreaterThan(0);
    for (const r of strictOnly) expect(strict[r.meta.id], r.meta.id).toBe(r.meta.severity);
    expect(presetLayer('genai-lint:recommended', RULES.map((r) => r.meta)).rules ?? {}).toEqual({});
  });
});

ruleTester('dockerfile/pin-packages', {
  valid: [
    { name: 'apt pinned', code: 'FROM debian:12\nRUN apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u7\n', config: on },
    { name: 'apt local .deb and variables', code: 'FROM debian:12\nRUN apt-get install -y ./cuda-keyring_1.1-1_all.deb $EXTRA_PKGS\n', config: on },
    { name: 'pip requirements, constraints and specifiers', code: 'FROM python:3.11\nRUN pip install -r requirements.txt && pip install vllm -c constraints.txt && pip install "torch>=2.4,<2.5" transformers~=4.44\n', config: on },
    { name: 'pip local paths, wheels, pinned git', code: 'FROM python:3.11\nRUN pip install . ./wheels/flash_attn-2.6.3.whl -e ./src git+https://github.com/org/repo.git@v1.2\n', config: on },
    { name: 'a git URL from a variable is not judged', code: 'FROM python:3.11\nRUN pip install git+${REPO_URL}\n', config: on },
    { name: 'pip option values are not packages', code: 'FROM python:3.11\nRUN pip install --index-url https://download.pytorch.org/whl/cu121 --target /opt/x torch==2.4.0\n', config: on },
    { name: 'uv pip option values are not packages', code: 'FROM python:3.11\nRUN uv pip install --index-strategy unsafe-best-match --torch-backend cpu -p 3.12 torch==2.4.0\n', config: on },
    { name: 'npm pinned, scoped, lockfile installs', code: 'FROM node:20\nRUN npm ci && npm install && npm install -g pnpm@9.1.0 @scope/tool@1.0.0\n', config: on },
    { name: 'apk pinned and virtual names', code: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc=13.2.1_git20240309-r0 musl-dev~1.2\n', config: on },
    { name: 'pip: a relative directory without ./ is a local source', code: 'FROM python:3.11\nRUN pip install --no-deps src/serving-utils\n', config: on },
    { name: 'npm: git URLs with a commit-ish', code: 'FROM node:20\nRUN npm install git+https://github.com/org/tool.git#v1.4.0 github:org/other#4f2a9c1\n', config: on },
    { name: 'package names in quoted text', code: 'FROM debian:12\nRUN echo "pip install vllm" > /README\n', config: on },
  ],
  invalid: [
    {
      name: 'pip: a package named beside a requirements file is not pinned by it',
      code: 'FROM python:3.11\nRUN pip install -r requirements.txt flash-attn\n',
      config: on,
      errors: [{ line: 2, column: 37, message: 'pip installs `flash-attn` without a version' }],
    },
    {
      name: 'npm: a git URL without a commit-ish installs the default branch',
      code: 'FROM node:20\nRUN npm install -g git+ssh://git@github.com/org/tool.git\n',
      config: on,
      errors: [{ line: 2, column: 20, message: 'npm installs `git+ssh://git@github.com/org/tool.git` without a version' }],
    },
    {
      name: 'apt unpinned',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl git=1:2.39.5-0+deb12u1 wget\n',
      config: on,
      errors: [{ line: 2, column: 66, endColumn: 70, message: 'apt installs `curl`, `wget` without a version' }],
    },
    {
      name: 'pip via python -m and uv, unpinned git',
      code: 'FROM python:3.11\nRUN python3 -m pip install --no-cache-dir vllm\nRUN uv pip install --system "sglang[all]" git+https://github.com/org/repo.git\n',
      config: on,
      errors: [
        { line: 2, column: 43, message: 'pip installs `vllm`' },
        { line: 3, column: 29, endColumn: 42, message: 'pip installs `sglang[all]`, `git+https://github.com/org/repo.git`' },
      ],
    },
    {
      name: 'npm and apk',
      code: 'FROM node:20-alpine\nRUN apk add --no-cache curl && npm install -g pnpm@latest\n',
      config: on,
      errors: [
        { line: 2, column: 24, message: 'apk installs `curl`' },
        { line: 2, column: 47, message: 'npm installs `pnpm@latest`' },
      ],
    },
  ],
});

