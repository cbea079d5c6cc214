import { describe, expect, it } from 'vitest';
import { configOf, lintSnippet, project, ruleTester } from '../../helpers.js';
import { RULES } from '../../../rules/index.js';
import { runLint } from '../../../src/engine/run.js';
import { deployment } from './_shared.js';


const on = { rules: { 'k8s/gpu-quota': 'info' } } as const;
const gpuServer = (name: string, ns: string, resource = 'nvidia.com/gpu') =>
  deployment(`      containers:\n        - name: s\n          image: vllm/vllm-openai:v0.8.5\n          resources:\n            limits: {${resource}: 1}\n`, name).replace(`  name: ${name}\n`, `  name: ${name}\n  namespace: ${ns}\n`);
const quota = (ns: string | undefined, hard: string) => `apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: q\n${ns ? `  namespace: ${ns}\n` : ''}spec:\n  hard: {${hard}}\n`;

describe('k8s/gpu-quota names other workloads of the namespace', () => {
  it('names a copy of the workload in another file by its file', async () => {
    const dir = project({ 'a.yaml': gpuServer('a', 'ml'), 'copy/a.yaml': gpuServer('a', 'ml') });
    const r = await runLint({ paths: ['.'], cwd: dir, config: configOf(on), rules: RULES });
    const f = r.findings.filter((x) => x.ruleId === 'k8s/gpu-quota');
    expect(f.map((x) => `${x.file} ${x.range.start.line}:${x.range.start.column}`)).toEqual(['a.yaml 17:22']);
    expect(f[0].message).toContain('Deployment `a` (with Deployment `a` in copy/a.yaml) requests');
  });
});

describe('k8s/gpu-quota is in the strict preset only', () => {
  it('is off by default', () => expect(lintSnippet({ code: gpuServer('a', 'ml') }).filter((f) => f.ruleId === 'k8s/gpu-quota')).toEqual([]));
});

ruleTester('k8s/gpu-quota', {
  valid: [
    { name: 'a quota in another file of the run caps the GPUs', code: gpuServer('a', 'ml'), context: [quota('ml', 'requests.nvidia.com/gpu: "4"')], config: on },
    { name: 'a quota without a namespace applies where it is applied', code: gpuServer('a', 'ml'), context: [quota(undefined, 'requests.nvidia.com/gpu: "4"')], config: on },
    { name: 'CPU workloads need no GPU quota', code: deployment('      containers:\n        - name: api\n          image: x:1\n'), config: on },
  ],
  invalid: [
    {
      name: 'one finding per namespace, on its first GPU workload, naming the others',
      code: `${gpuServer('b', 'ml')}---\n${gpuServer('a', 'ml')}---\n${gpuServer('c', 'other')}`,
      config: on,
      errors: [
        { line: 17, column: 22, message: 'Deployment `b` (with Deployment `a`) requests `nvidia.com/gpu` in namespace `ml`' },
        { line: 53, column: 22, message: 'Deployment `c` requests `nvidia.com/gpu` in namespace `other`' },
      ],
    },
    {
      name: 'a quota of another namespace does not count',
      code: gpuServer('a', 'ml'),
      context: [quota('other', 'requests.nvidia.com/gpu: "4"')],
      config: on,
      errors: [{ line: 17, column: 22, message: 'Deployment `a` requests `nvidia.com/gpu` in namespace `ml`, and no ResourceQuota of the run caps `requests.nvidia.com/gpu`' }],
    },
    {
      name: 'a MIG slice needs its own quota key',
      code: gpuServer('a', 'ml', 'nvidia.com/mig-3g.40gb'),
      context: [quota('ml', 'requests.nvidia.com/gpu: "4"')],
      config: on,
      errors: [{ line: 17, column: 22, message: '`requests.nvidia.com/mig-3g.40gb`' }],
    },
  ],
});
