import type { Exchange } from '../src/receive/index.ts';

/**
 * The `exchange` event of `listen --json` for one received request.
 * @example JSON.stringify(exchangeEvent(exchange)) // '{"event":"exchange","id":"ex-000001",…}'
 */
export function exchangeEvent(exchange: Exchange): Record<string, unknown> {
  return {
    event: 'exchange',
    id: exchange.id,
    receivedAt: exchange.receivedAt,
    method: exchange.request.method,
    url: exchange.request.url,
    contract: exchange.contract ?? null,
    token: exchange.token ?? null,
    status: exchange.answer?.status ?? null,
    dropped: exchange.answer?.dropped === true,
    verdict: exchange.verdict,
    findings: exchange.findings,
  };
}
