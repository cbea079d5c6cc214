import { defineDockerfileRule } from '../../src/engine/rule.js';
import { finalImageChain } from '../../src/parse/dockerfile.js';
import type { DockerInstruction } from '../../src/parse/dockerfile.js';

export default defineDockerfileRule({
  meta: {
    id: 'dockerfile/exec-form',
    severity: 'warning',
    summary: 'CMD or ENTRYPOINT in shell form in the final image.',
    rationale:
      'In shell form the container runs `/bin/sh -c "..."`: the shell is PID 1 and does not forward SIGTERM. On every rollout the model server never hears the stop signal, cannot drain in-flight generations, and is SIGKILLed after the grace period with requests still streaming.',
    fix: 'Use the exec (JSON array) form: `CMD ["python3", "-m", "vllm.entrypoints.openai.api_server"]`, or `exec` the server from a wrapper script.',
  },
  check(ctx) {
    const instructions = finalImageChain(ctx.model)
      .reverse()
      .flatMap((s) => s.instructions);
    const last = (kw: string): DockerInstruction | undefined => [...instructions].reverse().find((i) => i.keyword === kw);
    const entrypoint = last('ENTRYPOINT');
    // With an exec-form ENTRYPOINT, CMD only supplies its arguments; PID 1 is the entrypoint.
    const checked = entrypoint?.jsonArgs ? [entrypoint] : [entrypoint, last('CMD')];
    for (const instr of checked) {
      if (!instr || instr.jsonArgs || instr.heredocs.length) continue;
      const text = instr.argsText.trim();
      // `exec server ...` replaces the shell: the server becomes PID 1.
      if (!text || /^exec\s/.test(text)) continue;
      ctx.report({
        message: `${instr.keyword} in shell form (\`${text.length > 60 ? text.slice(0, 57) + '...' : text}\`): the server is not PID 1 and never receives SIGTERM`,
        range: instr.range,
        fix: /[|&;<>$`*?()]/.test(text)
          ? 'Move the shell logic into a script that ends with `exec <server> "$@"`, and call it in exec form.'
          : `Write it as a JSON array: ${instr.keyword} ${JSON.stringify(text.split(/\s+/))}.`,
      });
    }
  },
});
