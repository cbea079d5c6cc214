import { defineDockerfileRule, finalImageChain, safeFix, unsafeFix } from '../../src/rule-api.js';
import type { DockerInstruction } from '../../src/rule-api.js';
import { inStage, mountsOf } from '../lib/dockerfile.js';
import { runScripts, wordRange } from '../lib/shell.js';
import { hasOption, packageInvocation } from '../lib/packages.js';
import type { PackageInvocation } from '../lib/packages.js';

const ASSUME_YES = /^(?:-[a-zA-Z]*y[a-zA-Z]*|--yes|--assume-yes|-qq|-q=2|--quiet=2|--force-yes|(?:-o|--option)=APT::Get::Assume-Yes=(?:true|yes|1))$/i;
const NO_RECOMMENDS = /^(?:--no-install-recommends|(?:-o|--option)=APT::Install-Recommends=(?:false|no|0|off))$/i;
const LISTS = /^\/var\/lib\/apt\/lists(?:\/(?:\*|\.\*)?)?$/;

/** Quiet level 2 (`-qq`, `-q -q`, `--quiet=2`) implies `-y`. */
function quietLevel(inv: PackageInvocation): number {
  let level = 0;
  for (const o of inv.options) {
    const v = o.value;
    if (v === '--quiet') level++;
    else if (/^(?:-q|--quiet)=(\d)$/.test(v)) level += Number(/\d$/.exec(v)![0]);
    else if (/^-[a-zA-Z]+$/.test(v)) level += (v.match(/q/g) ?? []).length;
  }
  return level;
}

/** A cache or tmpfs mount over the lists: they never reach the image layer. */
function cacheMountsLists(instr: DockerInstruction): boolean {
  return [...mountsOf(instr, 'cache'), ...mountsOf(instr, 'tmpfs')].some((m) => /^\/var\/lib\/apt(?:\/lists)?\/?$/.test(m.options.target ?? m.options.dst ?? m.options.destination ?? ''));
}

/** RUN instructions after `instr` in the file (later stages may build on its layer). */
function laterRuns(instructions: readonly DockerInstruction[], instr: DockerInstruction): DockerInstruction[] {
  return instructions.slice(instructions.indexOf(instr) + 1).filter((i) => i.keyword === 'RUN');
}

export default defineDockerfileRule({
  meta: {
    id: 'dockerfile/apt-hygiene',
    severity: 'warning',
    summary:
      '`apt-get install` without `-y` (hadolint DL3014) or, in the final image, without `--no-install-recommends` (DL3015); apt lists left in the final image (DL3009); `apt` instead of `apt-get` (DL3027).',
    rationale:
      'Without `-y` the build aborts at the confirmation prompt. Recommended packages are installed by default: on a CUDA or PyTorch base image they pull in documentation, X11 and extra toolchains, adding hundreds of megabytes to gigabytes to every GPU node pull and cold start. The package lists under /var/lib/apt/lists (tens of megabytes) stay in the layer unless removed in the same RUN: a later RUN cannot shrink an earlier layer; a BuildKit cache or tmpfs mount on /var/lib/apt or /var/lib/apt/lists keeps them out of it. Unlike hadolint DL3009, a cache mount on the lists alone is enough: what this rule reports is the lists, not the package archives in /var/cache/apt (which Debian and Ubuntu images clean after each install). `apt` is meant for terminals and warns that its interface is not stable in scripts. Build stages that are not part of the final image are checked only for `-y` and `apt`, since their size does not ship. Equivalent hadolint rules: DL3009, DL3014, DL3015, DL3027.',
    autofix: {
      applicability: 'mixed',
      description:
        'Adds the missing `-y` (safe) and `--no-install-recommends` (unsafe: a recommended package the image relied on goes away) after `install`; ends a RUN that updates the lists with `&& rm -rf /var/lib/apt/lists/*` (safe; not offered when a later RUN installs packages without updating the lists first). `apt` is not rewritten.',
    },
    fix: 'Write `RUN apt-get update && apt-get install -y --no-install-recommends <packages> && rm -rf /var/lib/apt/lists/*` (or mount a cache or tmpfs on /var/lib/apt/lists).',
  },
  check(ctx) {
    const { model } = ctx;
    /**
     * `&& rm -rf /var/lib/apt/lists/*` after the last command of a plain
     * shell-form RUN. None when a later RUN installs packages
     * without its own `apt-get update`: it would find no package lists.
     */
    const removeListsFix = (instr: DockerInstruction, later: DockerInstruction[]) => {
      if (instr.jsonArgs || instr.heredocs.length) return undefined;
      const source = ctx.edit.textOf(instr.range).trimEnd();
      if (!source || /[;&|\\(]$/.test(source) || /(^|\n)\s*#/.test(source)) return undefined;
      const edit = [ctx.edit.insertAfter(instr.range, ' && rm -rf /var/lib/apt/lists/*')];
      const installsLater = later.some((r) => /\bapt(?:-get)?\s+(?:-\S+\s+)*install\b/.test(r.argsText) && !/\bapt(?:-get)?\s+(?:-\S+\s+)*update\b/.test(r.argsText));
      return installsLater ? undefined : safeFix(edit);
    };
    const shipped = new Set(finalImageChain(model).map((s) => s.index));
    // apt configuration written by the Dockerfile itself (apt.conf.d) counts as the flag.
    const confYes = /APT::Get::Assume-Yes\s+"?(?:true|1|yes)/i.test(model.text);
    const confNoRecommends = /APT::Install-Recommends\s+"?(?:false|0|no|off)/i.test(model.text);
    for (const stage of model.stages) {
      const final = shipped.has(stage.index);
      const where = inStage(model, stage.index);
      for (const instr of stage.instructions) {
        if (instr.keyword !== 'RUN') continue;
        const scripts = runScripts(model, instr);
        const commands = scripts.flatMap((s) => s.commands);
        const removesLists = commands.some((c) => {
          const v = c.words.map((w) => w.value);
          if (v[0] === 'apt-get' && (v.includes('dist-clean') || v.includes('distclean'))) return true;
          return (v[0] === 'rm' || v[0] === 'find') && v.slice(1).some((a) => LISTS.test(a) || a.startsWith('/var/lib/apt/lists/'));
        });
        let updateReported = false;
        for (const [ci, cmd] of commands.entries()) {
          const inv = packageInvocation(cmd);
          if (!inv || (inv.tool !== 'apt-get' && inv.tool !== 'apt')) continue;
          if (inv.tool === 'apt') {
            ctx.report({
              message: `\`apt${inv.sub ? ` ${inv.sub.value}` : ''}\`${where}: \`apt\` is for interactive use and its output and options are not stable in scripts`,
              range: wordRange(model, inv.toolWord),
              fix: `Use \`apt-get${inv.sub ? ` ${inv.sub.value}` : ''}\` instead.`,
            });
          }
          const sub = inv.sub?.value;
          if (sub === 'install' && inv.operands.length) {
            // `yes | apt-get install` answers the prompt.
            const piped = cmd.after === '|' && commands[ci - 1]?.words[0]?.value === 'yes';
            const missing: string[] = [];
            if (!confYes && !piped && !hasOption(inv, ASSUME_YES) && quietLevel(inv) < 2) missing.push('-y');
            if (final && !confNoRecommends && !hasOption(inv, NO_RECOMMENDS)) missing.push('--no-install-recommends');
            if (missing.length) {
              const noYes = missing.includes('-y');
              const subRange = wordRange(model, inv.sub!);
              // `--no-install-recommends` can drop a package the image relied on: that fix is for review.
              const edits = ctx.edit.textOf(subRange) === 'install' ? [ctx.edit.insertAfter(subRange, ` ${missing.join(' ')}`)] : undefined;
              ctx.report({
                autofix: missing.includes('--no-install-recommends') ? unsafeFix(edits) : safeFix(edits),
                message: `\`${inv.tool} install\` without ${missing.join(' and ')}${where}${noYes ? ': the build stops at the confirmation prompt' : ''}${missing.includes('--no-install-recommends') ? `${noYes ? ';' : ':'} recommended packages ship in the image` : ''}`,
                range: wordRange(model, inv.sub!),
                fix: `Add ${missing.map((m) => `\`${m}\``).join(' and ')}: \`${inv.tool === 'apt' ? 'apt-get' : inv.tool} install ${missing.join(' ')} ...\`.`,
              });
            }
          }
          if (sub === 'update' && final && !updateReported && !removesLists && !cacheMountsLists(instr)) {
            updateReported = true;
            ctx.report({
              autofix: removeListsFix(instr, laterRuns(model.instructions, instr)),
              message: `\`${inv.tool} update\`${where} without removing /var/lib/apt/lists in the same RUN: the package lists stay in the image layer`,
              range: wordRange(model, inv.sub!),
              fix: 'End the same RUN with `&& rm -rf /var/lib/apt/lists/*`, or use `RUN --mount=type=cache,target=/var/lib/apt/lists`.',
            });
          }
        }
      }
    }
  },
});
