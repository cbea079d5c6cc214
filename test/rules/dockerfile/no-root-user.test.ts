import { it } from 'vitest';
import { ruleTester } from '../../helpers.js';

ruleTester('dockerfile/no-root-user', {
  valid: [
    { name: 'USER root then a non-root USER', code: 'FROM python:3.11\nUSER root\nRUN apt-get update\nUSER 1000:1000\n' },
    { name: 'distroless nonroot base', code: 'FROM gcr.io/distroless/python3-debian12:nonroot\nCOPY app /app\n' },
    { name: 'user from an unresolved build arg cannot be judged', code: 'FROM python:3.11\nARG UID\nUSER ${UID}\n' },
    { name: 'a base image that runs as its own non-root user (Ray)', code: 'FROM rayproject/ray:2.9.0-py310-gpu\nRUN pip install --no-cache-dir vllm\n' },
    { name: 'a Jupyter stack image (jovyan)', code: 'FROM quay.io/jupyter/pytorch-notebook:cuda12-2024-05-27\nRUN pip install --no-cache-dir transformers\n' },
    { name: 'an artifact image FROM scratch that nothing runs', code: 'FROM golang:1.22 AS build\nRUN go build -o /out/backend ./cmd\nFROM scratch\nCOPY --from=build /out/backend /backend\n' },
  ],
  invalid: [
    {
      name: 'a USER in an earlier stage does not carry over',
      code: 'FROM python:3.11 AS build\nUSER 1000\nFROM python:3.11-slim\nCOPY --from=build /app /app\n',
      errors: [{ line: 3, column: 1, message: 'sets no USER' }],
    },
    { name: 'USER 0:0', code: 'FROM python:3.11\nUSER app\nUSER 0:0\n', errors: [{ line: 3, column: 1, endLine: 3, endColumn: 9, message: '`USER 0:0`' }] },
    { name: 'USER resolved from an ARG default', code: 'FROM python:3.11\nARG RUN_AS=root\nUSER $RUN_AS\n', errors: [{ line: 3, column: 1 }] },
    { name: 'a scratch image that runs (it has an ENTRYPOINT) and sets no USER', code: 'FROM scratch\nCOPY server /server\nENTRYPOINT ["/server"]\n', errors: [{ line: 1, column: 1, message: 'sets no USER' }] },
  ],
});
