import { defineDockerfileRule } from '../../src/rule-api.js';
import type { ContextFile } from '../../src/rule-api.js';
import { finalImageChain } from '../../src/rule-api.js';
import { trimTrailingSlashes } from '../../src/rule-api.js';
import { copySources, flagOf, locateInInstruction } from '../lib/dockerfile.js';
import { weightSource } from '../lib/weights.js';
import { secretFileKind } from '../lib/secrets.js';
import { formatBytes } from '../lib/quantity.js';

interface Options {
  maxFiles: number;
  /** Dockerfile path (as linted, or a suffix of it) -> build context directory, relative to the config file. */
  contexts: Record<string, string>;
}

function normalise(p: string): string {
  return trimTrailingSlashes(p.replace(/\\/g, '/').replace(/^\.\//, ''));
}

/** Files of the context that a COPY source sends: `.` is everything, a directory is its subtree. */
function filesCopiedBy(source: string, files: readonly ContextFile[]): ContextFile[] | undefined {
  const src = normalise(source);
  if (src === '' || src === '.' || src === '*') return [...files];
  if (/[*?[]/.test(src)) return undefined;
  const under = files.filter((f) => f.path.startsWith(src + '/'));
  return under.length ? under : undefined;
}

function list(paths: readonly string[], max = 3): string {
  return paths.slice(0, max).join(', ') + (paths.length > max ? `, and ${paths.length - max} more` : '');
}

export default defineDockerfileRule<Options>({
  meta: {
    id: 'dockerfile/build-context',
    severity: 'warning',
    summary: 'A whole-directory COPY/ADD that, given the build context on disk and its .dockerignore, sends weight files or secret files into the image.',
    rationale:
      '`COPY . .` copies whatever sits in the build context that .dockerignore does not exclude. In ML repositories that is often a downloaded checkpoint, a LoRA adapter, a .env with API keys or a service-account JSON: gigabytes and credentials in a layer, invisible in the Dockerfile itself. Only the files on disk tell.',
    fix: 'Add the weight and secret paths to .dockerignore (`models/`, `*.safetensors`, `.env*`, `*.pem`), or copy only what the image needs (`COPY src/ /app/src/`).',
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        maxFiles: { type: 'integer', minimum: 1 },
        contexts: { type: 'object', additionalProperties: { type: 'string' } },
      },
    },
    defaultOptions: { maxFiles: 20000, contexts: {} },
  },
  check(ctx) {
    const file = normalise(ctx.file);
    const override = Object.entries(ctx.options.contexts ?? {}).find(([k]) => file === normalise(k) || file.endsWith('/' + normalise(k)));
    let context: ReturnType<typeof ctx.buildContext> | null = null;
    for (const stage of finalImageChain(ctx.model)) {
      for (const instr of stage.instructions) {
        if ((instr.keyword !== 'COPY' && instr.keyword !== 'ADD') || flagOf(instr, 'from')) continue;
        for (const src of copySources(instr)) {
          if (/^[a-z]+:\/\//i.test(src.path)) continue;
          if (context === null) context = ctx.buildContext({ dir: override?.[1], maxFiles: ctx.options.maxFiles });
          if (!context) return;
          const copied = filesCopiedBy(src.path, context.files);
          if (!copied) continue;
          const weights = copied.filter((f) => weightSource(f.path, []) !== undefined);
          const secrets = copied.filter((f) => secretFileKind(f.path) !== undefined);
          if (!weights.length && !secrets.length) continue;
          const parts: string[] = [];
          if (weights.length) {
            const total = weights.reduce((n, f) => n + f.size, 0);
            parts.push(`${weights.length} weight file${weights.length > 1 ? 's' : ''}, ${formatBytes(total)}: ${list(weights.map((f) => f.path))}`);
          }
          if (secrets.length) parts.push(`${secrets.length} secret file${secrets.length > 1 ? 's' : ''}: ${list(secrets.map((f) => f.path))}`);
          const ignore = context.ignoreFile ? '' : ' (there is no .dockerignore)';
          const partial = context.truncated ? ` (stopped after ${ctx.options.maxFiles} files)` : '';
          ctx.report({
            message: `${instr.keyword} ${src.path} copies ${parts.join('; and ')}${ignore}${partial}`,
            range: locateInInstruction(ctx.model, instr, src.path),
            fix: `Exclude them in ${context.ignoreFile ? '.dockerignore' : 'a new .dockerignore'}: ${[...new Set([...weights, ...secrets].map((f) => f.path.split('/')[0] + (f.path.includes('/') ? '/' : '')))].slice(0, 4).join(', ')}.`,
          });
        }
      }
    }
  },
});
