import type { Exchange } from './exchange.ts';

/** A bounded, insertion-ordered list of exchanges: past its limits the oldest are dropped. */
export interface ExchangeRing {
  push(exchange: Exchange): void;
  /** The kept exchanges, oldest first. */
  list(): Exchange[];
}

/**
 * Keeps the last `capacity` exchanges, and no more than `maxBodyBytes` of request bodies
 * (the newest exchange is always kept), so memory stays flat however many and however large
 * the requests are.
 * @example const ring = createExchangeRing(2); ring.push(a); ring.push(b); ring.push(c); ring.list() // [b, c]
 */
export function createExchangeRing(
  capacity: number,
  maxBodyBytes: number = Number.POSITIVE_INFINITY,
): ExchangeRing {
  const limit = Math.max(0, Math.floor(capacity));
  let items: Array<Exchange | undefined> = [];
  let head = 0;
  let bytes = 0;
  return {
    push(exchange) {
      if (limit === 0) return;
      items.push(exchange);
      bytes += exchange.request.body.length;
      while (items.length - head > 1 && (items.length - head > limit || bytes > maxBodyBytes)) {
        const dropped = items[head];
        bytes -= dropped?.request.body.length ?? 0;
        items[head] = undefined;
        head += 1;
      }
      // Compact now and then so dropped slots do not accumulate.
      if (head > 1024 && head * 2 > items.length) {
        items = items.slice(head);
        head = 0;
      }
    },
    list() {
      return items.slice(head).filter((item): item is Exchange => item !== undefined);
    },
  };
}
