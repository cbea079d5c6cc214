import { ruleTester } from '../../helpers.js';

ruleTester('dockerfile/no-model-weights', {
  valid: [
    { name: 'installing huggingface_hub is not a download', code: 'FROM python:3.11\nRUN pip install --no-cache-dir huggingface_hub hf_transfer\n' },
    { name: 'bin/ folders and /usr/bin are executables', code: 'FROM python:3.11\nCOPY bin/ /usr/local/bin/\nCOPY --from=build /usr/bin/tool /usr/bin/tool\n' },
    { name: 'ORM models under a source tree', code: 'FROM python:3.11\nCOPY app/models/ /srv/app/models/\nCOPY src/models /srv/src/models\n' },
    { name: 'a .bin file outside any model path', code: 'FROM alpine:3.20\nCOPY firmware/update.bin /opt/\n' },
    { name: 'downloads at run time (CMD/ENTRYPOINT)', code: 'FROM ollama/ollama:0.3.14\nUSER 1000\nENTRYPOINT ["/bin/sh", "-c", "ollama serve & sleep 5 && ollama pull llama3.1 && wait"]\n' },
  ],
  invalid: [
    {
      name: '.bin shards in a models path and beside safetensors',
      code: 'FROM python:3.11\nCOPY models/pytorch_model.bin /models/\nCOPY tokenizer.json model.safetensors adapter.bin /m/\n',
      errors: [
        { line: 2, column: 6, message: '.bin file in a model directory' },
        { line: 3, column: 21, message: '.safetensors weight file' },
        { line: 3, column: 39, message: '.bin file next to other weight files' },
      ],
    },
    {
      name: 'ollama pull and git clone from the hub at build time',
      code: 'FROM ollama/ollama:0.3.14\nRUN ollama serve & sleep 5 && ollama pull llama3.1\nRUN git lfs install && git clone https://huggingface.co/BAAI/bge-m3 /models/bge\n',
      errors: [
        { line: 2, column: 31, message: '`ollama pull`' },
        { line: 3, column: 24, message: '`git clone` of a Hugging Face repository' },
      ],
    },
    {
      name: 'ADD of a weight URL',
      code: 'FROM python:3.11\nADD https://huggingface.co/TheBloke/Mistral-7B-GGUF/resolve/main/mistral-7b.Q4_K_M.gguf /models/\n',
      errors: [{ line: 2, column: 5, message: '.gguf weight file' }],
    },
  ],
});

ruleTester('dockerfile/no-model-weights', {
  valid: [
    { name: 'a dataset download with huggingface-cli', code: 'FROM python:3.11\nRUN huggingface-cli download --repo-type dataset squad --local-dir /data\n' },
    { name: 'a dataset snapshot in python', code: 'FROM python:3.11\nRUN python -c "from huggingface_hub import snapshot_download; snapshot_download(repo_id=\'org/eval\', repo_type=\'dataset\')"\n' },
    { name: 'a dataset file by URL', code: 'FROM python:3.11\nRUN wget https://huggingface.co/datasets/org/bench/resolve/main/prompts.bin -O /data/p.bin\n' },
    { name: 'a dataset clone', code: 'FROM python:3.11\nRUN git clone https://huggingface.co/datasets/org/sharegpt /data/sharegpt\n' },
  ],
  invalid: [
    {
      name: 'a model download after a dataset download in the same RUN',
      code: 'FROM python:3.11\nRUN huggingface-cli download --repo-type dataset org/d && huggingface-cli download org/model --local-dir /m\n',
      errors: [{ line: 2, column: 59, message: '`huggingface-cli download`' }],
    },
  ],
});
