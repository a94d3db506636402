export { buildRuntimeContext } from './build-runtime-context.ts';
export { checkFilters } from './check-filters.ts';
export { checkIdempotencyKey } from './check-idempotency-key.ts';
export {
  type Correlation,
  type CorrelationInput,
  correlateCallbacks,
} from './correlate-callbacks.ts';
export { createTriggerAgents, type TriggerAgents } from './create-trigger-agents.ts';
export { findTriggerToken } from './find-trigger-token.ts';
export { isRetryableAnswer } from './is-retryable-answer.ts';
export { operationKey } from './operation-key.ts';
export { createOutputBuffer, type OutputBuffer } from './output-buffer.ts';
export { type PlanOptions, planTriggers, type TriggerPlan } from './plan-triggers.ts';
export {
  checkProviderReachable,
  type ProviderProcess,
  type StartProviderOptions,
  startProvider,
} from './provider-process.ts';
export { receiverEnvironment } from './receiver-environment.ts';
export { runConformance } from './run-conformance.ts';
export { runPool } from './run-pool.ts';
export { runReceiverOptions } from './run-receiver-options.ts';
export { type SentTrigger, sendTrigger } from './send-trigger.ts';
export { setAtPointer } from './set-at-pointer.ts';
export { type DeliveryTracker, trackDeliveries } from './track-deliveries.ts';
export type {
  Injection,
  PlannedExpectation,
  PlannedTrigger,
  RunFilters,
  RunOptions,
  RunProgressEvent,
  SignatureCheck,
} from './types.ts';
