import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/rule-api.js';
import { containersOf, kubeAiProfileGpus, podSpecsOf, podTemplateLabels, WORKLOAD_KINDS } from '../../../rules/lib/workload.js';
import { gpusPerReplica } from '../../../rules/lib/autoscaling.js';
import { configOf } from '../../helpers.js';

function obj(apiVersion: string, kind: string, spec: Record<string, unknown>): KubeObject {
  return { apiVersion, kind, name: 'x', namespace: undefined, raw: { apiVersion, kind, metadata: { name: 'x' }, spec }, file: 't.yaml', basePath: '', contextOnly: false } as unknown as KubeObject;
}
const tpl = (name: string, extra: Record<string, unknown> = {}) => ({ metadata: { labels: { app: name } }, spec: { containers: [{ name, image: `${name}:1`, ...extra }] } });
const views = (o: KubeObject) => podSpecsOf(o).map((p) => `${p.label ?? '-'} ${p.path}${p.partial ? ' partial' : ''}`);

describe('podSpecsOf', () => {
  it('core kinds: one pod, no label', () => {
    expect(views(obj('apps/v1', 'Deployment', { template: tpl('a') }))).toEqual(['- /spec/template/spec']);
    expect(views(obj('batch/v1', 'CronJob', { jobTemplate: { spec: { template: tpl('a') } } }))).toEqual(['- /spec/jobTemplate/spec/template/spec']);
  });
  it('LeaderWorkerSet leader and worker templates', () => {
    expect(views(obj('leaderworkerset.x-k8s.io/v1', 'LeaderWorkerSet', { leaderWorkerTemplate: { leaderTemplate: tpl('l'), workerTemplate: tpl('w') } }))).toEqual([
      'leaderTemplate /spec/leaderWorkerTemplate/leaderTemplate/spec',
      'workerTemplate /spec/leaderWorkerTemplate/workerTemplate/spec',
    ]);
  });
  it('RayCluster head and every worker group, named by groupName', () => {
    expect(views(obj('ray.io/v1', 'RayCluster', { headGroupSpec: { template: tpl('h') }, workerGroupSpecs: [{ groupName: 'gpu', template: tpl('w') }, { template: tpl('v') }] }))).toEqual([
      'headGroupSpec /spec/headGroupSpec/template/spec',
      'workerGroupSpecs[gpu] /spec/workerGroupSpecs/0/template/spec',
      'workerGroupSpecs[1] /spec/workerGroupSpecs/1/template/spec',
    ]);
    expect(views(obj('ray.io/v1', 'RayJob', { rayClusterSpec: { headGroupSpec: { template: tpl('h') } } }))).toEqual(['headGroupSpec /spec/rayClusterSpec/headGroupSpec/template/spec']);
  });
  it('InferenceService: the predictor with its model container (partial), the transformer', () => {
    const isvc = obj('serving.kserve.io/v1beta1', 'InferenceService', { predictor: { model: { modelFormat: { name: 'huggingface' }, args: ['--model_id=a/b'] } }, transformer: { containers: [{ name: 't', image: 't:1' }] } });
    expect(views(isvc)).toEqual(['predictor /spec/predictor partial', 'transformer /spec/transformer']);
    expect(containersOf(podSpecsOf(isvc)[0]).map((c) => `${c.name} ${c.path}`)).toEqual(['model /spec/predictor/model']);
  });
  it('Kubeflow replica specs, by role', () => {
    expect(views(obj('kubeflow.org/v1', 'PyTorchJob', { pytorchReplicaSpecs: { Master: { template: tpl('m') }, Worker: { template: tpl('w') } } }))).toEqual([
      'pytorchReplicaSpecs.Master /spec/pytorchReplicaSpecs/Master/template/spec',
      'pytorchReplicaSpecs.Worker /spec/pytorchReplicaSpecs/Worker/template/spec',
    ]);
  });
  it('LLMInferenceService pod specs are partial (merged over its config templates)', () => {
    expect(views(obj('serving.kserve.io/v1alpha1', 'LLMInferenceService', { template: { containers: [{ name: 'main' }] } }))).toEqual(['template /spec/template partial']);
  });
  it('KubeAI Model: one synthetic container at /spec with the profile GPUs', () => {
    const m = obj('kubeai.org/v1', 'Model', { url: 'hf://a/b', args: ['--trust-remote-code'], resourceProfile: 'nvidia-gpu-l4:2' });
    const [pod] = podSpecsOf(m);
    expect(pod.partial).toBe(true);
    expect(containersOf(pod).map((c) => [c.path, c.container.resources])).toEqual([['/spec', { limits: { 'nvidia.com/gpu': 2 } }]]);
    expect(kubeAiProfileGpus('cpu:4')).toBeUndefined();
    expect(kubeAiProfileGpus('amd-gpu-mi300x')).toEqual({ resource: 'amd.com/gpu', count: 1 });
  });
  it('objects that hold no pods and kinds of the table under other groups give none', () => {
    expect(podSpecsOf(obj('v1', 'Service', { selector: { app: 'a' } }))).toEqual([]);
    expect(podSpecsOf(obj('example.com/v1', 'Model', { template: tpl('a') }))).toEqual([]);
    expect(podSpecsOf(obj('example.com/v1', 'Thing', { template: { spec: { replicas: 1 } } }))).toEqual([]);
  });
  it('podTemplateLabels reads the first template', () => {
    expect(podTemplateLabels(obj('argoproj.io/v1alpha1', 'Rollout', { template: tpl('r') }))).toEqual({ app: 'r' });
  });
  it('GPUs per replica of a LeaderWorkerSet: leader plus size - 1 workers', () => {
    const gpu = (n: number) => tpl('g', { resources: { limits: { 'nvidia.com/gpu': n } } });
    const lws = obj('leaderworkerset.x-k8s.io/v1', 'LeaderWorkerSet', { leaderWorkerTemplate: { size: 3, leaderTemplate: gpu(1), workerTemplate: gpu(4) } });
    expect(gpusPerReplica(lws, configOf().settings)).toBe(1 + 2 * 4);
  });
  it('every table entry names at least one pod location', () => {
    for (const w of WORKLOAD_KINDS) expect(w.pods.length, w.kind).toBeGreaterThan(0);
  });
});
