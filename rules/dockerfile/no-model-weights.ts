import { defineDockerfileRule } from '../../src/rule-api.js';
import { commandText, finalImageChain } from '../../src/rule-api.js';
import { copySources, inStage, locateInInstruction } from '../lib/dockerfile.js';
import { findWeightDownloads, weightSource } from '../lib/weights.js';

export default defineDockerfileRule({
  meta: {
    id: 'dockerfile/no-model-weights',
    severity: 'warning',
    summary: 'Model weights baked into the image: weight files or directories copied in, or downloaded by RUN at build time.',
    rationale:
      'Weights make images tens of gigabytes: every pull on a new GPU node takes minutes, registries and caches fill up, and a model update needs a full image rebuild. Build-time downloads also need hub credentials during the build and make builds unreproducible when the hub revision moves.'
      + ' Not reported: Hugging Face dataset downloads (`huggingface.co/datasets/...`, `--repo-type dataset`, `repo_type="dataset"`), which are data rather than weights; downloads at container start (CMD, ENTRYPOINT); stages that do not end up in the final image.',
    fix: 'Keep the image code-only. Mount the weights from a volume (PVC, hostPath cache, KServe storage initializer) or download them at start-up into a persistent cache (HF_HOME on a volume).',
  },
  check(ctx) {
    const { model } = ctx;
    // Only stages whose layers end up in the shipped image.
    for (const stage of finalImageChain(model)) {
      for (const instr of stage.instructions) {
        if (instr.keyword === 'COPY' || instr.keyword === 'ADD') {
          const sources = copySources(instr).map((s) => s.path);
          for (const src of sources) {
            const match = weightSource(src, sources);
            if (!match) continue;
            ctx.report({
              message: `${instr.keyword} bakes model weights into the image: \`${src}\` (${match.reason})${inStage(model, stage.index)}`,
              range: locateInInstruction(model, instr, src),
              fix: 'Mount the weights at run time (a volume or PVC) instead of copying them into the image.',
            });
          }
        } else if (instr.keyword === 'RUN') {
          for (const d of findWeightDownloads(commandText(instr))) {
            ctx.report({
              message: `RUN downloads model weights at build time (${d.what})${inStage(model, stage.index)}; they are baked into a layer`,
              range: locateInInstruction(model, instr, d.text, d.occurrence),
              fix: 'Move the download to container start-up (entrypoint or init container) with the cache on a volume.',
            });
          }
        }
      }
    }
  },
});
