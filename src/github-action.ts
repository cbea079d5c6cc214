#!/usr/bin/env node
/** Entry point of the GitHub Action (action.yml): runs it and sets the exit status. */
import { runAction } from './action.js';
import { ConfigError } from './engine/config.js';
import { limitHeapGrowth } from './heap.js';

limitHeapGrowth();

runAction().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    const msg = err instanceof ConfigError ? `config error: ${err.message}` : `internal error: ${(err as Error)?.stack ?? String(err)}`;
    process.stdout.write(`::error title=genai-lint::${msg.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}\n`);
    process.exitCode = 2;
  },
);
