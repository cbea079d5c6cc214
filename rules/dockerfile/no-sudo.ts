import { defineDockerfileRule } from '../../src/rule-api.js';
import { inStage } from '../lib/dockerfile.js';
import { basename, runScripts, wordRange } from '../lib/shell.js';

export default defineDockerfileRule({
  meta: {
    id: 'dockerfile/no-sudo',
    severity: 'warning',
    summary: '`sudo` run in a RUN (hadolint DL3004).',
    rationale:
      'RUN already executes as the current USER; `sudo` in a build means the image carries sudo and a sudoers rule, so any code execution in the running model server (a pickle, `trust_remote_code`, a template injection) is one command away from root. It also behaves unpredictably without a TTY. Only `sudo` as a command is reported, not a package or group named sudo. Equivalent hadolint rule: DL3004.',
    fix: 'Switch users explicitly: `USER root` before the steps that need it and `USER <uid>` after; remove sudo from the image.',
  },
  check(ctx) {
    const { model } = ctx;
    for (const stage of model.stages) {
      for (const instr of stage.instructions) {
        if (instr.keyword !== 'RUN') continue;
        for (const script of runScripts(model, instr)) {
          const cmd = script.commands.find((c) => c.words.length && basename(c.words[0].value) === 'sudo');
          if (!cmd) continue;
          const rest = cmd.words.slice(1).find((w) => !w.value.startsWith('-'));
          ctx.report({
            message: `\`sudo${rest ? ` ${rest.value}` : ''}\` in RUN${inStage(model, stage.index)}: the image needs sudo and a sudoers rule for it`,
            range: wordRange(model, cmd.words[0]),
            fix: 'Use `USER root` for the privileged steps and switch back with `USER <uid>`; do not install sudo.',
          });
          break;
        }
      }
    }
  },
});
