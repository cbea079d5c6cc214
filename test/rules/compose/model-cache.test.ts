import { ruleTester } from '../../helpers.js';

ruleTester('compose/model-cache', {
  valid: [
    {
      name: 'the Hugging Face cache on a named volume',
      filename: 'compose.yaml',
      code: 'services:\n  vllm:\n    image: vllm/vllm-openai:v0.6.3\n    command: --model mistralai/Mistral-7B-Instruct-v0.3\n    volumes:\n      - hf-cache:/root/.cache/huggingface\nvolumes:\n  hf-cache: {}\n',
    },
  ],
  invalid: [
    {
      name: 'a hub model and Ollama models without a cache volume (a config mount is not one)',
      filename: 'compose.yaml',
      code: 'services:\n  vllm:\n    image: vllm/vllm-openai:v0.6.3\n    command: --model mistralai/Mistral-7B-Instruct-v0.3\n  ollama:\n    image: ollama/ollama:0.3.14\n    volumes:\n      - ./config:/etc/ollama\n',
      errors: [
        { line: 2, column: 3, message: 'into /root/.cache/huggingface without a volume' },
        { line: 5, column: 3, message: 'without a volume' },
      ],
    },
  ],
});
