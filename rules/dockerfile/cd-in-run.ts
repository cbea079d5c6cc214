import { defineDockerfileRule, expandVariables } from '../../src/rule-api.js';
import { inStage, locateInInstruction } from '../lib/dockerfile.js';
import { basename, commandStart, runScripts, wordRange } from '../lib/shell.js';
import type { ShellCommand } from '../lib/shell.js';
import { trimTrailingSlashes } from '../../src/rule-api.js';

function normalise(path: string): string {
  return trimTrailingSlashes(path.replace(/\/\*?$/, '')) || '/';
}

/** Whether the RUN removes the directory it changes into, or something in it: a scratch directory WORKDIR would keep. */
function removedLater(commands: readonly ShellCommand[], from: number, target: string): boolean {
  const t = normalise(target);
  return commands.slice(from).some((c) => {
    const k = commandStart(c);
    if (k < 0 || basename(c.words[k].value) !== 'rm') return false;
    return c.words.slice(k + 1).some((w) => {
      const a = normalise(w.value);
      return !a.startsWith('-') && (a === t || a.startsWith(t + '/') || t.startsWith(a + '/'));
    });
  });
}

export default defineDockerfileRule({
  meta: {
    id: 'dockerfile/cd-in-run',
    severity: 'info',
    summary: '`cd` in a RUN instead of WORKDIR (hadolint DL3003); a relative WORKDIR (DL3000).',
    rationale:
      'A `cd` lasts only until the end of its RUN: the next RUN, COPY, CMD and ENTRYPOINT start in the WORKDIR again, which is how model paths and relative `COPY` destinations end up in the wrong directory. A `cd` that is the last command of a RUN does nothing at all. WORKDIR makes the directory explicit for every later instruction. A relative WORKDIR depends on the WORKDIR before it, possibly set by the base image. Not reported: `cd` inside a subshell `( ... )` or an `if`, loop or `case` (WORKDIR cannot be conditional), `WORKDIR .`, `cd -` and `cd ..`, into /tmp, or into a directory the same RUN removes (a scratch build directory WORKDIR would keep). Equivalent hadolint rules: DL3003, DL3000.',
    fix: 'Use `WORKDIR /path` before the RUN instead of `cd /path &&`, and give WORKDIR an absolute path.',
  },
  check(ctx) {
    const { model } = ctx;
    for (const stage of model.stages) {
      for (const instr of stage.instructions) {
        if (instr.keyword === 'WORKDIR') {
          const raw = instr.argsText.trim();
          const { value, unresolved } = expandVariables(raw, instr.scope, model.escapeChar);
          const path = value.replace(/^(["'])(.*)\1$/, '$2');
          if (!path || /^\.\/?$/.test(path) || unresolved.length || path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('$')) continue;
          ctx.report({
            message: `relative \`WORKDIR ${raw}\`${inStage(model, stage.index)}: it resolves against the WORKDIR before it, possibly the base image's`,
            range: locateInInstruction(model, instr, raw),
            fix: `Give the absolute path: \`WORKDIR /${path.replace(/^\.\//, '')}\` (or wherever it should be).`,
          });
          continue;
        }
        if (instr.keyword !== 'RUN') continue;
        const script = runScripts(model, instr).find((s) => !s.heredoc);
        if (!script) continue;
        const { commands } = script;
        for (const [ci, cmd] of commands.entries()) {
          const k = commandStart(cmd);
          if (k < 0 || cmd.words[k].value !== 'cd' || cmd.subshell > 0 || cmd.block > 0) continue;
          const arg = cmd.words.slice(k + 1).find((w) => !/^-[LPe@]+$/.test(w.value));
          if (!arg) break;
          const { value: target, unresolved } = expandVariables(arg.value, instr.scope, model.escapeChar);
          if (unresolved.length || /[$`*?]/.test(target) || target === '-' || target.startsWith('..') || target === '~' || target.startsWith('~/')) break;
          if (/^\/tmp(?:\/|$)|^\/var\/tmp(?:\/|$)/.test(target) || removedLater(commands, ci + 1, target)) break;
          const last = !commands.slice(ci + 1).some((c) => c.words.length);
          ctx.report({
            message: last
              ? `\`cd ${arg.value}\` is the last command of the RUN${inStage(model, stage.index)}: it has no effect on later instructions`
              : `\`cd ${arg.value}\` in RUN${inStage(model, stage.index)}: the directory change ends with this RUN; WORKDIR makes it explicit`,
            range: wordRange(model, cmd.words[k]),
            fix: last ? `Replace it with \`WORKDIR ${target}\`.` : `Put \`WORKDIR ${target}\` before this RUN and drop the \`cd\`.`,
          });
          break;
        }
      }
    }
  },
});
