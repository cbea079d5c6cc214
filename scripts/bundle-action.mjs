// Builds the committed bundle: action-dist/ holds the GitHub Action's entry,
// the CLI that the pre-commit hook runs, the lint worker and the compiled
// validators, self-contained (no node_modules, no TypeScript build where they
// run).
// Run after `npm run build` (it copies the validators that build compiled):
//   node scripts/bundle-action.mjs [outdir]
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(process.argv[2] ?? join(root, 'action-dist'));

// Lazy `createRequire(import.meta.url)('pkg')` loads of packages become plain requires the bundler inlines;
// requires of a computed path (the compiled validators) stay runtime requires.
const inlineRequires = {
  name: 'inline-requires',
  setup(b) {
    b.onLoad({ filter: /[\\/](src|rules)[\\/].*\.ts$/ }, (args) => {
      let text = readFileSync(args.path, 'utf8');
      text = text.replace(/createRequire\(import\.meta\.url\)\((['"][^'"]+['"])\)/g, 'require($1)');
      text = text.replace(/^const require = createRequire\(import\.meta\.url\);$/m, '');
      return { contents: text, loader: 'ts' };
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  charset: 'utf8',
};

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
await build({
  ...common,
  entryPoints: { index: join(root, 'src', 'github-action.ts'), cli: join(root, 'src', 'cli.ts'), 'lint-worker': join(root, 'src', 'lint-worker.ts') },
  outdir: out,
  format: 'esm',
  define: { GENAI_LINT_BUNDLE: 'true' },
  plugins: [inlineRequires],
  // The validators and Node's own modules load at run time; `require` for them in an ES module:
  banner: { js: "import { createRequire as __genaiLintRequire } from 'node:module';\nconst require = __genaiLintRequire(import.meta.url);" },
});
// The compiled validators, each with the ajv runtime helpers it needs inlined.
const validators = [
  ['config-validator.cjs', join(root, 'dist', 'config-validator.cjs')],
  ...readdirSync(join(root, 'dist', 'kube-validators')).map((f) => [join('kube-validators', f), join(root, 'dist', 'kube-validators', f)]),
];
for (const [name, file] of validators) {
  await build({ ...common, entryPoints: [file], outfile: join(out, name), format: 'cjs', minify: false });
}
console.log(`wrote ${out}`);
// pre-commit runs the CLI as a script: it must be executable.
chmodSync(join(out, 'cli.js'), 0o755);
