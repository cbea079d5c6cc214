import { defineDockerfileRule, safeFix } from '../../src/rule-api.js';
import { commandText, finalImageChain } from '../../src/rule-api.js';
import type { DockerInstruction } from '../../src/rule-api.js';
import { trimTrailingSlashes } from '../../src/rule-api.js';
import { inStage, locateInInstruction } from '../lib/dockerfile.js';

/** `pip install`, `pip2`/`pip3`/`pip3.11 install`, `python -m pip install`; not `uv pip install`. */
const PIP_INSTALL = /(?<!uv\s)\b(?:python[23]?(?:\.\d+)?\s+-m\s+)?pip[23]?(?:\.\d+)?\s+install\b/;
/** uv commands that fill the uv cache: `uv pip install`, `uv pip sync`, `uv sync`. */
const UV_INSTALL = /\buv\s+(?:pip\s+(?:install|sync)|sync)\b/;

/** The cache directory a tool uses in this instruction's environment, when a variable moves it. */
function cacheDirs(instr: DockerInstruction, tool: 'pip' | 'uv'): string[] {
  const dirs = [tool === 'pip' ? '.cache/pip' : '.cache/uv'];
  const own = instr.scope.get(tool === 'pip' ? 'PIP_CACHE_DIR' : 'UV_CACHE_DIR')?.value;
  if (own) dirs.push(trimTrailingSlashes(own));
  const xdg = instr.scope.get('XDG_CACHE_HOME')?.value;
  if (xdg) dirs.push(`${trimTrailingSlashes(xdg)}/${tool}`);
  return dirs;
}

/** A cache or tmpfs mount over the tool's cache directory (or a parent of it) keeps the cache out of the layer. */
function hasCacheMount(instr: DockerInstruction, tool: 'pip' | 'uv'): boolean {
  const dirs = cacheDirs(instr, tool);
  return instr.flags.some((f) => {
    if (f.name !== 'mount' || !['cache', 'tmpfs'].includes(f.options.type ?? 'bind')) return false;
    const target = trimTrailingSlashes(f.options.target ?? f.options.dst ?? f.options.destination ?? '');
    if (!target) return false;
    if (/(^|\/)\.cache$/.test(target)) return true;
    return dirs.some((d) => d === target || d.startsWith(target + '/') || (d.startsWith('.cache/') && target.endsWith('/' + d)));
  });
}

/**
 * pip disables its cache when PIP_NO_CACHE_DIR has any value, false-looking
 * ones included (kept for backward compatibility since pip 19). uv reads
 * UV_NO_CACHE as a boolean.
 */
function disablesCache(name: 'PIP_NO_CACHE_DIR' | 'UV_NO_CACHE', value: string | undefined): boolean {
  if (value === undefined) return false;
  const v = value.trim().replace(/^["']|["']$/g, '');
  if (v === '') return false;
  return name === 'PIP_NO_CACHE_DIR' || !/^(0|false|no|off)$/i.test(v);
}

/** `rm -r`, `rm -rf`, `rm -fr`...: a flag cluster with `r`, split at its first `r` so it matches one way. */
const RM_RECURSIVE = /\brm\s+-[a-qs-z]*r[a-z]*\s/;
/** The cache directory (or its contents) as a path ending at a blank, quote, `)` or the end of the command. */
const CACHE_PATH = { pip: /\.cache(?:\/pip)?\/?\*?(?=[\s)"']|$)/, uv: /\.cache(?:\/uv)?\/?\*?(?=[\s)"']|$)/ };

/**
 * Whether a command between `;`, `&` and `|` removes the tool's cache
 * directory with `rm -r`. Each command is looked at from its first `rm -r`
 * only: a later one in the same command sees a part of the same text. A
 * single pattern for the whole text rescanned the rest of the command from
 * every `rm -r` and every blank after it.
 */
function removesCache(text: string, tool: 'pip' | 'uv'): boolean {
  for (const command of text.split(/[;&|]/)) {
    const rm = RM_RECURSIVE.exec(command);
    if (rm && CACHE_PATH[tool].test(command.slice(rm.index + rm[0].length))) return true;
  }
  return false;
}

/**
 * A variable set in the shell before the command: `export X=1 && ...`, `X=1 cmd`, `env X=1 cmd`.
 * Each assignment after `env` is split at its first `=` past the first character: split at any
 * `=`, every way of splitting `a=b=c` was tried in turn, exponential in the assignments.
 */
function shellSets(text: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|[\\s;&|(])(?:export\\s+|env\\s+(?:\\S[^\\s=]*=\\S*\\s+)*)?${name}=("[^"]*"|'[^']*'|[^\\s;&|]*)`).exec(text);
  return m?.[1];
}

export default defineDockerfileRule({
  meta: {
    id: 'dockerfile/pip-cache',
    severity: 'info',
    summary: '`pip install` (pip, pip2, pip3, `python -m pip`) or `uv pip install`/`uv sync` in the final image without disabling or mounting its download cache.',
    rationale:
      'pip keeps every downloaded wheel in ~/.cache/pip inside the layer, and uv keeps its cache in ~/.cache/uv. For a GenAI image that is torch, CUDA wheels, flash-attn and vLLM: gigabytes of duplicate wheels shipped to every GPU node, slowing pulls and cold starts.'
      + ' Not reported: `--no-cache-dir` (or its abbreviation `--no-cache`); PIP_NO_CACHE_DIR set to any value by ENV, ARG, `export` or inline (pip treats every value, even `0` or `false`, as "no cache"); uv `--no-cache` or UV_NO_CACHE set to a true value; a cache or tmpfs mount over the cache directory (also when PIP_CACHE_DIR, UV_CACHE_DIR or XDG_CACHE_HOME move it); `rm -rf` of the cache, `pip cache purge` or `uv cache clean` in the same RUN; stages that do not end up in the final image. Not judged: pip settings in a pip.conf.',
    autofix: { applicability: 'safe', description: 'Adds `--no-cache-dir` after `pip install` (`--no-cache` after the uv command).' },
    fix: 'Use `pip install --no-cache-dir`, set `ENV PIP_NO_CACHE_DIR=1`, or mount the cache: `RUN --mount=type=cache,target=/root/.cache/pip pip install ...` (uv: `--no-cache`, `UV_NO_CACHE=1` or a cache mount on /root/.cache/uv).',
  },
  check(ctx) {
    for (const stage of finalImageChain(ctx.model)) {
      for (const instr of stage.instructions) {
        if (instr.keyword !== 'RUN') continue;
        const text = commandText(instr);
        const pipCleaned = removesCache(text, 'pip') || /\bpip[23]?\s+cache\s+purge\b/.test(text);
        const uvCleaned = removesCache(text, 'uv') || /\buv\s+cache\s+(?:clean|prune)\b/.test(text);
        const pipOk = pipCleaned || disablesCache('PIP_NO_CACHE_DIR', instr.scope.get('PIP_NO_CACHE_DIR')?.value) || hasCacheMount(instr, 'pip');
        const uvOk = uvCleaned || disablesCache('UV_NO_CACHE', instr.scope.get('UV_NO_CACHE')?.value) || hasCacheMount(instr, 'uv');
        if (pipOk && uvOk) continue;
        const segments = text.split(/&&|\|\||;|\n|\|/);
        let before = '';
        for (const seg of segments) {
          const earlier = before;
          const upTo = before + ' ' + seg;
          before = upTo + ';';
          /** The command's own occurrence of `needle` in the file, and the fix that adds `flag` right after it. */
          const at = (needle: string, flag: string) => {
            const range = locateInInstruction(ctx.model, instr, needle, earlier.split(needle).length - 1);
            return { range, autofix: ctx.edit.textOf(range) === needle ? safeFix([ctx.edit.insertAfter(range, ` ${flag}`)]) : undefined };
          };
          const uv = UV_INSTALL.exec(seg);
          const pip = uv ? null : PIP_INSTALL.exec(seg);
          if (pip && !pipOk && !/--no-cache(?:-dir)?\b/.test(seg) && !disablesCache('PIP_NO_CACHE_DIR', shellSets(upTo, 'PIP_NO_CACHE_DIR'))) {
            ctx.report({
              message: `\`${pip[0]}\` without --no-cache-dir${inStage(ctx.model, stage.index)}: downloaded wheels stay in the image layer`,
              ...at(pip[0], '--no-cache-dir'),
              fix: 'Add --no-cache-dir, or use `RUN --mount=type=cache,target=/root/.cache/pip`.',
            });
            break;
          }
          if (uv && !uvOk && !/--no-cache\b/.test(seg) && !disablesCache('UV_NO_CACHE', shellSets(upTo, 'UV_NO_CACHE'))) {
            ctx.report({
              message: `\`${uv[0]}\` without --no-cache${inStage(ctx.model, stage.index)}: the uv cache stays in the image layer`,
              ...at(uv[0], '--no-cache'),
              fix: 'Add --no-cache, set UV_NO_CACHE=1, or use `RUN --mount=type=cache,target=/root/.cache/uv`.',
            });
            break;
          }
        }
      }
    }
  },
});
