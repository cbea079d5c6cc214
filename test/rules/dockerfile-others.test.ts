import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FIXTURES, lintFixture, positionsOf, ruleTester } from '../helpers.js';

describe('dockerfile fixtures', () => {
  const cases: [string, string, string[]][] = [
    ['dockerfile/no-model-weights', 'bad.Dockerfile', ['3:5', '6:21', '7:6', '8:6', '12:1', '15:5']],
    ['dockerfile/no-model-weights', 'good.Dockerfile', []],
    ['dockerfile/no-root-user', 'bad.Dockerfile', ['5:1']],
    ['dockerfile/no-root-user', 'bad-explicit-root.Dockerfile', ['4:1']],
    ['dockerfile/no-root-user', 'good.Dockerfile', []],
    ['dockerfile/healthcheck', 'bad.Dockerfile', ['1:1']],
    ['dockerfile/healthcheck', 'good.Dockerfile', []],
    ['dockerfile/healthcheck', 'good-none.Dockerfile', []],
  ];
  for (const [id, file, expected] of cases) {
    it(`${id}: ${file}`, () => {
      expect(positionsOf(lintFixture(join(FIXTURES, id, file)), id)).toEqual(expected);
    });
  }
});

ruleTester('dockerfile/no-model-weights', {
  valid: [
    { name: 'installing huggingface_hub is not a download', code: 'FROM python:3.11\nRUN pip install --no-cache-dir huggingface_hub hf_transfer\n' },
    { name: 'bin/ folders and /usr/bin are executables', code: 'FROM python:3.11\nCOPY bin/ /usr/local/bin/\nCOPY --from=build /usr/bin/tool /usr/bin/tool\n' },
    { name: 'ORM models under a source tree', code: 'FROM python:3.11\nCOPY app/models/ /srv/app/models/\nCOPY src/models /srv/src/models\n' },
    { name: 'a .bin file outside any model path', code: 'FROM alpine:3.20\nCOPY firmware/update.bin /opt/\n' },
    { name: 'downloads at run time (CMD/ENTRYPOINT)', code: 'FROM ollama/ollama:0.3.14\nUSER 1000\nENTRYPOINT ["/bin/sh", "-c", "ollama serve & sleep 5 && ollama pull llama3.1 && wait"]\n' },
  ],
  invalid: [
    {
      name: '.bin shards in a models path and beside safetensors',
      code: 'FROM python:3.11\nCOPY models/pytorch_model.bin /models/\nCOPY tokenizer.json model.safetensors adapter.bin /m/\n',
      errors: [
        { line: 2, column: 6, message: '.bin file in a model directory' },
        { line: 3, column: 21, message: '.safetensors weight file' },
        { line: 3, column: 39, message: '.bin file next to other weight files' },
      ],
    },
    {
      name: 'ollama pull and git clone from the hub at build time',
      code: 'FROM ollama/ollama:0.3.14\nRUN ollama serve & sleep 5 && ollama pull llama3.1\nRUN git lfs install && git clone https://huggingface.co/BAAI/bge-m3 /models/bge\n',
      errors: [
        { line: 2, column: 31, message: '`ollama pull`' },
        { line: 3, column: 24, message: '`git clone` of a Hugging Face repository' },
      ],
    },
    {
      name: 'ADD of a weight URL',
      code: 'FROM python:3.11\nADD https://huggingface.co/TheBloke/Mistral-7B-GGUF/resolve/main/mistral-7b.Q4_K_M.gguf /models/\n',
      errors: [{ line: 2, column: 5, message: '.gguf weight file' }],
    },
  ],
});

ruleTester('dockerfile/no-root-user', {
  valid: [
    { name: 'USER root then a non-root USER', code: 'FROM python:3.11\nUSER root\nRUN apt-get update\nUSER 1000:1000\n' },
    { name: 'distroless nonroot base', code: 'FROM gcr.io/distroless/python3-debian12:nonroot\nCOPY app /app\n' },
    { name: 'user from an unresolved build arg cannot be judged', code: 'FROM python:3.11\nARG UID\nUSER ${UID}\n' },
  ],
  invalid: [
    {
      name: 'a USER in an earlier stage does not carry over',
      code: 'FROM python:3.11 AS build\nUSER 1000\nFROM python:3.11-slim\nCOPY --from=build /app /app\n',
      errors: [{ line: 3, column: 1, message: 'sets no USER' }],
    },
    { name: 'USER 0:0', code: 'FROM python:3.11\nUSER app\nUSER 0:0\n', errors: [{ line: 3, column: 1, endLine: 3, endColumn: 9, message: '`USER 0:0`' }] },
    { name: 'USER resolved from an ARG default', code: 'FROM python:3.11\nARG RUN_AS=root\nUSER $RUN_AS\n', errors: [{ line: 3, column: 1 }] },
  ],
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
