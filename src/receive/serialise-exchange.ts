import type { Exchange } from './exchange.ts';

/**
 * One journal line for an exchange: the exchange as JSON with the raw body as `request.bodyBase64`
 * (bytes exactly as received) instead of `request.body`, and without `parsedBody` (derivable).
 * @example serialiseExchange(exchange) // '{"id":"ex-000001","receivedAt":"…","request":{…,"bodyBase64":"eyJpZCI6MX0="},…}\n'
 */
export function serialiseExchange(exchange: Exchange): string {
  const { id, receivedAt, request, parsedBody: _parsed, ...rest } = exchange;
  const { body, ...head } = request;
  // Base64 needs no JSON escaping, so the (often largest) field is spliced in rather than handed
  // to JSON.stringify, which would scan it again: a third of the time for a 2.7 KB body, same bytes.
  const base64 = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('base64');
  const headJson = JSON.stringify(head);
  const restJson = JSON.stringify(rest);
  // Id and time first so a person scanning the file can read it.
  return (
    `{"id":${JSON.stringify(id)},"receivedAt":${JSON.stringify(receivedAt)},` +
    `"request":${headJson.slice(0, -1)}${headJson === '{}' ? '' : ','}"bodyBase64":"${base64}"}` +
    `${restJson === '{}' ? '' : `,${restJson.slice(1, -1)}`}}\n`
  );
}
