import { defineDockerfileRule } from '../../src/rule-api.js';
import type { DockerInstruction } from '../../src/rule-api.js';
import { inStage } from '../lib/dockerfile.js';

const SINGLE = ['CMD', 'ENTRYPOINT', 'HEALTHCHECK'] as const;

export default defineDockerfileRule({
  meta: {
    id: 'dockerfile/single-cmd',
    severity: 'warning',
    summary: 'More than one CMD, ENTRYPOINT or HEALTHCHECK in a stage: only the last one takes effect (hadolint DL4003, DL4004, DL3012).',
    rationale:
      'Docker keeps only the last CMD, ENTRYPOINT and HEALTHCHECK of a stage. An earlier one is dead code that reads as if it ran: a model server start line or a readiness check that never happens. The finding is on each overridden instruction, which is the one to delete or merge. Different stages may each set their own. Equivalent hadolint rules: DL4003, DL4004, DL3012 (hadolint reports the later instruction; genai-lint the one without effect).',
    fix: 'Keep one CMD, one ENTRYPOINT and one HEALTHCHECK per stage; to run several processes, use one entrypoint script that starts them.',
  },
  check(ctx) {
    const { model } = ctx;
    for (const stage of model.stages) {
      for (const keyword of SINGLE) {
        const all = stage.instructions.filter((i) => i.keyword === keyword);
        const last: DockerInstruction | undefined = all[all.length - 1];
        for (const instr of all.slice(0, -1)) {
          ctx.report({
            message: `${keyword} on line ${instr.range.start.line}${inStage(model, stage.index)} is overridden by the ${keyword} on line ${last!.range.start.line}: it never takes effect`,
            range: instr.keywordRange,
            fix: `Remove this ${keyword} or merge it into the one on line ${last!.range.start.line}.`,
          });
        }
      }
    }
  },
});
