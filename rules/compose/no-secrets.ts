import { defineComposeRule } from '../../src/rule-api.js';
import { isRecord } from '../../src/rule-api.js';
import { environmentOf } from '../../src/rule-api.js';
import { forEachString, pointerSegment } from '../../src/rule-api.js';
import { findTokens, isPlaceholderValue, isSecretName, maskSecret, PLACEHOLDER_DOC, placeholderNotice, previewSecret } from '../lib/secrets.js';
import { serviceLabel } from '../lib/compose.js';

export default defineComposeRule({
  meta: {
    id: 'compose/no-secrets',
    severity: 'error',
    securitySeverity: 9.1,
    summary: 'Literal secrets in a Compose file: environment values on secret-like names, provider tokens, secret build args, committed env files.',
    rationale:
      'Compose files are committed and shared: an OpenAI or Hugging Face key pasted into `environment:` leaks with the repository. Build args end up in the image history. An env_file that git does not ignore and that holds literal values on secret-like names is committed with them: it is read, and reported only for those entries (comments, placeholders and `${VAR}` references are not secrets; `*.example`, `*.sample`, `*.template` files are not judged). '
      + PLACEHOLDER_DOC,
    fix: 'Reference variables instead (`HF_TOKEN: ${HF_TOKEN}`, resolved from the shell or an ignored .env), use Compose `secrets:`, and keep env files in .gitignore.',
  },
  check(ctx) {
    for (const service of ctx.model.services) {
      const reported = new Set<string>();
      // Provider tokens in any string of the service.
      forEachString(service.raw, (value, rel) => {
        for (const t of findTokens(value)) {
          const path = service.path + rel;
          reported.add(path);
          ctx.report({ message: `${t.format.provider} in plain text in ${serviceLabel(service)} (${maskSecret(t.token)})`, range: ctx.locateText(path, t.token), secrets: [t.token] });
        }
      });
      for (const e of environmentOf(service)) {
        if (e.value === undefined || reported.has(e.path) || !isSecretName(e.name)) continue;
        const skipped = placeholderNotice(`environment \`${e.name}\` of ${serviceLabel(service)}`, e.value);
        if (skipped) {
          ctx.notice(skipped, ctx.locate(e.path, 'value'));
          continue;
        }
        ctx.report({
          message: `environment \`${e.name}\` of ${serviceLabel(service)} has a literal secret value (${previewSecret(e.value)})`,
          secrets: [e.value],
          range: ctx.locateText(e.path, e.value),
          fix: `Use \`${e.name}: \${${e.name}}\` and set it in the shell or an ignored .env file, or Compose secrets.`,
        });
      }
      const build = isRecord(service.raw.build) ? service.raw.build : undefined;
      const args = build && isRecord(build.args) ? build.args : undefined;
      for (const [name, value] of Object.entries(args ?? {})) {
        const path = `${service.path}/build/args/${pointerSegment(name)}`;
        if (reported.has(path) || typeof value !== 'string' || !isSecretName(name) || isPlaceholderValue(value)) continue;
        ctx.report({
          message: `build arg \`${name}\` of ${serviceLabel(service)} is a literal secret (${maskSecret(value)}); build args are recorded in the image history`,
          secrets: [value],
          path,
          part: 'value',
          fix: 'Pass it as a build secret (`build.secrets` and `RUN --mount=type=secret`).',
        });
      }
      const envFiles = Array.isArray(service.raw.env_file) ? service.raw.env_file : service.raw.env_file !== undefined ? [service.raw.env_file] : [];
      envFiles.forEach((entry, i) => {
        const file = typeof entry === 'string' ? entry : isRecord(entry) && typeof entry.path === 'string' ? entry.path : undefined;
        if (!file || /\.(example|sample|template|dist)$/.test(file)) return;
        const status = ctx.pathStatus(file);
        if (!status?.exists || status.gitIgnored) return;
        // Judged by what the committed file holds: comments, placeholders and ${VAR} references are no secret.
        const secrets = (status.envEntries ?? []).filter((e) => isSecretName(e.name) && !isPlaceholderValue(e.value));
        if (!secrets.length) return;
        const names = secrets.map((e) => `\`${e.name}\` (line ${e.line})`).join(', ');
        ctx.report({
          message: `env_file \`${file}\` of ${serviceLabel(service)} is committed (not git-ignored) with literal secret values: ${names}`,
          path: Array.isArray(service.raw.env_file) ? `${service.path}/env_file/${i}` : `${service.path}/env_file`,
          part: 'value',
          secrets: secrets.map((e) => e.value),
          fix: `Add \`${file}\` to .gitignore, rotate the committed values, and commit a \`${file}.example\` with placeholders instead.`,
        });
      });
    }
  },
});
