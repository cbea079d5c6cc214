#!/usr/bin/env node
// The import graph's rules (docs/architecture.md), checked on the sources:
// - no import cycles among src/ and rules/ (type-only imports count too);
// - the engine, the parsers and the formats never import rules/;
// - rules import src/ only through src/rule-api.ts.
// Prints each violation and exits 1; exits 0 when the graph is clean.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
const IMPORT = /^\s*(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]|^\s*import\s+['"](\.[^'"]+)['"]/gm;

function sources(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const files = [...sources(join(root, 'src')), ...sources(join(root, 'rules'))];
const rel = (p) => relative(root, p).split('\\').join('/');
const graph = new Map();
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const deps = new Set();
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2];
    const target = resolve(dirname(file), spec).replace(/\.js$/, '.ts');
    if (files.includes(target)) deps.add(target);
  }
  graph.set(file, deps);
}

const problems = [];
const LAYERS_WITHOUT_RULES = ['src/engine/', 'src/parse/', 'src/format/'];
for (const [file, deps] of graph) {
  const from = rel(file);
  for (const dep of deps) {
    const to = rel(dep);
    if (LAYERS_WITHOUT_RULES.some((l) => from.startsWith(l)) && to.startsWith('rules/')) problems.push(`${from} imports ${to}: the engine, parsers and formats never know the rules`);
    if (from.startsWith('rules/') && to.startsWith('src/') && to !== 'src/rule-api.ts') problems.push(`${from} imports ${to}: rules import src/ only through src/rule-api.ts`);
  }
}

// Cycles: depth-first search with colours; each cycle reported once, from its smallest file.
const state = new Map();
const stack = [];
const seen = new Set();
function visit(file) {
  state.set(file, 'open');
  stack.push(file);
  for (const dep of graph.get(file) ?? []) {
    if (state.get(dep) === 'open') {
      const cycle = stack.slice(stack.indexOf(dep)).map(rel);
      const key = [...cycle].sort().join(' ');
      if (!seen.has(key)) {
        seen.add(key);
        problems.push(`import cycle: ${[...cycle, rel(dep)].join(' -> ')}`);
      }
    } else if (!state.has(dep)) visit(dep);
  }
  stack.pop();
  state.set(file, 'done');
}
for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);

for (const p of problems) process.stdout.write(`${p}\n`);
process.stdout.write(problems.length ? `${problems.length} problem(s) in the import graph of ${files.length} files\n` : `import graph clean: ${files.length} files, no cycles\n`);
process.exit(problems.length ? 1 : 0);
