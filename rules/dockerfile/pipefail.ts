import { defineDockerfileRule } from '../../src/rule-api.js';
import type { DockerfileModel, DockerInstruction, DockerStage } from '../../src/rule-api.js';
import { inStage } from '../lib/dockerfile.js';
import { basename, commandStart, runScripts, setsPipefailBefore, wordRange } from '../lib/shell.js';
import type { ShellCommand } from '../lib/shell.js';

/** Commands on the left of a pipe whose failure pipefail would not change anything about. */
const CANNOT_FAIL = new Set(['echo', 'printf', 'yes', 'true', ':']);

/** The SHELL in effect for an instruction: the last SHELL before it in its stage or the stages it builds FROM. */
function shellFor(model: DockerfileModel, stage: DockerStage, instr: DockerInstruction): string[] | undefined {
  let s: DockerStage | undefined = stage;
  let before: DockerInstruction | undefined = instr;
  const seen = new Set<number>();
  while (s && !seen.has(s.index)) {
    seen.add(s.index);
    const limit = before ? s.instructions.indexOf(before) : s.instructions.length;
    const shell = s.instructions.slice(0, limit < 0 ? s.instructions.length : limit).reverse().find((i) => i.keyword === 'SHELL');
    if (shell) return shell.jsonArgs;
    s = s.base.stageRef !== undefined ? model.stages[s.base.stageRef] : undefined;
    before = undefined;
  }
  return undefined;
}

/** Whether a SHELL turns pipefail on; undefined for shells pipefail does not apply to (PowerShell, cmd). */
function shellHasPipefail(shell: string[] | undefined): boolean | undefined {
  if (!shell || !shell.length) return false;
  const name = basename(shell[0].replace(/\\/g, '/')).toLowerCase();
  if (!/^(?:sh|bash|zsh|ash|dash|ksh|mksh|busybox)$/.test(name)) return undefined;
  // Plain sh is dash on Debian and Ubuntu images, which rejects `-o pipefail`.
  if (name === 'sh' || name === 'dash') return false;
  for (let k = 1; k < shell.length; k++) {
    if (/^-[a-zA-Z]*o$/.test(shell[k]) && shell[k + 1] === 'pipefail') return true;
    if (shell[k] === '-opipefail') return true;
  }
  return false;
}

/** Commands joined by `|` or `|&`, in order. */
function pipelines(commands: readonly ShellCommand[]): ShellCommand[][] {
  const out: ShellCommand[][] = [];
  let current: ShellCommand[] = [];
  for (const c of commands) {
    current.push(c);
    if (c.before !== '|' && c.before !== '|&') {
      if (current.length > 1) out.push(current);
      current = [];
    }
  }
  if (current.length > 1) out.push(current);
  return out;
}

/** A command on the left of a pipe whose failure the pipeline would hide. */
function canFailUnseen(cmd: ShellCommand): boolean {
  const k = commandStart(cmd);
  if (k < 0) return false;
  const name = basename(cmd.words[k].value);
  if (CANNOT_FAIL.has(name)) return false;
  // `cat <<EOF | ...` reads a heredoc: nothing to fail.
  if (name === 'cat' && cmd.words.length === k + 1) return false;
  // Errors sent to /dev/null: the author expects and tolerates the failure.
  return !cmd.redirects.some((r) => /^(?:2>|&>)/.test(r.op) && r.target === '/dev/null');
}

function producer(cmd: ShellCommand): string | undefined {
  const k = commandStart(cmd);
  return k < 0 ? undefined : basename(cmd.words[k].value);
}

export default defineDockerfileRule({
  meta: {
    id: 'dockerfile/pipefail',
    severity: 'warning',
    summary: 'A RUN with a pipe (`curl ... | tar`) under a shell without pipefail (hadolint DL4006).',
    rationale:
      'A pipeline succeeds when its last command does. Under the default `/bin/sh -c`, `curl -L $URL | tar -xz` whose download fails (404, expired token, rate limit) lets the build go on: tar reads nothing or an error page, and the image ships without the model files, CUDA libraries or binaries it was meant to contain. The failure surfaces at serving time on the GPU node instead of at build time. `set -o pipefail` in the same RUN, or a SHELL with `-o pipefail`, makes the build fail instead. Not reported: pipes whose left side cannot fail (`echo`, `printf`, `yes`), pipelines whose failure is already handled (an `if`/`while` condition, `a | b || fallback`, a left side with `2>/dev/null`), and non-POSIX shells (PowerShell, cmd). Equivalent hadolint rule: DL4006.',
    fix: 'Add `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before the RUN (bash on Debian/Ubuntu; on Alpine, busybox `ash` supports it too: `SHELL ["/bin/ash", "-eo", "pipefail", "-c"]`), or start the RUN with `set -o pipefail &&` when its shell supports it.',
  },
  check(ctx) {
    const { model } = ctx;
    for (const stage of model.stages) {
      if (/(?:^|\/)(?:windows|nanoserver|servercore)\b/.test(stage.base.repository)) continue;
      for (const instr of stage.instructions) {
        if (instr.keyword !== 'RUN' || instr.jsonArgs) continue;
        const shellOk = shellHasPipefail(shellFor(model, stage, instr));
        if (shellOk !== false) continue;
        let reported = false;
        for (const script of runScripts(model, instr)) {
          if (reported) break;
          for (const pipeline of pipelines(script.commands)) {
            const last = pipeline[pipeline.length - 1];
            // A condition (`if a | grep -q b`) or `a | b || fallback` already handles the failure.
            if (pipeline.some((c) => c.condition) || last.before === '||') continue;
            const cmd = pipeline.slice(0, -1).find(canFailUnseen);
            if (!cmd) continue;
            if (setsPipefailBefore(script.commands, cmd.words[0].start)) continue;
            const left = producer(cmd)!;
            const next = pipeline[pipeline.indexOf(cmd) + 1];
            const right = producer(next) ?? next.words[0]?.value ?? '';
            ctx.report({
              message: `\`${left} ... | ${right}\`${inStage(model, stage.index)} runs without pipefail: if \`${left}\` fails the RUN still succeeds`,
              range: wordRange(model, cmd.words[commandStart(cmd)]),
              fix: 'Add `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before this RUN, or start it with `set -o pipefail &&` (bash, ash, zsh).',
            });
            reported = true;
            break;
          }
        }
      }
    }
  },
});
