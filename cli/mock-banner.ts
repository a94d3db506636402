import type { MockProvider } from '../src/provide/mock/index.ts';
import { sanitiseText } from '../src/report/index.ts';
import type { Catalogue } from '../src/spec/contract.ts';
import type { MockSettings } from './mock-options.ts';

/**
 * The lines `mock` prints once it listens: where, how it answers and delivers, which operation
 * fires which callback, and the dashboard's URL.
 * @example for (const line of mockBanner(provider, catalogue, spec, settings, undefined)) write(line)
 */
export function mockBanner(
  mock: Pick<MockProvider, 'origin'>,
  catalogue: Catalogue,
  spec: string,
  settings: MockSettings,
  dashboardUrl: string | undefined,
): string[] {
  const options = settings.provider;
  const lines = [
    `Mock provider listening on ${mock.origin} (${catalogue.document.title}, ${spec})`,
  ];
  const hosts = options.allowAnyHost
    ? 'any host'
    : ['loopback', ...(options.allowHosts ?? [])].join(', ');
  lines.push(
    `  answers: ${options.dynamic ? 'generated from schemas' : 'declared examples'}; callbacks ${options.delayMs} ms after a 2xx, ${options.order} order${options.sign === undefined ? '' : `, signed (${options.sign.scheme})`}; deliveries to ${hosts}`,
  );
  const callbacks = catalogue.contracts.filter((contract) => contract.kind === 'callback');
  if (callbacks.length === 0)
    lines.push('  no operation declares callbacks: the mock only answers');
  for (const contract of callbacks) {
    const trigger = contract.trigger;
    const where = trigger === undefined ? '' : `${trigger.method.toUpperCase()} ${trigger.path}`;
    lines.push(`  ${where} fires ${contract.id}  ${contract.expression?.raw ?? ''}`);
  }
  if (dashboardUrl !== undefined) lines.push(`dashboard: ${dashboardUrl}`);
  // Titles, ids and expressions come from the spec: no raw control characters.
  return lines.map((line) => sanitiseText(line));
}
