import { defineDockerfileRule, safeFix, unsafeFix } from '../../src/rule-api.js';
import type { Autofix } from '../../src/rule-api.js';
import { finalImageChain } from '../../src/rule-api.js';
import type { DockerInstruction } from '../../src/rule-api.js';

export default defineDockerfileRule({
  meta: {
    id: 'dockerfile/exec-form',
    severity: 'warning',
    summary: 'CMD or ENTRYPOINT in shell form in the final image, or a shell-form CMD that an exec-form ENTRYPOINT receives as `/bin/sh -c ...` arguments.',
    rationale:
      'In shell form the container runs `/bin/sh -c "..."`: the shell is PID 1 and does not forward SIGTERM. On every rollout the model server never hears the stop signal, cannot drain in-flight generations, and is SIGKILLed after the grace period with requests still streaming. After an exec-form ENTRYPOINT, a shell-form CMD is not run by a shell at all: Docker appends `/bin/sh -c "<text>"` to the entrypoint, so the server gets `/bin/sh` where it expected its flags.'
      + ' Not reported: `exec server ...` in shell form (the server replaces the shell), heredoc RUN-style scripts, a CMD that a later ENTRYPOINT resets, and stages that do not end up in the final image.',
    autofix: {
      applicability: 'mixed',
      description:
        'Rewrites a one-line CMD or ENTRYPOINT whose text has no shell syntax (quotes, variables, globs, operators, redirections) as a JSON array of its words. Safe for CMD; unsafe for ENTRYPOINT, which in exec form also receives the CMD, an inherited one included, as arguments.',
    },
    fix: 'Use the exec (JSON array) form: `CMD ["python3", "-m", "vllm.entrypoints.openai.api_server"]`, or `exec` the server from a wrapper script.',
  },
  check(ctx) {
    /**
     * The instruction rewritten in exec form, when its text is plain words:
     * no quoting, variables, globs, operators or redirections a shell would
     * interpret, no leading `VAR=value`, on one line. A CMD converts safely;
     * an ENTRYPOINT in exec form also receives the CMD (an inherited one
     * too) as arguments, so its fix is unsafe.
     */
    const execForm = (instr: DockerInstruction, text: string): Autofix | undefined => {
      if (instr.range.start.line !== instr.range.end.line || instr.flags.length) return undefined;
      if (/[|&;<>$`*?()[\]{}~#'"\\!]/.test(text)) return undefined;
      const words = text.split(/\s+/);
      if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0])) return undefined;
      const source = ctx.edit.textOf(instr.range);
      const keyword = /^\S+/.exec(source)?.[0];
      if (!keyword || keyword.toUpperCase() !== instr.keyword || source.slice(keyword.length).trim() !== text) return undefined;
      const edit = [ctx.edit.replace(instr.range, `${keyword} ${JSON.stringify(words).replace(/","/g, '", "')}`)];
      return instr.keyword === 'CMD' ? safeFix(edit) : unsafeFix(edit);
    };
    const chain = finalImageChain(ctx.model).reverse();
    const instructions = chain.flatMap((s) => s.instructions);
    const last = (kw: string): DockerInstruction | undefined => [...instructions].reverse().find((i) => i.keyword === kw);
    const entrypoint = last('ENTRYPOINT');
    let cmd = last('CMD');
    // ENTRYPOINT resets a CMD inherited from an earlier stage; a CMD of the same or a later stage stays.
    if (entrypoint && cmd && cmd.stageIndex !== entrypoint.stageIndex && instructions.indexOf(cmd) < instructions.indexOf(entrypoint)) cmd = undefined;
    const shellForm = (instr: DockerInstruction | undefined): string | undefined => {
      if (!instr || instr.jsonArgs || instr.heredocs.length) return undefined;
      const text = instr.argsText.trim();
      return text || undefined;
    };
    const preview = (text: string) => (text.length > 60 ? text.slice(0, 57) + '...' : text);
    if (entrypoint?.jsonArgs) {
      // With an exec-form ENTRYPOINT, CMD supplies its arguments: a shell-form CMD
      // becomes the three arguments `/bin/sh -c "<text>"`.
      const text = shellForm(cmd);
      if (!cmd || text === undefined) return;
      ctx.report({
        message: `CMD in shell form after an exec-form ENTRYPOINT (\`${preview(text)}\`): the entrypoint receives \`/bin/sh -c "..."\` as its arguments`,
        range: cmd.range,
        fix: `Write CMD as a JSON array of the arguments: CMD ${JSON.stringify(text.split(/\s+/))}.`,
        autofix: execForm(cmd, text),
      });
      return;
    }
    for (const instr of [entrypoint, cmd]) {
      const text = shellForm(instr);
      // `exec server ...` replaces the shell: the server becomes PID 1.
      if (!instr || text === undefined || /^exec\s/.test(text)) continue;
      ctx.report({
        message: `${instr.keyword} in shell form (\`${preview(text)}\`): the server is not PID 1 and never receives SIGTERM`,
        range: instr.range,
        fix: /[|&;<>$`*?()]/.test(text)
          ? 'Move the shell logic into a script that ends with `exec <server> "$@"`, and call it in exec form.'
          : `Write it as a JSON array: ${instr.keyword} ${JSON.stringify(text.split(/\s+/))}.`,
        autofix: execForm(instr, text),
      });
    }
  },
});
