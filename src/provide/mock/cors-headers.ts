import type { IncomingHttpHeaders } from 'node:http';

/**
 * CORS headers that let a consumer running in a browser call the mock from any origin (as Prism's
 * own server does); none for a request without an `Origin`. For a preflight (`OPTIONS` with
 * `Access-Control-Request-Method`) they also allow the method and headers asked for.
 *
 * @example
 * corsHeaders({ origin: 'http://localhost:5173' }) // { 'access-control-allow-origin': 'http://localhost:5173', … }
 */
export function corsHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const origin = headers.origin;
  if (typeof origin !== 'string') return {};
  const cors: Record<string, string> = {
    'access-control-allow-origin': origin,
    'access-control-allow-credentials': 'true',
    'access-control-expose-headers': '*',
    vary: 'origin',
  };
  const method = headers['access-control-request-method'];
  if (typeof method === 'string') {
    cors['access-control-allow-methods'] = method;
    const asked = headers['access-control-request-headers'];
    if (typeof asked === 'string') cors['access-control-allow-headers'] = asked;
    cors['access-control-max-age'] = '600';
  }
  return cors;
}
