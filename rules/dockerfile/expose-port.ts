import { defineDockerfileRule, expandVariables } from '../../src/rule-api.js';
import { inStage, locateInInstruction } from '../lib/dockerfile.js';

export default defineDockerfileRule({
  meta: {
    id: 'dockerfile/expose-port',
    severity: 'error',
    summary: 'EXPOSE with a port outside 0-65535 (hadolint DL3011).',
    rationale:
      'A port above 65535 cannot exist: the build fails, or the number was mistyped (`EXPOSE 80000` for 8000) and the Service, probe and load balancer built from it point at nothing. Ports given by unresolved build arguments are not judged. Equivalent hadolint rule: DL3011.',
    fix: 'Expose the port the server actually listens on, e.g. `EXPOSE 8000` for vLLM or `EXPOSE 8080` for TGI.',
  },
  check(ctx) {
    const { model } = ctx;
    for (const stage of model.stages) {
      for (const instr of stage.instructions) {
        if (instr.keyword !== 'EXPOSE') continue;
        for (const arg of instr.args) {
          const { value, unresolved } = expandVariables(arg, instr.scope, model.escapeChar);
          if (unresolved.length) continue;
          const m = /^(\d+)(?:-(\d+))?(?:\/\w+)?$/.exec(value);
          if (!m) continue;
          const bad = [m[1], m[2]].find((p) => p !== undefined && Number(p) > 65535);
          if (!bad) continue;
          ctx.report({
            message: `\`EXPOSE ${arg}\`${inStage(model, stage.index)}: port ${bad} is outside 0-65535`,
            range: locateInInstruction(model, instr, arg),
            fix: 'Use the port the server listens on (0-65535).',
          });
        }
      }
    }
  },
});
