import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FIXTURES, lintFixture, positionsOf, ruleTester } from '../../helpers.js';

describe('dockerfile/healthcheck fixtures', () => {
  it('dockerfile/healthcheck: bad.Dockerfile', () => expect(positionsOf(lintFixture(join(FIXTURES, 'dockerfile/healthcheck', 'bad.Dockerfile')), 'dockerfile/healthcheck')).toEqual(['1:1']));
  it('dockerfile/healthcheck: good.Dockerfile', () => expect(positionsOf(lintFixture(join(FIXTURES, 'dockerfile/healthcheck', 'good.Dockerfile')), 'dockerfile/healthcheck')).toEqual([]));
  it('dockerfile/healthcheck: good-none.Dockerfile', () => expect(positionsOf(lintFixture(join(FIXTURES, 'dockerfile/healthcheck', 'good-none.Dockerfile')), 'dockerfile/healthcheck')).toEqual([]));
  it('dockerfile/healthcheck: good-cli.Dockerfile', () => expect(positionsOf(lintFixture(join(FIXTURES, 'dockerfile/healthcheck', 'good-cli.Dockerfile')), 'dockerfile/healthcheck')).toEqual([]));
  it('dockerfile/healthcheck: good-plugin.Dockerfile', () => expect(positionsOf(lintFixture(join(FIXTURES, 'dockerfile/healthcheck', 'good-plugin.Dockerfile')), 'dockerfile/healthcheck')).toEqual([]));
  it('dockerfile/healthcheck: bad-base-server.Dockerfile', () => expect(positionsOf(lintFixture(join(FIXTURES, 'dockerfile/healthcheck', 'bad-base-server.Dockerfile')), 'dockerfile/healthcheck')).toEqual(['2:1']));
  it('dockerfile/healthcheck: bad-command.Dockerfile', () => expect(positionsOf(lintFixture(join(FIXTURES, 'dockerfile/healthcheck', 'bad-command.Dockerfile')), 'dockerfile/healthcheck')).toEqual(['2:1']));
});

ruleTester('dockerfile/healthcheck', {
  valid: [
    { name: 'a build-only image (no EXPOSE, CMD or ENTRYPOINT)', code: 'FROM python:3.11\nRUN pip wheel -w /wheels torch\n' },
    { name: 'HEALTHCHECK inherited from the stage built upon', code: 'FROM python:3.11 AS base\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\nFROM base\nCMD ["python", "app.py"]\n' },
  ],
  invalid: [
    {
      name: 'HEALTHCHECK in an unrelated earlier stage does not count',
      code: 'FROM python:3.11 AS a\nHEALTHCHECK NONE\nFROM python:3.11-slim\nEXPOSE 8080\n',
      errors: [{ line: 3, column: 1, message: '(it has EXPOSE)' }],
    },
  ],
});
