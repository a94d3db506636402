import type { Exchange } from './exchange.ts';

/**
 * One journal line for an exchange: the exchange as JSON with the raw body as `request.bodyBase64`
 * (bytes exactly as received) instead of `request.body`, and without `parsedBody` (derivable).
 * @example serialiseExchange(exchange) // '{"id":"ex-000001","receivedAt":"…","request":{…,"bodyBase64":"eyJpZCI6MX0="},…}\n'
 */
export function serialiseExchange(exchange: Exchange): string {
  const { id, receivedAt, request, parsedBody: _parsed, ...rest } = exchange;
  const { body, ...head } = request;
  // Id and time first so a person scanning the file can read it.
  const line = {
    id,
    receivedAt,
    request: { ...head, bodyBase64: Buffer.from(body).toString('base64') },
    ...rest,
  };
  return `${JSON.stringify(line)}\n`;
}
