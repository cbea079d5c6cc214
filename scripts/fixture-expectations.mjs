// Writes fixtures/<target>/<name>/expected.txt for every rule's fixture folder:
// each finding a run started in that folder reports (`bad.yaml 4:9 k8s/hpa`).
// Run after `npm run build` (npm run fixtures:expect), then review the diff:
// a bad example must have a finding of its rule, a good example none.
//   node scripts/fixture-expectations.mjs [rule-id ...]   only these rules' folders
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULES } from '../dist/rules/index.js';
import { EXPECTATIONS_FILE, currentExpectations, exampleProblems, renderExpectations, ruleFixtureDirs } from '../dist/src/fixture-expectations.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = join(root, 'fixtures');
const wanted = process.argv.slice(2);
const known = new Set(RULES.map((r) => r.meta.id));
const unknown = wanted.filter((id) => !known.has(id));
if (unknown.length) {
  console.error(`unknown rule id: ${unknown.join(', ')}`);
  process.exit(2);
}
const ids = wanted.length ? wanted : [...known];
let written = 0;
let review = 0;
for (const dir of ruleFixtureDirs(fixtures, ids)) {
  const id = relative(fixtures, dir).split('\\').join('/');
  const file = join(dir, EXPECTATIONS_FILE);
  const lines = await currentExpectations(dir);
  const text = renderExpectations(lines);
  if (!existsSync(file) || readFileSync(file, 'utf8') !== text) {
    writeFileSync(file, text);
    written++;
    console.log(`wrote ${relative(root, file)} (${lines.length} finding${lines.length === 1 ? '' : 's'})`);
  }
  for (const p of exampleProblems(id, dir, lines)) {
    review++;
    console.log(`review ${relative(root, dir)}: ${p}`);
  }
}
console.log(`${written} expectation file${written === 1 ? '' : 's'} written${review ? `; ${review} example${review === 1 ? '' : 's'} to review` : ''}`);
process.exit(review ? 1 : 0);
