// Writes docs/rules/<id>.md for every rule from its metadata and fixtures.
// Run after `npm run build`: node scripts/rule-docs.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULES } from '../dist/rules/index.js';
import { renderEngineRuleDoc, renderRuleDoc, ruleExamples } from '../dist/src/rule-docs.js';
import { ENGINE_RULES } from '../dist/src/engine/rule.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
for (const rule of RULES) {
  const out = join(root, 'docs', 'rules', `${rule.meta.id}.md`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, renderRuleDoc(rule.meta, ruleExamples(root, rule.meta.id)));
  console.log(`wrote ${out.slice(root.length + 1)}`);
}
for (const meta of ENGINE_RULES) {
  const out = join(root, 'docs', 'rules', `${meta.id}.md`);
  writeFileSync(out, renderEngineRuleDoc(meta));
  console.log(`wrote ${out.slice(root.length + 1)}`);
}
