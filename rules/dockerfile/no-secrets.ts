import { defineDockerfileRule } from '../../src/rule-api.js';
import { commandText, expandVariables } from '../../src/rule-api.js';
import type { DockerInstruction } from '../../src/rule-api.js';
import type { SourceRange } from '../../src/rule-api.js';
import { findTokens, findUrlCredentials, isPlaceholderValue, isSecretName, maskSecret, PLACEHOLDER_DOC, placeholderNotice, secretFileKind } from '../lib/secrets.js';
import { copySources, inStage, locateInInstruction, mountsOf } from '../lib/dockerfile.js';

const LOGIN_PATTERNS: readonly { command: string; pattern: RegExp }[] = [
  // Bounded gaps (a login line is short): an unbounded lazy gap rescans the rest of the line from every `login`.
  { command: 'huggingface-cli login', pattern: /\bhuggingface-cli[ \t]+login\b[^\n;&|]{0,512}?--token(?:=|[ \t]+)["']?([^\s"';&|]+)/g },
  { command: 'hf auth login', pattern: /\bhf[ \t]+auth[ \t]+login\b[^\n;&|]{0,512}?--token(?:=|[ \t]+)["']?([^\s"';&|]+)/g },
  { command: 'wandb login', pattern: /\bwandb[ \t]+login[ \t]+(?:--[\w-]{1,64}(?:=\S{1,512})?[ \t]+){0,16}["']?([^\s"';&|-][^\s"';&|]*)/g },
];

/** Tokens passed literally to a login command (not through a variable). */
function findLiteralLogins(text: string): { command: string; token: string }[] {
  const out: { command: string; token: string }[] = [];
  for (const { command, pattern } of LOGIN_PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      if (!m[1].startsWith('$')) out.push({ command, token: m[1] });
    }
  }
  return out;
}

function overlaps(a: SourceRange, b: SourceRange): boolean {
  const before = (p: { line: number; column: number }, q: { line: number; column: number }) =>
    p.line < q.line || (p.line === q.line && p.column <= q.column);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

export default defineDockerfileRule({
  meta: {
    id: 'dockerfile/no-secrets',
    severity: 'error',
    securitySeverity: 9.1,
    summary: 'Secrets baked into the image: literal secret ENV/ARG/LABEL values, provider tokens, secret build args persisted into ENV or used in RUN, literal login tokens, secret files copied in.',
    rationale:
      'Everything in a Dockerfile ends up in the image config, its layers or its build history, and in the repository. Anyone who can pull the image, or read the repository, gets the Hugging Face, OpenAI or cloud credential. Build-arg defaults are recorded in `docker history`; an ARG copied into ENV ships in every container. '
      + PLACEHOLDER_DOC,
    fix: 'Pass secrets at build time with `RUN --mount=type=secret,id=hf_token ...` (BuildKit) and at run time through the orchestrator (Kubernetes Secret, Compose secrets); never as ENV, ARG defaults or copied files.',
  },
  check(ctx) {
    const { model } = ctx;
    const tokenRanges: SourceRange[] = [];

    // Provider tokens anywhere in the file: RUN, CMD, LABEL, comments, URLs.
    for (const t of findTokens(model.text)) {
      const range = model.index.rangeOf(t.index, t.index + t.token.length);
      tokenRanges.push(range);
      ctx.report({
        message: `${t.format.provider} in the Dockerfile (${maskSecret(t.token)}); it ships with the image and the repository`,
        secrets: [t.token],
        range,
        fix: 'Revoke the token, remove it, and pass it with `RUN --mount=type=secret` at build time or as a runtime secret.',
      });
    }
    for (const c of findUrlCredentials(model.text)) {
      const range = model.index.rangeOf(c.passwordIndex, c.passwordIndex + c.password.length);
      if (tokenRanges.some((r) => overlaps(r, range))) continue;
      tokenRanges.push(range);
      ctx.report({
        message: `URL with an embedded password (${maskSecret(c.password)}); it is stored in the image history`,
        secrets: [c.password],
        range,
        fix: 'Use a secret mount (`RUN --mount=type=secret,id=git_token ...`) and read the credential from the file it provides.',
      });
    }

    for (const instr of model.instructions) {
      if (instr.keyword === 'ARG' || instr.keyword === 'ENV' || instr.keyword === 'LABEL') checkProperties(instr);
      if (instr.keyword === 'COPY' || instr.keyword === 'ADD') checkCopiedFiles(instr);
      if (instr.keyword === 'RUN') checkRun(instr);
    }

    function checkRun(instr: DockerInstruction): void {
      const text = commandText(instr);
      const where = inStage(model, instr.stageIndex);
      // A secret build arg expanded in RUN is recorded in the image history with the command.
      const seen = new Set<string>();
      // `--mount=type=secret,env=NAME` sets NAME from the secret for this RUN, shadowing the build arg.
      for (const m of mountsOf(instr, 'secret')) if (m.options.env) seen.add(m.options.env);
      for (const ref of expandVariables(text, instr.scope, model.escapeChar).references) {
        if (seen.has(ref) || instr.scope.get(ref)?.source !== 'arg' || !isSecretName(ref)) continue;
        seen.add(ref);
        const range = model.index.find(new RegExp(`\\$\\{?${ref}\\b`), instr.range) ?? instr.keywordRange;
        ctx.report({
          message: `RUN uses secret build arg \`${ref}\`${where}; build-arg values are recorded in the image history`,
          range,
          fix: `Pass it as a BuildKit secret instead: \`RUN --mount=type=secret,id=${ref.toLowerCase()},env=${ref} ...\` and \`docker build --secret id=${ref.toLowerCase()},env=${ref}\`.`,
        });
      }
      for (const login of findLiteralLogins(text)) {
        if (isPlaceholderValue(login.token)) continue;
        const range = model.index.find(login.token, instr.range) ?? instr.keywordRange;
        if (tokenRanges.some((r) => overlaps(r, range))) continue;
        ctx.report({
          message: `\`${login.command}\` with a literal token (${maskSecret(login.token)})${where}; it is stored in the image history`,
          secrets: [login.token],
          range,
          fix: 'Log in from a secret mount: `RUN --mount=type=secret,id=hf_token,env=HF_TOKEN huggingface-cli login --token $HF_TOKEN` or, better, let the tool read HF_TOKEN from the environment.',
        });
      }
    }

    function checkProperties(instr: DockerInstruction): void {
      const where = inStage(model, instr.stageIndex);
      for (const p of instr.properties) {
        if (p.value === null) continue;
        const range = p.valueRange ?? p.range;
        if (tokenRanges.some((r) => overlaps(r, range))) continue;
        if (instr.keyword === 'ENV') {
          // ENV X=${X}: the build arg's value is persisted into every container's environment.
          const persisted = p.references.find((ref) => instr.scope.get(ref)?.source === 'arg');
          if (persisted && (isSecretName(p.name) || isSecretName(persisted))) {
            ctx.report({
              message: `ENV \`${p.name}\` persists build arg \`${persisted}\` into the image environment${where}; anyone who runs or inspects the image can read it`,
              range,
              fix: `Drop the ENV and read the secret in the RUN that needs it: \`RUN --mount=type=secret,id=${persisted.toLowerCase()},env=${persisted} ...\`.`,
            });
            continue;
          }
        }
        if (!isSecretName(p.name) || p.unresolved.length > 0) continue;
        const literal = p.resolved ?? '';
        const skipped = placeholderNotice(`${instr.keyword} \`${p.name}\``, literal) ?? placeholderNotice(`${instr.keyword} \`${p.name}\``, p.value);
        if (skipped) {
          ctx.notice(skipped, range);
          continue;
        }
        const what =
          instr.keyword === 'ARG'
            ? `ARG \`${p.name}\` has a literal secret default (${maskSecret(literal)})${where}; build-arg values are recorded in the image history`
            : `${instr.keyword} \`${p.name}\` is set to a literal secret (${maskSecret(literal)})${where}; it is stored in the image config`;
        ctx.report({
          message: what,
          range,
          secrets: [literal, p.value],
          fix: `Remove the value and mount it at build time: \`RUN --mount=type=secret,id=${p.name.toLowerCase()} ...\`, or inject it at run time.`,
        });
      }
    }

    function checkCopiedFiles(instr: DockerInstruction): void {
      for (const src of copySources(instr)) {
        const kind = secretFileKind(src.path);
        if (!kind) continue;
        ctx.report({
          message: `${instr.keyword} copies \`${src.path}\` (${kind}) into the image; its credentials ship with every layer`,
          range: locateInInstruction(model, instr, src.path),
          fix: 'Add the file to .dockerignore and use `RUN --mount=type=secret,id=...,target=...` where a build step needs it.',
        });
      }
    }
  },
});
