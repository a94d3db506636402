export { configFileNames, loadConfig } from './load-config.ts';
export { parseConfig } from './parse-config.ts';
export {
  parseRespond,
  type RunFlags,
  resolveRunOptions,
  runDefaults,
} from './resolve-run-options.ts';
export type { CallbackVerifyConfig, ExpectConfig, LoadedConfig, OperationConfig } from './types.ts';
