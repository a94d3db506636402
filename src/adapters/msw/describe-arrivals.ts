import type { Exchange } from '../../receive/exchange.ts';

/**
 * The tail of `waitFor`'s timeout message: what arrived instead (method, URL, contract), or a full stop.
 * @example describeArrivals([]) // '.'
 */
export function describeArrivals(exchanges: readonly Exchange[]): string {
  if (exchanges.length === 0) return '.';
  return `: ${exchanges
    .map(
      (exchange) =>
        `${exchange.request.method} ${exchange.request.url} (${exchange.contract ?? 'no contract'})`,
    )
    .join('; ')}.`;
}
