/** msw integration: intercept a spec's callbacks and webhooks inside a test process (`callback-verify/msw`). */

/** The type of a document passed in memory as `spec` (also exported by `callback-verify`). */
export type { OpenApiDocument } from '../../spec/open-api-document.ts';
export { callbackHandlers, DEFAULT_CALLBACK_BASE_URL } from './callback-handlers.ts';
export type {
  AssertConformantOptions,
  CallbackCollector,
  CallbackHandlersOptions,
  UnmatchedStrategy,
} from './types.ts';
