export { assertHostAllowed, type HostPolicy, isLoopbackHost } from './allowed-hosts.ts';
export { buildDeliveryRequest } from './build-delivery-request.ts';
export { type BuiltPayload, buildPayload } from './build-payload.ts';
export { buildSendReport } from './build-send-report.ts';
export { createHostPolicy } from './create-host-policy.ts';
export {
  DEFAULT_DELIVERY_TIMEOUT_MS,
  DEFAULT_MAX_RESPONSE_BYTES,
  type DeliverOptions,
  deliver,
} from './deliver.ts';
export type { DeliveryRequest } from './delivery-request.ts';
export { buildInvalidPayloads, type InvalidKind, type InvalidPayload } from './invalid-payloads.ts';
export { resolveContracts } from './resolve-contracts.ts';
export type { DeliveryResponse, ResponseChecker } from './response-checker.ts';
export { type SampleDirection, sampleSchema } from './sample-schema.ts';
export { type SendOptions, type SendResult, sendDeliveries } from './send-deliveries.ts';
export {
  type BodySpec,
  isBinaryContentType,
  mediaEssence,
  type SerializedBody,
  serializeBody,
} from './serialize-body.ts';
export { type SerializedPayload, serializePayload } from './serialize-payload.ts';
export * from './signatures/index.ts';
