// Writes schemas/kubernetes/v<minor>/bundle.json from a Kubernetes definitions
// file converted to JSON Schema (strict), e.g. the kubeconform-style set in
// ../shared. Run after `npm run build`:
//   node scripts/k8s-schemas.mjs [definitions.json] [version]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildKubeSchemaBundle } from '../dist/src/k8s-schema-bundle.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = process.argv[2] ?? join(root, '..', 'shared', 'kubernetes', 'v1.32.2-standalone-strict', '_definitions.json');
const version = process.argv[3] ?? (/v(\d+\.\d+)/.exec(source)?.[1] ?? '1.32');
const text = buildKubeSchemaBundle(JSON.parse(readFileSync(source, 'utf8')), version);
const out = join(root, 'schemas', 'kubernetes', `v${version}`, 'bundle.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, text);
console.log(`wrote ${out.slice(root.length + 1)} (${(text.length / 1024).toFixed(0)} KiB, ${Object.keys(JSON.parse(text).kinds).length} kinds)`);
