export { loadConfig } from './load-config.ts';
export { parseConfig } from './parse-config.ts';
export { type RunFlags, resolveRunOptions } from './resolve-run-options.ts';
export type { CallbackVerifyConfig, ExpectConfig, LoadedConfig, OperationConfig } from './types.ts';
