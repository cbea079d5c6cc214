import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FIXTURES, lintFixture, ruleTester } from '../../helpers.js';

const ID = 'dockerfile/no-secrets';

describe(`${ID} fixtures`, () => {
  it('never prints a secret in full', () => {
    const findings = lintFixture(join(FIXTURES, ID, 'bad.Dockerfile'));
    const text = findings.map((f) => f.message + (f.fix ?? '')).join('\n');
    expect(text).not.toContain('sk-proj-Qw3rTy7uIoP9aSdF2gHjK4lZxC6vBnM8qWeRtYuIoPaSdFgHjKlZx');
    expect(text).not.toContain('3f9c2a7be41d8e05c6b1a9f4d27e8c3b5a0f1e6d');
    expect(text).not.toContain('gHt7Kq2mZp9xWv4');
    expect(text).toContain('sk-p…Zx (61 chars)');
  });
});

ruleTester(ID, {
  valid: [
    { name: 'word boundaries: MAX_TOKENS, TOKENIZERS_PARALLELISM, *_BASE_URL, *_KEY_FILE, *_TOKEN_PATH, PUBLIC_KEY', code: 'FROM python:3.11\nENV MAX_TOKENS=4096 TOKENIZERS_PARALLELISM=false MAX_NEW_TOKENS=512 OPENAI_BASE_URL=https://api.openai.com/v1 TLS_KEY_FILE=/tls/key.pem HF_TOKEN_PATH=/run/secrets/hf PUBLIC_KEY=abcdef123456\nUSER 1000\n' },
    { name: 'tokenizer special tokens are not credentials', code: 'FROM python:3.11\nENV PAD_TOKEN="<pad>" EOS_TOKEN=</s> STOP_TOKEN=eot_id_marker\n' },
    { name: 'placeholders', code: 'FROM python:3.11\nENV OPENAI_API_KEY=EMPTY HF_TOKEN="" ANTHROPIC_API_KEY=changeme NGC_API_KEY=<your-token> GROQ_API_KEY=${GROQ_API_KEY} COHERE_API_KEY=sk-xxxxxxxxxxxxxxxxxxxxxxxx\n' },
    { name: 'an ARG without a value used through a secret mount', code: 'FROM python:3.11\nARG HF_TOKEN\nRUN --mount=type=secret,id=hf_token,env=HF_TOKEN huggingface-cli whoami\n' },
    { name: 'AWS documentation example key', code: 'FROM alpine:3.20\n# aws configure set aws_access_key_id AKIAIOSFODNN7EXAMPLE\n' },
    { name: 'filler tokens', code: 'FROM alpine:3.20\n# export HF_TOKEN=hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n' },
    { name: '.env.example is documentation', code: 'FROM alpine:3.20\nCOPY .env.example /app/\n' },
  ],
  invalid: [
    {
      name: 'literal ENV on a secret name',
      code: 'FROM python:3.11\nENV HF_HUB_ENABLE_HF_TRANSFER=1 \\\n    WANDB_API_KEY=3f9c2a7be41d8e05c6b1a9f4d27e8c3b5a0f1e6d\n',
      errors: [{ line: 3, column: 19, endLine: 3, endColumn: 59, message: 'ENV `WANDB_API_KEY` is set to a literal secret (3f9c…6d (40 chars))' }],
    },
    {
      name: 'value resolved through an ARG default',
      code: 'ARG KEY_VALUE=r8_Jd7Kq2mZp9xWv4LbN6tYc3HfR8sGu1EaQ5oIk\nFROM python:3.11\nARG KEY_VALUE\nENV REPLICATE_API_TOKEN=$KEY_VALUE\n',
      errors: [
        { line: 1, column: 15, message: 'Replicate API token' },
        { line: 4, column: 25, message: 'persists build arg `KEY_VALUE`' },
      ],
    },
    {
      name: 'provider token in a RUN line, a LABEL and a comment',
      code: 'FROM python:3.11\n# 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\nRUN curl -H "Authorization: Bearer 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" https://api.perplexity.ai\nLABEL deploy.token=ghp_Qm3Xv8Rt2Lp6Wn1Zc5Hy9Bd4Fk7Js0Ga2Ue8\n',
      errors: [
        { line: 2, column: 3, message: 'Groq API key' },
        { line: 3, column: 36, message: 'Perplexity API key' },
        { line: 4, column: 20, message: 'GitHub token' },
      ],
    },
    {
      name: 'URL with embedded credentials',
      code: 'FROM python:3.11\nRUN pip install git+https://oauth2:Zt8Kq2mXp9aWv4Lb@gitlab.acme.io/ml/utils.git\n',
      errors: [{ line: 2, column: 36, message: 'URL with an embedded password (Zt8K…Lb (16 chars))' }],
    },
    {
      name: 'secret files copied in',
      code: 'FROM python:3.11\nCOPY .netrc credentials-prod.json /root/\nADD ["kaggle.json", "/root/.kaggle/"]\n',
      errors: [
        { line: 2, column: 6, message: '`.netrc`' },
        { line: 2, column: 13, message: '`credentials-prod.json`' },
        { line: 3, column: 7, message: '`kaggle.json`' },
      ],
    },
  ],
});

ruleTester('dockerfile/no-secrets', {
  valid: [
    { name: 'a secret mount with env= shadows the build arg', code: 'FROM python:3.11\nARG HF_TOKEN\nRUN --mount=type=secret,id=hf,env=HF_TOKEN huggingface-cli login --token $HF_TOKEN\n' },
    { name: 'login reading the token from an env var', code: 'FROM python:3.11\nRUN --mount=type=secret,id=wandb,env=WANDB_API_KEY wandb login "$WANDB_API_KEY"\n' },
  ],
  invalid: [
    {
      name: 'a secret build arg used in RUN',
      code: 'FROM python:3.11\nARG HF_TOKEN\nRUN huggingface-cli login --token ${HF_TOKEN} && huggingface-cli whoami\n',
      errors: [{ line: 3, column: 35, message: 'RUN uses secret build arg `HF_TOKEN`' }],
    },
    {
      name: 'literal tokens passed to login commands',
      code: 'FROM python:3.11\nRUN hf auth login --token Zt8Kq2mXp9aWv4LbQ3 && wandb login 4c9d2e7f1a8b3c6d5e0f9a2b7c4d1e8f3a6b5c0d\n',
      errors: [
        { line: 2, column: 27, message: '`hf auth login` with a literal token' },
        { line: 2, column: 61, message: '`wandb login` with a literal token' },
      ],
    },
  ],
});
