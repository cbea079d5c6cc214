import { defineDockerfileRule } from '../../src/rule-api.js';
import { inStage } from '../lib/dockerfile.js';
import { runScripts, wordRange } from '../lib/shell.js';
import { packageInvocation } from '../lib/packages.js';
import type { PackageInvocation } from '../lib/packages.js';
import type { ShellWord } from '../lib/shell.js';

/** Operands that are not registry packages: variables, paths, archives, URLs. */
function notARegistryPackage(v: string): boolean {
  return /\$|^[./~]|^-|\.(?:deb|apk|whl|tgz|tar(?:\.\w+)?|zip)$/.test(v) || /^[a-z][a-z0-9+.-]*:\/\//i.test(v);
}

function unpinnedApt(op: string): boolean {
  // `pkg=1.2`; `pkg/bookworm-backports` names a release, not something we judge.
  return !notARegistryPackage(op) && !op.includes('=') && !op.includes('/') && !op.includes('*');
}

function unpinnedPip(op: string): boolean {
  if (op.includes('$')) return false;
  if (/^git\+/.test(op)) return !/\.git@|@[^/]+$/.test(op.split('#')[0]);
  if (notARegistryPackage(op)) return false;
  // `pkg/subdir`: a local directory (a VCS source has a scheme, handled above).
  if (op.includes('/')) return false;
  // Any version specifier or a direct reference (`name @ url`) counts as pinned.
  return !/[=<>~!@]/.test(op);
}

function unpinnedNpm(op: string): boolean {
  if (op.includes('$')) return false;
  // A git URL installs the default branch unless `#<commit-ish>` names one.
  if (/^(?:git(?:\+(?:ssh|https?|file))?:\/\/|git\+ssh:|(?:github|gitlab|bitbucket):)/.test(op)) return !op.includes('#');
  if (notARegistryPackage(op) || /^(?:git\+?\w*|file|npm):/.test(op)) return false;
  const at = op.indexOf('@', 1);
  if (at < 0) return !/^[^@][^/]*\/[^/]+$/.test(op); // `user/repo` is a GitHub shorthand
  const version = op.slice(at + 1);
  return version === '' || version === 'latest' || version === 'next' || version === '*';
}

function unpinnedApk(op: string): boolean {
  return !notARegistryPackage(op) && !/[=<>~]/.test(op);
}

function unpinnedOf(inv: PackageInvocation): ShellWord[] {
  const sub = inv.sub?.value;
  switch (inv.tool) {
    case 'apt-get':
    case 'apt':
      return sub === 'install' ? inv.operands.filter((w) => unpinnedApt(w.value)) : [];
    case 'pip':
    case 'uv-pip': {
      if (sub !== 'install') return [];
      // A constraints file pins what it names; we cannot see which, so the command counts as pinned.
      if (inv.optionValues.some((o) => /^(?:-c|--constraint)$/.test(o.option.value)) || inv.options.some((o) => /^--constraint=/.test(o.value))) return [];
      return inv.operands.filter((w) => unpinnedPip(w.value));
    }
    case 'npm':
      return sub === 'install' || sub === 'i' || sub === 'add' ? inv.operands.filter((w) => unpinnedNpm(w.value)) : [];
    case 'apk':
      return sub === 'add' ? inv.operands.filter((w) => unpinnedApk(w.value)) : [];
    default:
      return [];
  }
}

const HOW: Record<string, string> = {
  apt: '`apt-get install <package>=<version>`',
  pip: '`pip install <package>==<version>`, a requirements file with pinned versions, or `-c constraints.txt`',
  npm: '`npm install <package>@<version>`, or `npm ci` with a lockfile',
  apk: '`apk add <package>=<version>`',
};

export default defineDockerfileRule({
  meta: {
    id: 'dockerfile/pin-packages',
    severity: 'warning',
    preset: 'strict',
    summary: 'Packages installed without a version: apt (hadolint DL3008), pip (DL3013), npm (DL3016) and apk (DL3018). Strict preset.',
    rationale:
      'An unpinned install takes whatever the index serves on the day of the build: the same Dockerfile builds a different image next week, and a new release of a transitive dependency (a torch, transformers or CUDA library bump) breaks serving with no change in the repository. Requirements files, constraints files (`-c`) and lockfiles count as pinned; local paths (`./pkg`, `src/pkg`), archives, URLs and `$VARIABLES` are not judged; a git source counts as pinned only with a ref (`@<ref>` for pip, `#<commit-ish>` for npm), since without one it installs whatever the default branch holds. Unlike hadolint DL3013, which skips any pip command that reads a requirements file, packages named beside `-r requirements.txt` are still judged: the file does not pin them. All stages are checked: a build stage that installs unpinned tools produces unpinned artifacts. Off by default (enable with `extends: [genai-lint:strict]`): pinning OS packages is a trade-off against security updates. Equivalent hadolint rules: DL3008, DL3013, DL3016, DL3018.',
    fix: 'Pin each package to a version (`pkg=1.2.3-1`, `pkg==1.2.3`, `pkg@1.2.3`), or install from a pinned requirements, constraints or lock file.',
  },
  check(ctx) {
    const { model } = ctx;
    for (const stage of model.stages) {
      for (const instr of stage.instructions) {
        if (instr.keyword !== 'RUN') continue;
        for (const script of runScripts(model, instr)) {
          for (const cmd of script.commands) {
            const inv = packageInvocation(cmd);
            if (!inv) continue;
            const unpinned = unpinnedOf(inv);
            if (!unpinned.length) continue;
            const family = inv.tool === 'apt-get' ? 'apt' : inv.tool === 'uv-pip' ? 'pip' : inv.tool;
            const names = unpinned.map((w) => `\`${w.value}\``);
            const shown = names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
            ctx.report({
              message: `${family} installs ${shown} without a version${inStage(model, stage.index)}`,
              range: wordRange(model, unpinned[0]),
              fix: `Pin the version: ${HOW[family]}.`,
            });
          }
        }
      }
    }
  },
});
