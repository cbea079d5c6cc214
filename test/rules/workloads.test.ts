import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FIXTURES, lintFixture, lintSnippet } from '../helpers.js';

/** Positions of every finding of a fixture, by rule id, in file order. */
function byRule(file: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const f of lintFixture(join(FIXTURES, 'workloads', file))) (out[f.ruleId] ??= []).push(`${f.range.start.line}:${f.range.start.column}`);
  return out;
}

describe('pod-level rules on custom resources that run model servers', () => {
  it('LeaderWorkerSet with SGLang: every pod-level rule fires on the leader and the worker template', () => {
    expect(byRule('lws-sglang.yaml')).toEqual({
      'k8s/gpu-tolerations': ['16:7', '62:7'],
      // Only the leader takes requests: the worker beside it is not judged for probes or grace.
      'k8s/termination-grace': ['16:7'],
      'k8s/privilege-escalation': ['18:13', '64:13'],
      'k8s/probes': ['18:13'],
      'k8s/run-as-non-root': ['18:13', '64:13'],
      'k8s/image-tag': ['19:20', '65:20'],
      'k8s/trust-remote-code': ['39:17', '85:17'],
      'k8s/resource-requests': ['44:13', '87:15'],
      'k8s/memory-limits': ['45:15', '86:13'],
      'k8s/shm-size': ['56:13', '64:13'],
      'k8s/gpu-limits': ['88:17'],
    });
  });

  it('messages name the template when the object holds several', () => {
    const f = lintFixture(join(FIXTURES, 'workloads', 'lws-sglang.yaml')).filter((x) => x.ruleId === 'k8s/image-tag');
    expect(f.map((x) => x.message)).toEqual([
      'container `sglang-leader` in LeaderWorkerSet `sglang-dsv3` (leaderTemplate) uses `lmsysorg/sglang:latest` (the `latest` tag)',
      'container `sglang-worker` in LeaderWorkerSet `sglang-dsv3` (workerTemplate) uses `lmsysorg/sglang:latest` (the `latest` tag)',
    ]);
  });

  it('RayService with GPU workers: head and worker groups judged; no shm-size or probes (KubeRay adds them)', () => {
    expect(byRule('rayservice-gpu.yaml')).toEqual({
      'k8s/privilege-escalation': ['21:15', '45:17'],
      'k8s/run-as-non-root': ['21:15', '45:17'],
      'k8s/image-tag': ['22:22'],
      'k8s/gpu-tolerations': ['43:11'],
      'k8s/gpu-limits': ['51:21'],
      'k8s/memory-limits': ['52:19'],
    });
  });

  it('ClusterServingRuntime and InferenceService: the runtime container, the model container (values it sets) and the transformer', () => {
    expect(byRule('kserve-huggingface.yaml')).toEqual({
      'k8s/privilege-escalation': ['21:7', '58:9'],
      'k8s/run-as-non-root': ['21:7', '58:9'],
      'k8s/image-tag': ['22:14', '59:16'],
      'k8s/trust-remote-code': ['48:11'],
      'k8s/gpu-limits': ['51:11'],
      // No memory-limits or resource-requests on the transformer: KServe's defaulting fills them.
    });
  });

  it('KubeAI Model: trust-remote-code in args and the engine image; nothing KubeAI fills in itself', () => {
    expect(byRule('kubeai-model.yaml')).toEqual({
      'k8s/trust-remote-code': ['13:7'],
      'k8s/image-tag': ['25:10'],
    });
  });

  it.each(['lws-sglang-good.yaml', 'rayservice-gpu-good.yaml', 'kserve-huggingface-good.yaml', 'kubeai-model-good.yaml'])('%s stays quiet', (file) => {
    expect(byRule(file)).toEqual({});
  });
});

describe('what operators add is not asked of the manifest', () => {
  const knative = `apiVersion: serving.knative.dev/v1
kind: Service
metadata:
  name: llm
spec:
  template:
    spec:
      containers:
        - image: vllm/vllm-openai:latest
          args: [--model, Qwen/Qwen2.5-7B-Instruct]
          ports:
            - containerPort: 8000
          resources:
            limits:
              memory: 32Gi
              nvidia.com/gpu: 1
`;
  it('Knative Service: no probes or grace period (Knative sets them), image tag judged', () => {
    const f = lintSnippet({ code: knative }).filter((x) => ['k8s/probes', 'k8s/termination-grace', 'k8s/image-tag'].includes(x.ruleId));
    expect(f.map((x) => `${x.ruleId} ${x.range.start.line}:${x.range.start.column}`)).toEqual(['k8s/image-tag 9:18']);
    expect(f[0].message).toContain('in Knative Service `llm`');
  });
  it('a v1 Service is not a Knative Service', () => {
    const svc = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  selector: {app: a}\n  ports: [{port: 80}]\n';
    expect(lintSnippet({ code: svc }).filter((x) => x.ruleId === 'k8s/image-tag' || x.ruleId === 'k8s/probes')).toEqual([]);
  });
});

describe('duck-typed workloads', () => {
  const crd = (kind: string, apiVersion: string) =>
    `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: w\nspec:\n  template:\n    spec:\n      containers:\n        - name: c\n          image: vllm/vllm-openai:latest\n`;
  it('any object with a pod template at spec.template is judged', () => {
    const f = lintSnippet({ code: crd('InferenceWorkload', 'example.com/v1') }).filter((x) => x.ruleId === 'k8s/image-tag');
    expect(f.map((x) => `${x.range.start.line}:${x.range.start.column} ${x.message}`)).toEqual(['10:18 container `c` in InferenceWorkload `w` uses `vllm/vllm-openai:latest` (the `latest` tag)']);
  });
  it('a kind of the table under another API group is not duck-typed', () => {
    expect(lintSnippet({ code: crd('Model', 'example.com/v1') }).filter((x) => x.ruleId === 'k8s/image-tag')).toEqual([]);
  });
  it('duck-typed kinds are not judged as long-running servers (probes)', () => {
    expect(lintSnippet({ code: crd('InferenceWorkload', 'example.com/v1') }).filter((x) => x.ruleId === 'k8s/probes')).toEqual([]);
  });
});

describe('autoscaling a LeaderWorkerSet', () => {
  const lws = `apiVersion: leaderworkerset.x-k8s.io/v1
kind: LeaderWorkerSet
metadata:
  name: big
spec:
  leaderWorkerTemplate:
    size: 4
    workerTemplate:
      spec:
        containers:
          - name: vllm
            image: vllm/vllm-openai:v0.8.3
            resources:
              limits:
                nvidia.com/gpu: 8
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: big
spec:
  scaleTargetRef:
    apiVersion: leaderworkerset.x-k8s.io/v1
    kind: LeaderWorkerSet
    name: big
  minReplicas: 1
  maxReplicas: 2
  metrics:
    - type: Pods
      pods:
        metric:
          name: num_requests_waiting
        target:
          type: AverageValue
          averageValue: "10"
`;
  it('counts the GPUs of every pod of a group (size x GPUs per pod)', () => {
    const f = lintSnippet({ code: lws }).filter((x) => x.ruleId === 'k8s/hpa-max-replicas');
    expect(f.map((x) => `${x.range.start.line}:${x.range.start.column} ${x.message}`)).toEqual([
      '27:16 HorizontalPodAutoscaler `big` can scale LeaderWorkerSet `big` to 2 replicas x 32 GPUs = 64 GPUs, above the budget of 16',
    ]);
  });
});
