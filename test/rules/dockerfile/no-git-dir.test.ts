import { ruleTester } from '../../helpers.js';

ruleTester('dockerfile/no-git-dir', {
  valid: [{ name: 'sources only', code: 'FROM python:3.11-slim\nCOPY src/ /app/src/\nUSER 1000\n' }],
  invalid: [
    {
      name: 'COPY .git',
      code: 'FROM python:3.11-slim\nWORKDIR /app\nCOPY .git /app/.git\nCOPY src/ /app/src/\nUSER 1000\n',
      errors: [{ line: 3, column: 6, message: 'copies `.git` into the image' }],
    },
  ],
});
