import type { Exchange } from './exchange.ts';

/** A bounded, insertion-ordered list of exchanges: past `capacity` the oldest are dropped. */
export interface ExchangeRing {
  push(exchange: Exchange): void;
  /** The kept exchanges, oldest first. */
  list(): Exchange[];
}

/**
 * Keeps the last `capacity` exchanges in a fixed array so memory stays flat however many arrive.
 * @example const ring = createExchangeRing(2); ring.push(a); ring.push(b); ring.push(c); ring.list() // [b, c]
 */
export function createExchangeRing(capacity: number): ExchangeRing {
  const size = Math.max(0, Math.floor(capacity));
  const slots: Array<Exchange | undefined> = new Array(size);
  let next = 0;
  let count = 0;
  return {
    push(exchange) {
      if (size === 0) return;
      slots[next] = exchange;
      next = (next + 1) % size;
      count = Math.min(count + 1, size);
    },
    list() {
      const out: Exchange[] = [];
      const start = count < size ? 0 : next;
      for (let i = 0; i < count; i++) {
        const item = slots[(start + i) % size];
        if (item !== undefined) out.push(item);
      }
      return out;
    },
  };
}
