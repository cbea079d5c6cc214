import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, project } from '../../helpers.js';

const BIN = join(REPO_ROOT, 'dist', 'src', 'cli.js');
const printConfig = (files: Record<string, string>) => {
  const r = spawnSync(process.execPath, [BIN, '--print-config'], { cwd: project(files), encoding: 'utf8' });
  return JSON.parse(r.stdout) as { rules: Record<string, unknown> };
};

describe('strict-preset rules', () => {
  it('are off by default', () => {
    const cfg = printConfig({ 'a.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n' });
    for (const id of ['k8s/read-only-root-fs', 'k8s/seccomp', 'k8s/automount-token']) expect(cfg.rules[id], id).toBe('off');
    expect(cfg.rules['k8s/capabilities']).toEqual(['warning', { requireDropAll: false }]);
    expect(cfg.rules['k8s/gpu-quota']).toBe('off');
  });
  it('run under extends: [genai-lint:strict], which also requires dropping ALL capabilities', () => {
    const cfg = printConfig({ '.genai-lint.yaml': 'extends: [genai-lint:strict]\n' });
    for (const id of ['k8s/read-only-root-fs', 'k8s/seccomp', 'k8s/automount-token']) expect(cfg.rules[id], id).toBe('warning');
    expect(cfg.rules['k8s/capabilities']).toEqual(['warning', { requireDropAll: true }]);
    expect(cfg.rules['k8s/gpu-quota']).toBe('info');
  });
});
