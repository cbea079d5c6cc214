import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FIXTURES, configOf, lintFixture, lintSnippet, positionsOf, ruleTester } from '../helpers.js';
import { RULES } from '../../rules/index.js';
import { lintSources } from '../../src/engine/runner.js';
import { isResolvableImage } from '../../rules/lib/images.js';
import { isSecretName, maskSecret, placeholderKind, previewSecret } from '../../rules/lib/secrets.js';

/** Notices a snippet run produces (what --verbose prints). */
function noticesOf(code: string, displayPath: string, kind: 'yaml' | 'dockerfile' | 'compose'): string[] {
  return lintSources({ sources: [{ displayPath, kind, contextOnly: false, text: code }], config: configOf(), rules: RULES }).notices;
}

describe('image references that cannot be resolved', () => {
  it.each(['{{ SRC_IMAGE }}', '${IMAGE}', '$IMAGE', '$(REGISTRY)/app:1.0', 'ghcr.io/acme/app:{{.Tag}}', 'registry/app:%{tag}', '#{IMAGE}#', '@IMAGE@', '<image>', 'MY_IMAGE', ''])(
    '%s is not judged',
    (ref) => expect(isResolvableImage(ref)).toBe(false),
  );
  it.each(['python', 'python:3.12', 'registry.local:5000/ml/base', 'ghcr.io/acme/app@sha256:' + 'a'.repeat(64), 'localhost/app:latest', 'nvcr.io/nvidia/tritonserver:24.08-py3'])(
    '%s is a reference',
    (ref) => expect(isResolvableImage(ref)).toBe(true),
  );
});

ruleTester('dockerfile/pin-base-image', {
  valid: [
    { name: 'a templated FROM', code: 'FROM {{ SRC_IMAGE }}\nRUN echo ok\n' },
    { name: 'a FROM left to envsubst', code: 'FROM ${BASE_IMAGE}\nRUN echo ok\n' },
  ],
  invalid: [{ name: 'an untagged FROM after a templated one', code: 'FROM {{ SRC_IMAGE }} AS a\nFROM python\n', errors: [{ line: 2, column: 6, message: 'no tag' }] }],
});

ruleTester('k8s/image-tag', {
  valid: [
    { name: 'envsubst image', code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: ${IMAGE}\n' },
    { name: 'Go template without spaces', code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: "{{.Image}}"\n' },
  ],
  invalid: [
    { name: 'an untagged image next to a templated one', code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: $IMAGE\n    - name: b\n      image: redis\n', errors: [{ line: 9, column: 14, message: 'no tag' }] },
  ],
});

ruleTester('compose/image-tag', {
  valid: [
    { name: 'a template', filename: 'compose.yaml', code: 'services:\n  api:\n    image: "{{ api_image }}"\n' },
    { name: 'the name of a locally built image', filename: 'compose.yaml', code: 'services:\n  chain:\n    build: {context: .}\n    image: chain-server:latest\n' },
  ],
  invalid: [{ name: 'untagged', filename: 'compose.yaml', code: 'services:\n  api:\n    image: ollama/ollama\n', errors: [{ line: 3, column: 12 }] }],
});

ruleTester('policy/trusted-registries', {
  valid: [
    { name: 'templated images are not judged', code: 'FROM {{ base }}\nCOPY --from={{ tools }} /bin/x /bin/x\n', config: { policies: { trustedRegistries: ['ghcr.io/acme/*'] } } },
  ],
  invalid: [],
});

ruleTester('dockerfile/no-model-weights', {
  valid: [
    { name: 'a dataset download with huggingface-cli', code: 'FROM python:3.11\nRUN huggingface-cli download --repo-type dataset squad --local-dir /data\n' },
    { name: 'a dataset snapshot in python', code: 'FROM python:3.11\nRUN python -c "from huggingface_hub import snapshot_download; snapshot_download(repo_id=\'org/eval\', repo_type=\'dataset\')"\n' },
    { name: 'a dataset file by URL', code: 'FROM python:3.11\nRUN wget https://huggingface.co/datasets/org/bench/resolve/main/prompts.bin -O /data/p.bin\n' },
    { name: 'a dataset clone', code: 'FROM python:3.11\nRUN git clone https://huggingface.co/datasets/org/sharegpt /data/sharegpt\n' },
  ],
  invalid: [
    {
      name: 'a model download after a dataset download in the same RUN',
      code: 'FROM python:3.11\nRUN huggingface-cli download --repo-type dataset org/d && huggingface-cli download org/model --local-dir /m\n',
      errors: [{ line: 2, column: 59, message: '`huggingface-cli download`' }],
    },
  ],
});

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

ruleTester('dockerfile/exec-form', {
  valid: [
    { name: 'exec-form CMD after exec-form ENTRYPOINT', code: 'FROM a:1\nENTRYPOINT ["tini", "--"]\nCMD ["serve", "--port", "8000"]\n' },
    { name: 'a shell-form CMD of an earlier stage is reset by ENTRYPOINT', code: 'FROM a:1 AS base\nCMD serve\nFROM base\nENTRYPOINT ["/entrypoint.sh"]\n' },
  ],
  invalid: [
    {
      name: 'a shell-form CMD after an exec-form ENTRYPOINT',
      code: 'FROM a:1\nENTRYPOINT ["tini", "--"]\nCMD serve --port 8000\n',
      errors: [{ line: 3, column: 1, endLine: 3, endColumn: 22, message: 'receives `/bin/sh -c "..."` as its arguments' }],
    },
    {
      name: 'the ENTRYPOINT from an earlier stage, CMD in the final one',
      code: 'FROM a:1 AS base\nENTRYPOINT ["/entrypoint.sh"]\nFROM base\nCMD --model /m\n',
      errors: [{ line: 4, column: 1, message: 'CMD in shell form after an exec-form ENTRYPOINT' }],
    },
  ],
});

describe('exec-form fixtures', () => {
  it('a shell-form CMD as arguments', () =>
    expect(positionsOf(lintFixture(join(FIXTURES, 'dockerfile/exec-form/bad-cmd-arguments.Dockerfile')), 'dockerfile/exec-form')).toEqual(['5:1']));
});

describe('a Dockerfile without FROM', () => {
  const parseErrors = (code: string, filename = 'Dockerfile') =>
    lintSnippet({ code, filename }).filter((f) => f.ruleId === 'parse-error').map((f) => `${f.range.start.line}:${f.range.start.column} ${f.severity} ${f.message}`);
  it('is a parse-error at line 1', () => {
    expect(parseErrors('# build notes\nARG PY=3.11\nRUN pip install --no-cache-dir torch\nCMD ["python"]\n')).toEqual([
      '1:1 error no FROM instruction: this Dockerfile cannot be built (every build starts FROM a base image or `scratch`)',
    ]);
  });
  it('is not reported for templates, empty files or ignore files', () => {
    expect(parseErrors('{% include "base.j2" %}\nRUN make\n')).toEqual([]);
    expect(parseErrors('')).toEqual([]);
    expect(parseErrors('*.pyc\n.git\nmodels/\n', 'Dockerfile.dockerignore')).toEqual([]);
  });
});

ruleTester('k8s/deprecated-api', {
  valid: [],
  invalid: [
    {
      name: 'a Deployment names only its own replacement',
      code: 'apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata: {name: d}\nspec: {}\n',
      errors: [{ line: 1, column: 13, message: /use apps\/v1$/ }],
    },
    {
      name: 'a NetworkPolicy names networking.k8s.io/v1',
      code: 'apiVersion: extensions/v1beta1\nkind: NetworkPolicy\nmetadata: {name: n}\nspec: {}\n',
      errors: [{ line: 1, column: 13, message: /use networking\.k8s\.io\/v1$/ }],
    },
  ],
});

describe('termination-grace severities follow its documentation', () => {
  it('the 30 s default is info, a short grace for a stated drain time is a warning', () => {
    const f = lintFixture(join(FIXTURES, 'k8s/termination-grace/bad.yaml')).filter((x) => x.ruleId === 'k8s/termination-grace');
    expect(f.map((x) => `${x.range.start.line}:${x.range.start.column} ${x.severity}`)).toEqual(['12:7 warning', '31:5 info']);
    const rule = RULES.find((r) => r.meta.id === 'k8s/termination-grace')!;
    expect(rule.meta.summary).toContain('30 s default is reported as info');
  });
});

describe('secret names and previews', () => {
  it.each(['AZURE_OPENAI_KEY', 'OPENAI_KEY', 'TAVILY_API_KEY', 'GCP_SA_KEY_CONTENT', 'SERVICE_ACCOUNT_KEY_CONTENT', 'azureOpenaiKey', 'db_password', 'DB_PASSWORD_PROD', 'SECRET_KEY_BASE'])('%s is a secret name', (n) =>
    expect(isSecretName(n)).toBe(true),
  );
  it.each(['CACHE_KEY', 'PARTITION_KEY', 'ROUTING_KEY', 'OPENAI_KEY_FILE', 'MAX_TOKENS', 'OPENAI_BASE_URL', 'ROUTER_TOKEN_TRACKER_TIME_UNIT', 'RAY_ENABLE_K8S_TOKEN_AUTH', 's3AccessKeyIDName', 'storageSecretNameAnnotation'])('%s is not', (n) => expect(isSecretName(n)).toBe(false));
  it('previews stay on one line and name the secret key inside JSON', () => {
    expect(maskSecret('ab\ncdefghijklmn\r\nop')).toBe('ab c…op (19 chars)');
    const sa = JSON.stringify({ type: 'service_account', private_key_id: 'abc', private_key: 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC' }, null, 2);
    expect(previewSecret(sa)).toBe('JSON with secret key `private_key`: MIIE…SC (32 chars)');
    expect(previewSecret(sa)).not.toContain('\n');
  });
  it('names the kind of placeholder', () => {
    expect(placeholderKind('')).toBe('empty');
    expect(placeholderKind('${HF_TOKEN}')).toBe('a reference resolved elsewhere');
    expect(placeholderKind('changeme')).toBe('a placeholder word');
    expect(placeholderKind('AWS_SECRET_ACCESS_KEY')).toBe('a variable name');
    expect(placeholderKind('12345')).toBe('filler');
    expect(placeholderKind('Zt8Kq2mXp9aWv4LbQ3')).toBeUndefined();
  });
});

ruleTester('k8s/no-plaintext-secrets', {
  valid: [
    { name: 'ConfigMap settings that are not secrets', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  max_tokens: "512"\n  openai_base_url: http://vllm:8000/v1\n  api_key_header: X-Api-Key\n  db_password: ""\n' },
    {
      name: 'a controller config naming where credentials live',
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  credentials: |-\n    {"storageSecretNameAnnotation": "serving.example.io/secretName", "s3": {"s3AccessKeyIDName": "AWS_ACCESS_KEY_ID", "s3SecretAccessKeyName": "AWS_SECRET_ACCESS_KEY"}}\n',
    },
    { name: 'settings beside a token setting', code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: x:1\n      env:\n        - {name: ROUTER_TOKEN_TRACKER_TIME_UNIT, value: seconds}\n        - {name: SECURITY_TOKEN, value: "12345"}\n' },
    { name: 'a repository Secret: type and flags are not secrets', code: 'apiVersion: v1\nkind: Secret\nmetadata: {name: repo}\nstringData:\n  enableOCI: "true"\n  name: quay.io\n  type: helm\n  url: quay.io\n' },
    { name: 'a multi-line config file in a ConfigMap is not judged by key', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  secret.yaml: |\n    mode: strict\n    level: 2\n' },
  ],
  invalid: [
    {
      name: 'secret-named keys in a ConfigMap, flat and inside JSON',
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  db_password: Zt8Kq2mXp9aWv4Lb\n  config.json: \'{"endpoint": "https://x", "azure_openai_key": "9f2c4e7a1b3d5f6e8a0c"}\'\n',
      errors: [
        { line: 5, column: 16, message: 'holds `db_password` in plain text (Zt8K…Lb (16 chars))' },
        { line: 6, column: 64, message: 'JSON with secret key `azure_openai_key`: 9f2c…0c (20 chars)' },
      ],
    },
    {
      name: 'AZURE_OPENAI_KEY and OPENAI_KEY env values',
      code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: x:1\n      env:\n        - {name: AZURE_OPENAI_KEY, value: 9f2c4e7a1b3d5f6e8a0c}\n        - {name: OPENAI_KEY, value: Zt8Kq2mXp9aWv4Lb}\n',
      errors: [
        { line: 9, column: 43, message: 'env `AZURE_OPENAI_KEY`' },
        { line: 10, column: 37, message: 'env `OPENAI_KEY`' },
      ],
    },
    {
      name: 'a service-account JSON in a Secret is previewed on one line by its secret key',
      code: 'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData:\n  key.json: |\n    {\n      "type": "service_account",\n      "private_key": "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC"\n    }\n',
      errors: [{ line: 5, column: 13, message: '(JSON with secret key `private_key`: MIIE…SC (32 chars))' }],
    },
  ],
});

describe('--verbose notes values skipped as placeholders, never the value', () => {
  it('k8s env, Secret and ConfigMap', () => {
    const code =
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: x:1\n      env:\n        - {name: HF_TOKEN, value: changeme}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  openai_api_key: ${OPENAI_API_KEY}\n';
    expect(noticesOf(code, 'app.yaml', 'yaml').sort()).toEqual([
      'app.yaml:15: k8s/no-plaintext-secrets: ConfigMap key `openai_api_key` has a secret-like name but its value is a reference resolved elsewhere; not reported',
      'app.yaml:9: k8s/no-plaintext-secrets: env `HF_TOKEN` has a secret-like name but its value is a placeholder word; not reported',
    ]);
  });
  it('Dockerfile ENV and Compose environment', () => {
    expect(noticesOf('FROM python:3.11\nENV OPENAI_API_KEY=your-api-key\n', 'Dockerfile', 'dockerfile')).toEqual([
      'Dockerfile:2: dockerfile/no-secrets: ENV `OPENAI_API_KEY` has a secret-like name but its value is a placeholder word; not reported',
    ]);
    expect(noticesOf('services:\n  api:\n    image: x:1\n    environment:\n      HF_TOKEN: ""\n', 'compose.yaml', 'compose')).toEqual([
      'compose.yaml:5: compose/no-secrets: environment `HF_TOKEN` of service `api` has a secret-like name but its value is empty; not reported',
    ]);
  });
});
