import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ExtraRouteHandler } from './types.ts';

/** Reserved path prefix for handlers mounted next to a server's own routes (`extraRoutes`). */
export const reservedPrefix = '/__callback-verify/';

/**
 * Hands a request under the reserved prefix `/__callback-verify/<name>` to the extra route
 * `name` (a `404` when there is none) and returns true; returns false for every other request,
 * which the server then handles as its own. The receiver and the mock provider both route
 * through it, so nothing under the prefix is ever journaled, validated or mocked.
 * @example
 * const server = createServer((request, response) => {
 *   if (serveExtraRoute(request, response, { dashboard: dashboard.handle })) return;
 *   handleOwnRequest(request, response);
 * });
 */
export function serveExtraRoute(
  request: IncomingMessage,
  response: ServerResponse,
  routes: Readonly<Record<string, ExtraRouteHandler>>,
): boolean {
  const url = request.url ?? '/';
  if (!url.startsWith(reservedPrefix)) return false;
  const name = url.slice(reservedPrefix.length).split(/[/?#]/)[0] ?? '';
  // Own keys only: `constructor` or `__proto__` must not reach Object.prototype.
  const handler = Object.hasOwn(routes, name) ? routes[name] : undefined;
  if (handler === undefined) response.writeHead(404).end();
  else handler(request, response);
  return true;
}
