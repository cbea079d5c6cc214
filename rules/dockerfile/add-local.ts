import { defineDockerfileRule, expandVariables } from '../../src/rule-api.js';
import { copySources, flagOf, inStage, locateInInstruction } from '../lib/dockerfile.js';

const URL = /^(?:https?|ftp):\/\//i;
const GIT = /^git@|^git:\/\/|\.git(?:#.*)?$|^https?:\/\/[^#]+\.git#/i;
/** Local (possibly compressed) tar archives ADD unpacks: the reason to use ADD for a local file. ADD looks at the content, so any compressed file may be one. */
const ARCHIVE = /\.(?:tar|tgz|tbz2?|txz|tzst|taz|tz|tlz|gz|bz2|xz|zst|lz|lzma|z|lz4)$/i;

export default defineDockerfileRule({
  meta: {
    id: 'dockerfile/add-local',
    severity: 'warning',
    summary: 'ADD for local files or directories where COPY does (hadolint DL3020); ADD of a URL without `--checksum` (info).',
    rationale:
      'ADD has hidden behaviours: it unpacks local tar archives and fetches URLs. For plain files COPY says what it does; ADD surprises the next reader (a weights tarball that silently gets unpacked, or does not). ADD of a URL downloads at build time with no integrity check: a model or binary swapped at the source ships unnoticed; `--checksum=sha256:...` pins it. Local archives (which ADD unpacks on purpose), git sources and sources with unresolved variables are not reported. Equivalent hadolint rule: DL3020.',
    fix: 'Use COPY for local files and directories. For a URL, add `--checksum=sha256:<digest>` (BuildKit), or download with `curl` in a RUN and verify the hash.',
  },
  check(ctx) {
    const { model } = ctx;
    for (const stage of model.stages) {
      for (const instr of stage.instructions) {
        if (instr.keyword !== 'ADD' || instr.heredocs.length) continue;
        const sources = copySources(instr);
        if (!sources.length) continue;
        const resolved = sources.map((s) => {
          const { value, unresolved } = expandVariables(s.path, instr.scope, model.escapeChar);
          return { raw: s.path, value: value.replace(/^(["'])(.*)\1$/, '$2'), unresolved };
        });
        if (resolved.some((s) => s.unresolved.length)) continue;
        const remote = resolved.filter((s) => URL.test(s.value) || GIT.test(s.value));
        if (!remote.length) {
          if (resolved.some((s) => ARCHIVE.test(s.value))) continue;
          const first = resolved[0];
          ctx.report({
            message: `ADD of local \`${first.raw}\`${resolved.length > 1 ? ` and ${resolved.length - 1} more` : ''}${inStage(model, stage.index)}: COPY does the same without ADD's unpacking and download behaviour`,
            range: locateInInstruction(model, instr, first.raw),
            fix: `Use \`COPY\` instead of \`ADD\`.`,
          });
          continue;
        }
        if (flagOf(instr, 'checksum')) continue;
        const url = remote.find((s) => URL.test(s.value) && !GIT.test(s.value));
        if (!url) continue;
        ctx.report({
          message: `ADD of \`${url.raw}\` without --checksum${inStage(model, stage.index)}: the download is not verified`,
          range: locateInInstruction(model, instr, url.raw),
          fix: 'Add `--checksum=sha256:<digest>` so the build fails when the file changes.',
          severity: 'info',
        });
      }
    }
  },
});
