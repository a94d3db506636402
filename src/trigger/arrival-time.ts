import type { Exchange } from '../receive/exchange.ts';

/** Arrival times, parsed once per exchange (sorting and judging read them many times). */
const arrivals = new WeakMap<Exchange, number>();

/**
 * When an exchange arrived, in epoch milliseconds.
 * @example arrivalTime(exchange) // 1763712000000
 */
export function arrivalTime(exchange: Exchange): number {
  let at = arrivals.get(exchange);
  if (at === undefined) {
    at = Date.parse(exchange.receivedAt);
    arrivals.set(exchange, at);
  }
  return at;
}
