import { defineK8sRule } from '../../src/rule-api.js';
import { isRecord } from '../../src/rule-api.js';
import { forEachString, pointerSegment } from '../../src/rule-api.js';
import { findTokens, findUrlCredentials, isSecretName, jsonSecretEntry, maskSecret, nameWords, PLACEHOLDER_DOC, placeholderNotice, previewSecret } from '../lib/secrets.js';

/** Secret keys that name an account or endpoint rather than hold a credential. */
const NON_SECRET_KEY_WORDS = new Set(['USER', 'USERNAME', 'EMAIL', 'HOST', 'HOSTNAME', 'PORT', 'URL', 'URI', 'ENDPOINT', 'REGION', 'DATABASE', 'DB', 'NAMESPACE', 'CRT', 'CERT', 'CA', 'ID', 'NAME', 'BUCKET', 'TYPE', 'PROJECT', 'ENABLE', 'OCI']);

function decodeBase64(v: string): string | undefined {
  const s = v.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 !== 0) return undefined;
  const text = Buffer.from(s, 'base64').toString('utf8');
  return text.includes('\uFFFD') ? undefined : text;
}

export default defineK8sRule({
  meta: {
    id: 'k8s/no-plaintext-secrets',
    judgesPatches: true,
    severity: 'error',
    securitySeverity: 9.1,
    summary: 'Secrets in plain text in a manifest: literal env values on secret-like names, provider tokens anywhere, Secret objects with real values, ConfigMap entries with secret-like names.',
    rationale:
      'A manifest is committed to git and readable by everyone with access to the repository or `kubectl get -o yaml`. A Hugging Face or OpenAI key in an env value, an annotation or a ConfigMap leaks the account; a Secret with real data in git is not secret at all (base64 is an encoding, not encryption).'
      + ' Judged: provider tokens (prefix-anchored formats) and URL passwords in any string; `{name, value}` env entries whose name is secret-like (HF_TOKEN, OPENAI_API_KEY, OPENAI_KEY, AZURE_OPENAI_KEY, DB_PASSWORD, *_KEY_CONTENT); Secret `data`/`stringData` values (keys naming a user, host, URL or certificate excepted); ConfigMap `data` entries whose key is secret-like and whose value is one line, and secret-like keys inside a JSON document held in a ConfigMap entry. Not judged: secret-like settings inside multi-line config files in a ConfigMap (other than provider tokens). '
      + PLACEHOLDER_DOC,
    fix: 'Reference a Secret with `valueFrom.secretKeyRef` (or `envFrom.secretRef`) and create the Secret out of band: External Secrets, Sealed Secrets, SOPS, or `kubectl create secret`.',
  },
  check(ctx) {
    const obj = ctx.object;
    const isSecret = obj.kind === 'Secret' && obj.apiVersion === 'v1';
    const reported = new Set<string>();

    // Provider tokens and URL credentials in any string of the object.
    forEachString(obj.raw, (value, path) => {
      if (isSecret && (path.startsWith('/data/') || path.startsWith('/stringData/'))) return;
      for (const t of findTokens(value)) {
        reported.add(path);
        ctx.report({
          message: `${t.format.provider} in plain text in ${obj.kind} \`${obj.name ?? '(unnamed)'}\` (${maskSecret(t.token)})`,
          secrets: [t.token],
          range: ctx.locateText(path, t.token),
          fix: 'Revoke the token, move it into a Secret created outside git, and reference it with `secretKeyRef`.',
        });
      }
      for (const c of findUrlCredentials(value)) {
        if (reported.has(path)) continue;
        reported.add(path);
        ctx.report({
          message: `URL with an embedded password in ${obj.kind} \`${obj.name ?? '(unnamed)'}\` (${maskSecret(c.password)})`,
          secrets: [c.password],
          range: ctx.locateText(path, c.password),
          fix: 'Keep the credential in a Secret and build the URL from it in the application.',
        });
      }
    });

    // env-style {name, value} entries with a secret-like name and a literal value.
    const visit = (node: unknown, path: string, depth: number): void => {
      if (depth > 64) return;
      if (Array.isArray(node)) {
        node.forEach((item, i) => {
          const itemPath = `${path}/${i}`;
          if (isRecord(item) && typeof item.name === 'string' && typeof item.value === 'string') {
            const valuePath = `${itemPath}/value`;
            const skipped = !reported.has(valuePath) && isSecretName(item.name) ? placeholderNotice(`env \`${item.name}\``, item.value) : undefined;
            if (skipped) ctx.notice(skipped, ctx.locate(valuePath, 'value'));
            else if (!reported.has(valuePath) && isSecretName(item.name)) {
              reported.add(valuePath);
              ctx.report({
                message: `env \`${item.name}\` has a literal secret value (${previewSecret(item.value)}) instead of \`valueFrom.secretKeyRef\``,
                secrets: [item.value],
                path: valuePath,
                part: 'value',
                fix: `Replace \`value\` with \`valueFrom: {secretKeyRef: {name: <secret>, key: ${item.name.toLowerCase()}}}\`.`,
              });
            }
          }
          visit(item, itemPath, depth + 1);
        });
      } else if (isRecord(node)) {
        for (const [k, v] of Object.entries(node)) visit(v, `${path}/${pointerSegment(k)}`, depth + 1);
      }
    };
    visit(obj.raw, '', 0);

    if (obj.kind === 'ConfigMap' && obj.apiVersion === 'v1' && isRecord(obj.raw.data)) {
      for (const [key, value] of Object.entries(obj.raw.data)) {
        const path = `/data/${pointerSegment(key)}`;
        if (typeof value !== 'string' || reported.has(path)) continue;
        const inner = jsonSecretEntry(value);
        if (inner) {
          ctx.report({
            message: `ConfigMap \`${obj.name ?? '(unnamed)'}\` holds a secret in plain text in \`${key}\` (${previewSecret(value)}); ConfigMaps are not secret`,
            range: ctx.locateText(path, inner.value),
            secrets: [inner.value],
            fix: 'Move the secret into a Secret created outside git and mount or reference it; keep only non-secret settings in the ConfigMap.',
          });
          continue;
        }
        if (!isSecretName(key) || value.includes('\n')) continue;
        const skipped = placeholderNotice(`ConfigMap key \`${key}\``, value);
        if (skipped) {
          ctx.notice(skipped, ctx.locate(path, 'value'));
          continue;
        }
        ctx.report({
          message: `ConfigMap \`${obj.name ?? '(unnamed)'}\` holds \`${key}\` in plain text (${maskSecret(value)}); ConfigMaps are not secret`,
          secrets: [value],
          path,
          part: 'value',
          fix: `Move \`${key}\` into a Secret created outside git and reference it with \`secretKeyRef\` or a Secret volume.`,
        });
      }
    }

    if (isSecret) {
      for (const field of ['stringData', 'data'] as const) {
        const entries = obj.raw[field];
        if (!isRecord(entries)) continue;
        for (const [key, raw] of Object.entries(entries)) {
          if (typeof raw !== 'string') continue;
          const value = field === 'data' ? decodeBase64(raw) : raw;
          if (value === undefined) continue;
          const words = nameWords(key);
          if (words.length && NON_SECRET_KEY_WORDS.has(words[words.length - 1]) && !isSecretName(key)) continue;
          const skipped = placeholderNotice(`Secret key \`${key}\``, value);
          if (skipped) {
            ctx.notice(skipped, ctx.locate(`/${field}/${pointerSegment(key)}`, 'value'));
            continue;
          }
          ctx.report({
            message: `Secret \`${obj.name ?? '(unnamed)'}\` commits a real value for \`${key}\` in \`${field}\` (${previewSecret(value)})${field === 'data' ? '; base64 is not encryption' : ''}`,
            secrets: field === 'data' ? [value, raw] : [value],
            path: `/${field}/${pointerSegment(key)}`,
            part: 'value',
            fix: 'Keep Secret values out of git: generate the Secret at deploy time (External Secrets, Sealed Secrets, SOPS) and commit only the reference.',
          });
        }
      }
    }
  },
});
