import type { HeaderMap, InboundRequest } from '../../receive/exchange.ts';

/**
 * A Fetch API request as the validator reads requests: method, the full URL, lower-case headers
 * and the raw body bytes (the request is consumed).
 *
 * @example
 * const inbound = await readInbound(request);
 */
export async function readInbound(request: Request): Promise<InboundRequest> {
  const headers: HeaderMap = {};
  request.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  const body = new Uint8Array(await request.arrayBuffer());
  return { method: request.method.toUpperCase(), url: request.url, headers, body };
}
