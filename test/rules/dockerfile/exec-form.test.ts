import { ruleTester } from '../../helpers.js';

ruleTester('dockerfile/exec-form', {
  valid: [{ name: 'an exec-form CMD after an exec-form ENTRYPOINT is only arguments', code: 'FROM a:1\nENTRYPOINT ["tini", "--"]\nCMD ["serve", "--port", "8000"]\n' }],
  invalid: [
    {
      name: 'a shell chain gets a wrapper-script hint',
      code: 'FROM a:1\nCMD ollama serve & sleep 5 && ollama pull llama3 && wait\n',
      errors: [{ line: 2, column: 1, message: 'CMD in shell form' }],
    },
  ],
});

ruleTester('dockerfile/exec-form', {
  valid: [
    { name: 'exec-form CMD after exec-form ENTRYPOINT', code: 'FROM a:1\nENTRYPOINT ["tini", "--"]\nCMD ["serve", "--port", "8000"]\n' },
    { name: 'a shell-form CMD of an earlier stage is reset by ENTRYPOINT', code: 'FROM a:1 AS base\nCMD serve\nFROM base\nENTRYPOINT ["/entrypoint.sh"]\n' },
  ],
  invalid: [
    {
      name: 'a shell-form CMD after an exec-form ENTRYPOINT',
      code: 'FROM a:1\nENTRYPOINT ["tini", "--"]\nCMD serve --port 8000\n',
      errors: [{ line: 3, column: 1, endLine: 3, endColumn: 22, message: 'receives `/bin/sh -c "..."` as its arguments' }],
    },
    {
      name: 'the ENTRYPOINT from an earlier stage, CMD in the final one',
      code: 'FROM a:1 AS base\nENTRYPOINT ["/entrypoint.sh"]\nFROM base\nCMD --model /m\n',
      errors: [{ line: 4, column: 1, message: 'CMD in shell form after an exec-form ENTRYPOINT' }],
    },
  ],
});

