import { ruleTester } from '../../helpers.js';

ruleTester('dockerfile/single-cmd', {
  valid: [
    { name: 'one of each', code: 'FROM python:3.11\nHEALTHCHECK CMD curl -f http://localhost:8000/health\nENTRYPOINT ["python3"]\nCMD ["-m", "server"]\n' },
    { name: 'peer edge case: ONBUILD CMD belongs to the images built FROM this one', code: 'FROM python:3.11\nONBUILD CMD ["child"]\nCMD ["parent"]\n' },
    { name: 'one per stage', code: 'FROM python:3.11 AS base\nCMD ["a"]\nFROM base\nCMD ["b"]\n' },
  ],
  invalid: [
    {
      name: 'two CMDs and two HEALTHCHECKs',
      code: 'FROM python:3.11\nCMD ["python3", "old.py"]\nHEALTHCHECK NONE\nHEALTHCHECK CMD curl -f http://localhost:8000/health\nCMD ["python3", "server.py"]\n',
      errors: [
        { line: 2, column: 1, endColumn: 4, message: 'CMD on line 2 is overridden by the CMD on line 5' },
        { line: 3, column: 1, message: 'HEALTHCHECK on line 3 is overridden by the HEALTHCHECK on line 4' },
      ],
    },
    {
      name: 'two ENTRYPOINTs in a named stage',
      code: 'FROM python:3.11 AS build\nRUN true\nFROM python:3.11-slim AS serve\nENTRYPOINT ["a"]\nENTRYPOINT ["b"]\n',
      errors: [{ line: 4, column: 1, message: 'in stage `serve`' }],
    },
  ],
});

