/**
 * The rule catalogue: every built-in rule, and the rule set a config runs
 * (built-ins plus its custom policies). Only the composition root (index.ts,
 * the CLI, the Action, the worker entry) reaches it; the engine receives the
 * rules it runs.
 */
export { RULES, rulesFor } from '../rules/index.js';
