import { ruleTester } from '../../helpers.js';
import { pod } from './_shared.js';

ruleTester('k8s/no-plaintext-secrets', {
  valid: [
    { name: 'count-like and path-like names', code: pod('    - name: c\n      image: x:1\n      env:\n        - {name: MAX_NEW_TOKENS, value: "512"}\n        - {name: HF_TOKEN_PATH, value: /secrets/hf}\n        - {name: OPENAI_API_BASE, value: "http://vllm:8000/v1"}\n') },
    { name: 'Kubernetes $(VAR) references and Helm placeholders', code: pod('    - name: c\n      image: x:1\n      env:\n        - {name: API_TOKEN, value: "$(TOKEN_FROM_SECRET)"}\n        - {name: DB_PASSWORD, value: "{{ .Values.password }}"}\n') },
    { name: 'Secret with only placeholder and account values', code: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n  username: admin\n  password: changeme\ndata:\n  host: ZGIuYWNtZS5pbw==\n' },
  ],
  invalid: [
    {
      name: 'base64 data is decoded',
      code: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: openai\ndata:\n  api-key: c2stcHJvai1aeDljVjhiTjdtUTZ3RTVyVDR5VTNpTzJwQTFzRDBmRzloSjhrTDd6WDZjVjViTjRtUTN3RTI=\n',
      errors: [{ line: 6, column: 12, message: 'base64 is not encryption' }],
    },
    {
      name: 'token in an annotation of a CRD (InferenceService)',
      code: 'apiVersion: serving.kserve.io/v1beta1\nkind: InferenceService\nmetadata:\n  name: llama\n  annotations:\n    hub: "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"\nspec: {}\n',
      errors: [{ line: 6, column: 11, message: 'NVIDIA API key' }],
    },
  ],
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
