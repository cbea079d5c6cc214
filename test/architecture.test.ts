/**
 * The import graph keeps the pipeline's shape (docs/architecture.md): no
 * cycles, the engine never imports rules, rules reach src/ through one door.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { project, REPO_ROOT } from './helpers.js';

const SCRIPT = join(REPO_ROOT, 'scripts', 'check-imports.mjs');
const check = (root?: string) => spawnSync(process.execPath, [SCRIPT, ...(root ? [root] : [])], { encoding: 'utf8', timeout: 60_000 });

describe('import graph', () => {
  it('of this repository is clean', () => {
    const r = check();
    expect(r.stdout).toMatch(/^import graph clean: \d+ files, no cycles$/m);
    expect(r.status).toBe(0);
  });

  it('a cycle, an engine import of rules/ and a rule reaching past rule-api are each reported', () => {
    const dir = project({
      'src/engine/a.ts': "import { b } from './b.js';\nimport { r } from '../../rules/k8s/r.js';\nexport const a = b + r;\n",
      'src/engine/b.ts': "import type { a } from './a.js';\nexport const b = 1;\n",
      'src/rule-api.ts': 'export const api = 1;\n',
      'rules/k8s/r.ts': "import { b } from '../../src/engine/b.js';\nexport const r = b;\n",
    });
    const r = check(dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/import cycle: src\/engine\/(a\.ts -> src\/engine\/b\.ts -> src\/engine\/a|b\.ts -> src\/engine\/a\.ts -> src\/engine\/b)\.ts/);
    expect(r.stdout).toContain('src/engine/a.ts imports rules/k8s/r.ts: the engine, parsers and formats never know the rules');
    expect(r.stdout).toContain('rules/k8s/r.ts imports src/engine/b.ts: rules import src/ only through src/rule-api.ts');
  });
});
