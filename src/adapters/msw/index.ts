/** msw integration: intercept a spec's callbacks and webhooks inside a test process (`callback-verify/msw`). */
export {
  type AssertConformantOptions,
  type CallbackCollector,
  type CallbackHandlersOptions,
  callbackHandlers,
  DEFAULT_CALLBACK_BASE_URL,
  type UnmatchedStrategy,
} from './callback-handlers.ts';
