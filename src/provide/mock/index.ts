/** The mock provider: a Prism mock of the API that fires the declared callbacks at the consumer. */
export { buildMockReport } from './build-mock-report.ts';
export { DEFAULT_CALLBACK_DELAY_MS, startMockProvider } from './start-mock-provider.ts';
export type { MockEvent, MockProvider, MockProviderOptions } from './types.ts';
