/** msw integration: intercept a spec's callbacks and webhooks inside a test process (`callback-verify/msw`). */
export { callbackHandlers, DEFAULT_CALLBACK_BASE_URL } from './callback-handlers.ts';
export type {
  AssertConformantOptions,
  CallbackCollector,
  CallbackHandlersOptions,
  UnmatchedStrategy,
} from './types.ts';
