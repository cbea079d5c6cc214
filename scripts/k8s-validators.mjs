// Build step: compiles the bundled Kubernetes schemas and the config schema
// into standalone ajv validator code (dist/kube-validators/v<version>.cjs,
// dist/config-validator.cjs), so a run loads ready validators instead of
// compiling schemas at start-up.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const Ajv = require('ajv').default;
const standaloneCode = require('ajv/dist/standalone').default;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schemasDir = join(root, 'schemas', 'kubernetes');
for (const dir of readdirSync(schemasDir).filter((d) => /^v1\.\d+$/.test(d))) {
  const bundle = JSON.parse(readFileSync(join(schemasDir, dir, 'bundle.json'), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false, code: { source: true } });
  ajv.addSchema({ $id: 'k8s', definitions: bundle.definitions }, 'k8s');
  const exports = {};
  for (const [key, name] of Object.entries(bundle.kinds)) exports[`v_${name.replace(/[^A-Za-z0-9]/g, '_')}`] = `k8s#/definitions/${name}`;
  const out = join(root, 'dist', 'kube-validators', `${dir}.cjs`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, standaloneCode(ajv, exports));
}

{
  const ajv = new Ajv({ allErrors: true, strict: false, code: { source: true } });
  const validate = ajv.compile(JSON.parse(readFileSync(join(root, 'schemas', 'config.schema.json'), 'utf8')));
  writeFileSync(join(root, 'dist', 'config-validator.cjs'), standaloneCode(ajv, validate));
}
