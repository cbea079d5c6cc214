import { ruleTester } from '../../helpers.js';

ruleTester('dockerfile/pip-cache', {
  valid: [
    { name: 'PIP_NO_CACHE_DIR inline', code: 'FROM python:3.11\nRUN PIP_NO_CACHE_DIR=1 pip install torch\n' },
    { name: 'PIP_NO_CACHE_DIR exported earlier in the RUN', code: 'FROM python:3.11\nRUN export PIP_NO_CACHE_DIR=1 && pip install torch\n' },
    { name: 'PIP_NO_CACHE_DIR=false still disables the cache (pip semantics)', code: 'FROM python:3.11\nENV PIP_NO_CACHE_DIR=false\nRUN pip install torch\n' },
    { name: 'ENV PIP_NO_CACHE_DIR=off', code: 'FROM python:3.11\nENV PIP_NO_CACHE_DIR=off\nRUN pip3 install torch\n' },
    { name: 'a tmpfs over the cache', code: 'FROM python:3.11\nRUN --mount=type=tmpfs,target=/root/.cache pip install torch\n' },
    { name: 'a cache mount over a moved PIP_CACHE_DIR', code: 'FROM python:3.11\nENV PIP_CACHE_DIR=/cache/pip\nRUN --mount=type=cache,target=/cache/pip pip install torch\n' },
    { name: 'uv sync without cache', code: 'FROM python:3.11\nRUN uv sync --frozen --no-cache\nRUN UV_NO_CACHE=1 uv sync --frozen\n' },
    { name: 'uv sync with a cache mount', code: 'FROM python:3.11\nRUN --mount=type=cache,target=/root/.cache/uv uv sync --frozen\n' },
  ],
  invalid: [
    { name: 'pip2', code: 'FROM python:2.7\nRUN pip2 install numpy\n', errors: [{ line: 2, column: 5, message: '`pip2 install`' }] },
    { name: 'uv sync', code: 'FROM python:3.11\nRUN uv sync --frozen\n', errors: [{ line: 2, column: 5, message: '`uv sync` without --no-cache' }] },
    { name: 'UV_NO_CACHE=0 keeps the uv cache', code: 'FROM python:3.11\nENV UV_NO_CACHE=0\nRUN uv pip install --system vllm\n', errors: [{ line: 3, column: 5 }] },
    { name: 'a cache mount for uv does not cover pip', code: 'FROM python:3.11\nRUN --mount=type=cache,target=/root/.cache/uv pip install torch\n', errors: [{ line: 2, column: 47 }] },
  ],
});
