import { ruleTester } from '../../helpers.js';
import { pod } from './_shared.js';


/** A vLLM container with the given args on one node label, lines: containers at 9. */
const vllmPod = (args: string, limits: string, selector = 'cloud.google.com/gke-accelerator: nvidia-l4') =>
  pod(`    - name: vllm\n      image: vllm/vllm-openai:v0.8.5\n      args: ${args}\n      resources:\n        limits: ${limits}\n`, `  nodeSelector:\n    ${selector}\n`);

ruleTester('k8s/model-fit', {
  valid: [
    { name: 'TGI without --num-shard shards over every GPU', code: pod('    - name: tgi\n      image: ghcr.io/huggingface/text-generation-inference:3.0.1\n      args: ["--model-id", "mistralai/Mistral-7B-Instruct-v0.3"]\n      resources:\n        limits: {nvidia.com/gpu: 2}\n') },
    { name: 'a parallel size written as a variable is not judged', code: vllmPod('["--model", "meta-llama/Llama-3.1-70B-Instruct", "--tensor-parallel-size", "$(TP)"]', '{nvidia.com/gpu: 2}') },
    { name: 'a custom start script hides the flags', code: pod('    - name: vllm\n      image: vllm/vllm-openai:v0.8.5\n      command: ["/scripts/start.sh"]\n      args: ["--model", "meta-llama/Llama-3.1-70B-Instruct"]\n      resources:\n        limits: {nvidia.com/gpu: 4}\n', '  nodeSelector:\n    cloud.google.com/gke-accelerator: nvidia-l4\n') },
    { name: 'CPU offload adds to the usable memory', code: vllmPod('["--model", "meta-llama/Llama-3.1-8B-Instruct", "--cpu-offload-gb", "10", "--max-model-len", "4096"]', '{nvidia.com/gpu: 1, memory: 32Gi}', 'cloud.google.com/gke-accelerator: nvidia-tesla-t4') },
    { name: 'gpt-oss is published in MXFP4', code: vllmPod('["--model", "openai/gpt-oss-20b"]', '{nvidia.com/gpu: 1}') },
    { name: 'a quantization format of unknown size is not judged', code: vllmPod('["--model", "meta-llama/Llama-3.1-70B-Instruct", "--quantization", "compressed-tensors"]', '{nvidia.com/gpu: 1}') },
    { name: 'affinity allowing an L4 or an H100 is judged on the H100', code: pod('    - name: vllm\n      image: vllm/vllm-openai:v0.8.5\n      args: ["--model", "Qwen/Qwen2.5-14B-Instruct"]\n      resources:\n        limits: {nvidia.com/gpu: 1}\n', '  affinity:\n    nodeAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n        nodeSelectorTerms:\n          - matchExpressions:\n              - {key: cloud.google.com/gke-accelerator, operator: In, values: [nvidia-l4, nvidia-h100-80gb]}\n') },
    { name: 'an affinity term without the GPU label leaves the GPU unknown', code: pod('    - name: vllm\n      image: vllm/vllm-openai:v0.8.5\n      args: ["--model", "meta-llama/Llama-3.1-70B-Instruct"]\n      resources:\n        limits: {nvidia.com/gpu: 1}\n', '  affinity:\n    nodeAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n        nodeSelectorTerms:\n          - matchExpressions:\n              - {key: cloud.google.com/gke-accelerator, operator: In, values: [nvidia-l4]}\n          - matchExpressions:\n              - {key: pool, operator: In, values: [big]}\n') },
    { name: 'preferred affinity does not pin the GPU', code: pod('    - name: vllm\n      image: vllm/vllm-openai:v0.8.5\n      args: ["--model", "meta-llama/Llama-3.1-70B-Instruct"]\n      resources:\n        limits: {nvidia.com/gpu: 1}\n', '  affinity:\n    nodeAffinity:\n      preferredDuringSchedulingIgnoredDuringExecution:\n        - weight: 1\n          preference:\n            matchExpressions:\n              - {key: cloud.google.com/gke-accelerator, operator: In, values: [nvidia-l4]}\n') },
    { name: 'LeaderWorkerSet variables mean the server spans pods', code: pod('    - name: vllm\n      image: vllm/vllm-openai:v0.8.5\n      command: ["sh", "-c", "vllm serve meta-llama/Llama-3.1-405B-Instruct --tensor-parallel-size 8 --pipeline-parallel-size 2 --master-addr $LWS_LEADER_ADDRESS"]\n      resources:\n        limits: {nvidia.com/gpu: 8}\n') },
    { name: 'SGLang DP attention runs inside the tensor-parallel group', code: pod('    - name: sglang\n      image: lmsysorg/sglang:v0.4.6\n      command: ["python3", "-m", "sglang.launch_server", "--model-path", "deepseek-ai/DeepSeek-V3", "--tp", "8", "--dp", "8", "--enable-dp-attention"]\n      resources:\n        limits: {nvidia.com/gpu: 8}\n') },
    { name: 'vLLM-Omni places its stages on GPUs itself', code: pod('    - name: omni\n      image: vllm/vllm-omni:v0.20.0\n      command: ["vllm", "serve", "Qwen/Qwen2.5-Omni-7B", "--omni"]\n      resources:\n        limits: {nvidia.com/gpu: 2}\n') },
    { name: 'llama.cpp offloads to the CPU: not judged', code: pod('    - name: llama\n      image: ghcr.io/ggml-org/llama.cpp:server-cuda\n      args: ["-m", "/models/Llama-3.1-70B-Instruct-Q4_K_M.gguf", "-ngl", "99"]\n      resources:\n        limits: {nvidia.com/gpu: 1}\n', '  nodeSelector:\n    cloud.google.com/gke-accelerator: nvidia-tesla-t4\n') },
  ],
  invalid: [
    {
      name: 'flags inside an sh -c script are found in the script',
      code: pod('    - name: vllm\n      image: vllm/vllm-openai:v0.8.5\n      command: ["sh", "-c", "vllm serve Qwen/Qwen2.5-72B-Instruct --tensor-parallel-size 4"]\n      resources:\n        limits: {nvidia.com/gpu: 2}\n'),
      errors: [{ line: 9, column: 67, endColumn: 89, message: 'asks for 4 GPUs by `--tensor-parallel-size 4` but requests 2 GPUs' }],
    },
    {
      name: 'a configured private model and GPU are estimated',
      code: vllmPod('["--model", "acme/chat"]', '{nvidia.com/gpu: 1}', 'nvidia.com/gpu.product: ACME-X1'),
      config: { rules: { 'k8s/model-fit': ['error', { models: { 'acme/chat': { params: 34.4 } }, gpus: { 'ACME-X1': 48 } }] } },
      errors: [{ line: 13, column: 34, message: '`acme/chat` (34.4B parameters, configured) at 16 bits per weight (the default dtype) ≈ 64.1 GiB of weights; 1 x ACME-X1 48 GiB x 0.90 = 43.2 GiB usable' }],
    },
    {
      name: 'an explicit memory share below the weights lands on the flag',
      code: vllmPod('["--model", "meta-llama/Llama-3.1-8B-Instruct", "--gpu-memory-utilization", "0.7"]', '{nvidia.com/gpu: 1}'),
      errors: [{ line: 11, column: 61, endColumn: 87, message: 'leaves 1.8 GiB (11%)' }],
      config: { rules: { 'k8s/model-fit': ['error', { minKvCacheShare: 0.2 }] } },
    },
    {
      name: 'a GPTQ model on a MIG slice that is too small',
      code: pod('    - name: vllm\n      image: vllm/vllm-openai:v0.8.5\n      args: ["--model", "Qwen/Qwen2.5-72B-Instruct-GPTQ-Int4"]\n      resources:\n        limits:\n          nvidia.com/mig-3g.20gb: 1\n'),
      errors: [{ line: 12, column: 35, message: 'at 4 bits per weight (INT4 in the name) ≈ 33.9 GiB of weights; 1 x MIG 3g.20gb 20 GiB x 0.90 = 18 GiB usable' }],
    },
    {
      name: 'vLLM with two GPUs and no tensor-parallel flag uses one',
      code: vllmPod('["--model", "meta-llama/Llama-3.1-8B-Instruct"]', '{nvidia.com/gpu: 2}'),
      errors: [{ line: 13, column: 34, message: 'but vLLM uses 1 by no parallel flag (1 GPU): 1 GPU is allocated and never used' }],
    },
  ],
});
