export { assertHostAllowed, type HostPolicy, isLoopbackHost } from './allowed-hosts.ts';
export { type BuiltPayload, buildPayload } from './build-payload.ts';
export { type SampleDirection, sampleSchema } from './sample-schema.ts';
export { mediaEssence, type SerializedBody, serializeBody } from './serialize-body.ts';
export * from './signatures/index.ts';
