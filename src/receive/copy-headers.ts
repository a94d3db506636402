import type { IncomingHttpHeaders } from 'node:http';
import type { HeaderMap } from './exchange.ts';

/**
 * A plain copy of Node's request headers (lower-case names, repeated ones as lists), so an
 * exchange keeps none of the request object alive.
 * @example copyHeaders({ 'content-type': 'application/json' }) // { 'content-type': 'application/json' }
 */
export function copyHeaders(headers: IncomingHttpHeaders): HeaderMap {
  const copy: HeaderMap = {};
  for (const [name, value] of Object.entries(headers)) copy[name] = value;
  return copy;
}
