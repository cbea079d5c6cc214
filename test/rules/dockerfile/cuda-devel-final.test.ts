import { ruleTester } from '../../helpers.js';

ruleTester('dockerfile/cuda-devel-final', {
  valid: [
    { name: 'devel in a build stage, runtime in the final one', code: 'FROM nvidia/cuda:12.1.1-devel-ubuntu22.04 AS build\nRUN make\nFROM nvidia/cuda:12.1.1-runtime-ubuntu22.04\nCOPY --from=build /out /app\nUSER 1000\n' },
  ],
  invalid: [
    {
      name: 'the final image on a -devel base',
      code: 'FROM nvidia/cuda:12.1.1-cudnn8-devel-ubuntu22.04\nRUN pip3 install --no-cache-dir vllm==0.6.3\nUSER 1000\n',
      errors: [{ line: 1, column: 6, message: 'the final image is built on `nvidia/cuda:12.1.1-cudnn8-devel-ubuntu22.04`' }],
    },
    {
      name: 'through a stage the final one builds FROM',
      code: 'FROM nvidia/cuda:12.1.1-devel-ubuntu22.04 AS base\nRUN make\nFROM base\nUSER 1000\n',
      errors: [{ line: 1, column: 6, message: 'compilers and headers ship' }],
    },
  ],
});
