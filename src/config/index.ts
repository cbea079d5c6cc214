/**
 * Configuration: types (types.ts), files (files.ts), shape validation
 * (validate.ts), extends and merge (merge.ts), presets and resolution
 * (presets.ts), custom policies and schemas (policies.ts), the whole load
 * (load.ts) and --print-config (describe.ts).
 */
export * from './types.js';
export { PRESETS, PLATFORM_DEFAULTS, presetLayer, resolveConfig } from './presets.js';
export { findConfigFile } from './files.js';
export { createAjv } from './validate.js';
export { mergeConfigs } from './merge.js';
export { loadConfig } from './load.js';
export type { LoadConfigOptions } from './load.js';
export { describeConfig } from './describe.js';
