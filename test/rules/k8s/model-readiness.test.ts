import { ruleTester } from '../../helpers.js';
import { deployment } from './_shared.js';


/** An Ollama Deployment; its container starts on line 13. */
const ollama = (body: string, extra = '') => deployment(`      containers:\n        - name: ollama\n          image: ollama/ollama:0.6.5\n${body}${extra}`);

ruleTester('k8s/model-readiness', {
  valid: [
    { name: 'Ollama without a pull is judged by k8s/probes only (models load on request)', code: ollama('          readinessProbe:\n            tcpSocket: {port: 11434}\n') },
    { name: 'a pull before `ollama serve` runs before the port opens', code: ollama('          command: ["/bin/sh", "-c", "ollama pull llama3 && exec ollama serve"]\n') },
    { name: 'readiness that names the pulled model', code: ollama('          lifecycle:\n            postStart:\n              exec:\n                command: ["sh", "-c", "nohup ollama pull llama3 > /tmp/pull.log 2>&1 &"]\n          readinessProbe:\n            exec:\n              command: ["sh", "-c", "ollama list | grep -q llama3"]\n') },
    { name: 'a startup budget that covers the pull', code: ollama('          command: ["/bin/sh", "-c", "ollama serve & ollama pull llama3.1:70b; wait"]\n          readinessProbe:\n            exec: {command: ["ollama", "show", "llama3.1:70b"]}\n          startupProbe:\n            exec: {command: ["ollama", "show", "llama3.1:70b"]}\n            periodSeconds: 10\n            failureThreshold: 60\n') },
    { name: 'llama.cpp readiness on /health', code: deployment('      containers:\n        - name: s\n          image: ghcr.io/ggml-org/llama.cpp:server\n          readinessProbe:\n            httpGet: {path: /health, port: 8080}\n') },
    { name: 'TGI opens its port after warm-up: TCP readiness is enough', code: deployment('      containers:\n        - name: tgi\n          image: ghcr.io/huggingface/text-generation-inference:3.0.1\n          readinessProbe:\n            tcpSocket: {port: 80}\n') },
    { name: 'Jobs are not judged', code: 'apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: t\n          image: nvcr.io/nvidia/tritonserver:24.08-py3\n          command: ["tritonserver"]\n          livenessProbe:\n            httpGet: {path: /v2/health/ready, port: 8000}\n' },
  ],
  invalid: [
    {
      name: 'a startup probe waiting for a 70B pull gives it 15 seconds',
      code: ollama('          command: ["/bin/sh", "-c", "ollama serve & ollama pull llama3.1:70b; wait"]\n          readinessProbe:\n            exec: {command: ["ollama", "show", "llama3.1:70b"]}\n          startupProbe:\n            exec: {command: ["ollama", "show", "llama3.1:70b"]}\n            periodSeconds: 5\n'),
      errors: [{ line: 18, column: 11, message: 'estimate: `llama3.1:70b` is about 39.4 GB, at least 40s to pull at 1 GB/s, but the startupProbe of container `ollama` in Deployment `d` waits for it only 15s' }],
    },
    {
      name: 'a pull after `ollama serve &` in the start script, no readiness',
      code: ollama('          command: ["/bin/sh", "-c", "ollama serve & sleep 3; ollama pull mistral:7b; wait"]\n'),
      errors: [{ line: 15, column: 63, endColumn: 85, message: 'pulls `mistral:7b` in its start script, after `ollama serve &`, and it has no readinessProbe' }],
    },
    {
      name: 'a sidecar that pulls into the daemon',
      code: ollama('          readinessProbe:\n            httpGet: {path: /api/tags, port: 11434}\n', '        - name: pull\n          image: curlimages/curl:8.10.1\n          command: ["sh", "-c", "sleep 5; ollama pull --insecure qwen2.5:7b; sleep infinity"]\n'),
      errors: [{ line: 19, column: 43, message: 'pulls `qwen2.5:7b` from container `pull` beside it, and its readinessProbe (`/api/tags`) passes as soon as the daemon runs' }],
    },
    {
      name: 'NIM readiness on the liveness endpoint',
      code: deployment('      containers:\n        - name: nim\n          image: nvcr.io/nim/meta/llama-3.1-8b-instruct:1.3.3\n          readinessProbe:\n            httpGet: {path: /v1/health/live, port: 8000}\n'),
      errors: [{ line: 16, column: 29, message: 'checks `/v1/health/live`' }],
    },
    {
      name: 'SGLang liveness that generates',
      code: deployment('      containers:\n        - name: sglang\n          image: lmsysorg/sglang:v0.4.6\n          command: ["python3", "-m", "sglang.launch_server", "--model-path", "Qwen/Qwen2.5-7B-Instruct"]\n          livenessProbe:\n            httpGet: {path: /health_generate, port: 30000}\n'),
      errors: [{ line: 17, column: 29, message: 'runs an inference request (`/health_generate`)' }],
    },
  ],
});
