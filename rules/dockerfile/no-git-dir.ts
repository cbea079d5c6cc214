import { defineDockerfileRule } from '../../src/rule-api.js';
import { finalImageChain } from '../../src/rule-api.js';
import { copySources, inStage, locateInInstruction } from '../lib/dockerfile.js';

export default defineDockerfileRule({
  meta: {
    id: 'dockerfile/no-git-dir',
    severity: 'warning',
    securitySeverity: 7.5,
    summary: 'COPY/ADD of the `.git` directory into the image.',
    rationale:
      'The .git directory carries the full history of the repository: every secret ever committed and later removed, internal branch names, and often hundreds of megabytes. Anyone who pulls the image can run `git log -p` on it.',
    fix: 'To read commit metadata during the build, mount it: `RUN --mount=type=bind,source=.git,target=.git git rev-parse HEAD > /app/REVISION`; add `.git` to .dockerignore.',
  },
  check(ctx) {
    for (const stage of finalImageChain(ctx.model)) {
      for (const instr of stage.instructions) {
        if (instr.keyword !== 'COPY' && instr.keyword !== 'ADD') continue;
        for (const src of copySources(instr)) {
          if (!/(^|\/)\.git\/?$/.test(src.path.replace(/^\.\//, ''))) continue;
          ctx.report({
            message: `${instr.keyword} copies \`${src.path}\` into the image${inStage(ctx.model, stage.index)}: the whole repository history ships with it`,
            range: locateInInstruction(ctx.model, instr, src.path),
          });
        }
      }
    }
  },
});
