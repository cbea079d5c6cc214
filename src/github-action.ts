#!/usr/bin/env node
/** Entry point of the GitHub Action (action.yml): runs it and sets the exit status. */
import { runAction } from './action.js';
import { ConfigError } from './config/index.js';
import { limitHeapGrowth } from './heap.js';
import { workflowCommand } from './escape.js';
import { Redactor } from './redact.js';

limitHeapGrowth();

runAction().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    const msg = err instanceof ConfigError ? `config error: ${err.message}` : `internal error: ${(err as Error)?.stack ?? String(err)}`;
    process.stdout.write(`${workflowCommand('error', 'genai-lint', new Redactor().text(msg), true)}\n`);
    process.exitCode = 2;
  },
);
