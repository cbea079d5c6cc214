import { defineComposeRule } from '../../src/rule-api.js';
import { volumeTargets } from '../../src/rule-api.js';
import { asContainer, reportedByBase, serviceLabel, servicesToJudge } from '../lib/compose.js';
import { isUnder, modelDownload, modelServerKind } from '../lib/model-server.js';

export default defineComposeRule({
  meta: {
    id: 'compose/model-cache',
    severity: 'info',
    summary: 'A model server that downloads a hub model without a volume for its cache.',
    rationale:
      'Without a named volume or bind mount on the cache directory (HF_HOME, /root/.cache/huggingface, /root/.ollama, TGI\'s /data), every `docker compose down && up` downloads the model again: gigabytes and minutes each time, and hub rate limits in CI.',
    fix: 'Mount a named volume on the cache directory, e.g. `volumes: [hf-cache:/root/.cache/huggingface]`.',
  },
  check(ctx) {
    for (const { service: s, effective } of servicesToJudge(ctx.model)) {
      const container = asContainer(effective);
      if (!modelServerKind(container)) continue;
      const download = modelDownload(container);
      if (!download) continue;
      if (volumeTargets(effective).some((t) => isUnder(download.cacheDir, t))) continue;
      if (reportedByBase(ctx.model, s)) continue;
      ctx.report({
        message: `${serviceLabel(s)} ${download.what} into ${download.cacheDir} without a volume: every recreate downloads it again`,
        path: s.path,
        fix: `Mount a named volume at ${download.cacheDir}.`,
      });
    }
  },
});
