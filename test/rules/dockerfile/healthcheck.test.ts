import { it } from 'vitest';
import { ruleTester } from '../../helpers.js';

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
