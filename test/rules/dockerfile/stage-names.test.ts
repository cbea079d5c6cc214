import { ruleTester } from '../../helpers.js';

ruleTester('dockerfile/stage-names', {
  valid: [
    { name: 'unique names, --from a stage, an index, an image', code: 'FROM python:3.11 AS build\nRUN true\nFROM python:3.11-slim AS serve\nCOPY --from=build /a /a\nCOPY --from=0 /b /b\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\nCOPY --from=ghcr.io/astral-sh/uv:0.4.20 /uv /bin/uv\n' },
    { name: 'a bare image name unlike any stage', code: 'FROM python:3.11 AS build\nFROM python:3.11-slim\nCOPY --from=busybox /bin/busybox /bin/busybox\n' },
    { name: 'stage names are case-insensitive', code: 'FROM python:3.11 AS Build\nFROM python:3.11-slim\nCOPY --from=build /a /a\n' },
    { name: 'a RUN mount from a stage', code: 'FROM python:3.11 AS wheels\nFROM python:3.11-slim\nRUN --mount=type=bind,from=wheels,target=/w pip install --no-cache-dir /w/*.whl\n' },
  ],
  invalid: [
    {
      name: 'duplicate names',
      code: 'FROM python:3.11 AS build\nRUN true\nFROM node:20 AS BUILD\nRUN true\n',
      errors: [{ line: 3, column: 17, endColumn: 22, message: 'stage name `build` is already used by the stage on line 1' }],
    },
    {
      name: 'a typo of a stage name, an index of a later stage',
      code: 'FROM python:3.11 AS builder\nRUN true\nFROM python:3.11-slim\nCOPY --from=buidler /a /a\nCOPY --from=1 /b /b\nRUN --mount=type=bind,from=bulder,target=/w ls /w\n',
      errors: [
        { line: 4, column: 13, endColumn: 20, message: 'did you mean `builder`' },
        { line: 5, column: 13, message: '`--from=1` does not name an earlier stage' },
        { line: 6, column: 28, message: '`--from=bulder`' },
      ],
    },
  ],
});

