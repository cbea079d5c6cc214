import { describe, expect, it } from 'vitest';
import { isSecretName, maskSecret, placeholderKind, previewSecret } from '../../../rules/lib/secrets.js';

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
