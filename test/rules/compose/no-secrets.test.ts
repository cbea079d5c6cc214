import { describe, expect, it } from 'vitest';
import { project, ruleTester } from '../../helpers.js';
import { lint } from '../../../src/index.js';

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
