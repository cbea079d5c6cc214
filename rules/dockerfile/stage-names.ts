import { closest, defineDockerfileRule } from '../../src/rule-api.js';
import type { DockerFlag, DockerInstruction } from '../../src/rule-api.js';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The stage a `--from` names, from COPY or a RUN mount. */
function fromReferences(instr: DockerInstruction): { value: string; flag: DockerFlag }[] {
  const out: { value: string; flag: DockerFlag }[] = [];
  for (const f of instr.flags) {
    if (instr.keyword === 'COPY' && f.name === 'from' && f.value) out.push({ value: f.value, flag: f });
    if (instr.keyword === 'RUN' && f.name === 'mount' && f.options.from) out.push({ value: f.options.from, flag: f });
  }
  return out;
}

export default defineDockerfileRule({
  meta: {
    id: 'dockerfile/stage-names',
    severity: 'error',
    summary: 'Two stages with the same name (hadolint DL3024); `COPY --from` or a RUN mount naming a stage that does not exist (DL3022).',
    rationale:
      'Duplicate stage names make every `--from` and `FROM <stage>` ambiguous; BuildKit rejects the file. A `--from` that names no stage is not an error to Docker: a bare name is pulled as an image from Docker Hub, so a typo in `--from=buidler` copies files from whatever image of that name exists, or fails at build time. Only names close to an existing stage name are reported, and numeric indexes that do not name an earlier stage; image references (`--from=nginx:1.27`, `--from=ghcr.io/x/y`) and bare names unlike any stage (`--from=busybox`) are left alone, unlike hadolint DL3022 which reports every bare name. Equivalent hadolint rules: DL3022, DL3024.',
    fix: 'Give every stage a unique `AS <name>`, and make `--from` name a stage defined earlier (or a full image reference with a tag).',
  },
  check(ctx) {
    const { model } = ctx;
    const names = model.stages.map((s) => s.name).filter((n): n is string => !!n);
    for (const stage of model.stages) {
      if (!stage.name) continue;
      const first = model.stages.find((s) => s.name === stage.name);
      if (first && first.index < stage.index) {
        const range = model.index.find(new RegExp(`(?<=\\bas\\s+)${escapeRegExp(stage.name)}\\b`, 'i'), stage.from.range) ?? stage.from.range;
        ctx.report({
          message: `stage name \`${stage.name}\` is already used by the stage on line ${first.from.range.start.line}`,
          range,
          fix: `Rename one of the two stages (e.g. \`AS ${stage.name}-2\`) and update the \`--from\` and \`FROM\` that mean it.`,
        });
      }
    }
    for (const stage of model.stages) {
      for (const instr of stage.instructions) {
        for (const { value, flag } of fromReferences(instr)) {
          if (value.includes('$')) continue;
          const range = model.index.find(value, flag.range) ?? flag.range;
          if (/^\d+$/.test(value)) {
            const n = Number(value);
            if (n < stage.index) continue;
            ctx.report({
              message: `\`--from=${value}\` does not name an earlier stage (this is stage ${stage.index})`,
              range,
              fix: 'Use the name or index of a stage defined before this one.',
            });
            continue;
          }
          const lower = value.toLowerCase();
          if (names.includes(lower) || /[/:@.]/.test(value)) continue;
          const near = closest(lower, names);
          if (!near) continue;
          ctx.report({
            message: `\`--from=${value}\` names no stage; did you mean \`${near}\`? As written, Docker pulls an image named \`${value}\``,
            range,
            fix: `Write \`--from=${near}\`.`,
          });
        }
      }
    }
  },
});
