import { defineDockerfileRule } from '../../src/engine/rule.js';
import { commandText, finalImageChain } from '../../src/parse/dockerfile.js';
import type { DockerInstruction } from '../../src/parse/dockerfile.js';
import { inStage, locateInInstruction, mountsOf } from '../lib/dockerfile.js';

const PIP_INSTALL = /(?<!uv\s)\b(?:python3?(?:\.\d+)?\s+-m\s+)?pip3?\s+install\b/;
const UV_PIP_INSTALL = /\buv\s+pip\s+install\b/;

function hasCacheMount(instr: DockerInstruction, dir: RegExp): boolean {
  return mountsOf(instr, 'cache').some((m) => dir.test(m.options.target ?? m.options.dst ?? m.options.destination ?? ''));
}

function envSet(instr: DockerInstruction, name: string): boolean {
  const v = instr.scope.get(name)?.value;
  return v !== undefined && v !== '' && !/^(0|false|no)$/i.test(v);
}

export default defineDockerfileRule({
  meta: {
    id: 'dockerfile/pip-cache',
    severity: 'info',
    summary: '`pip install` (or `uv pip install`) in the final image without disabling or mounting its download cache.',
    rationale:
      'pip keeps every downloaded wheel in ~/.cache/pip inside the layer. For a GenAI image that is torch, CUDA wheels, flash-attn and vLLM: gigabytes of duplicate wheels shipped to every GPU node, slowing pulls and cold starts.',
    fix: 'Use `pip install --no-cache-dir`, set `ENV PIP_NO_CACHE_DIR=1`, or mount the cache: `RUN --mount=type=cache,target=/root/.cache/pip pip install ...` (uv: `--no-cache`, `UV_NO_CACHE=1` or a cache mount on /root/.cache/uv).',
  },
  check(ctx) {
    for (const stage of finalImageChain(ctx.model)) {
      for (const instr of stage.instructions) {
        if (instr.keyword !== 'RUN') continue;
        const text = commandText(instr);
        if (/\brm\s+-[a-z]*r[a-z]*f?\s+[^;&|]*\.cache\/pip\b|\bpip3?\s+cache\s+purge\b/.test(text)) continue;
        const segments = text.split(/&&|\|\||;|\n|\|/);
        const pipOk = envSet(instr, 'PIP_NO_CACHE_DIR') || hasCacheMount(instr, /\.cache\/pip|^\/root\/\.cache\/?$/);
        const uvOk = envSet(instr, 'UV_NO_CACHE') || hasCacheMount(instr, /\.cache\/uv|^\/root\/\.cache\/?$/);
        for (const seg of segments) {
          const isUv = UV_PIP_INSTALL.test(seg);
          const isPip = !isUv && PIP_INSTALL.test(seg);
          if (isPip && !pipOk && !/--no-cache-dir\b/.test(seg)) {
            const needle = PIP_INSTALL.exec(seg)![0];
            ctx.report({
              message: `\`${needle}\` without --no-cache-dir${inStage(ctx.model, stage.index)}: downloaded wheels stay in the image layer`,
              range: locateInInstruction(ctx.model, instr, needle),
              fix: 'Add --no-cache-dir, or use `RUN --mount=type=cache,target=/root/.cache/pip`.',
            });
            break;
          }
          if (isUv && !uvOk && !/--no-cache\b/.test(seg)) {
            ctx.report({
              message: `\`uv pip install\` without --no-cache${inStage(ctx.model, stage.index)}: the uv cache stays in the image layer`,
              range: locateInInstruction(ctx.model, instr, UV_PIP_INSTALL.exec(seg)![0]),
              fix: 'Add --no-cache, set UV_NO_CACHE=1, or use `RUN --mount=type=cache,target=/root/.cache/uv`.',
            });
            break;
          }
        }
      }
    }
  },
});
