import type { Exchange } from '../receive/exchange.ts';
import { findTriggerToken } from './find-trigger-token.ts';
import { isRetryableAnswer } from './is-retryable-answer.ts';
import type { PlannedTrigger } from './types.ts';

/** Live count of expected callbacks still to come, updated as exchanges arrive. */
export interface DeliveryTracker {
  record(exchange: Exchange): void;
  /** Expected callbacks not delivered yet (retries in progress count as not delivered). */
  outstanding(): number;
}

/**
 * Tracks deliveries the way {@link correlateCallbacks} will judge them (with the same
 * `interchangeable` contracts), cheaply enough to run on every exchange, so waiting can stop as
 * soon as everything arrived.
 *
 * @example
 * const tracker = trackDeliveries(plan.triggers); receiver.subscribe(tracker.record);
 */
export function trackDeliveries(
  triggers: readonly PlannedTrigger[],
  interchangeable: (a: string, b: string) => boolean = () => false,
): DeliveryTracker {
  interface Counter {
    contract: string;
    wanted: number;
    delivered: number;
    tokenless: boolean;
  }
  const byToken = new Map<string, Counter[]>();
  const all: Counter[] = [];
  // Tokenless counters per contract in trigger order, and the first one not yet full: a counter
  // never empties again, so the cursor only moves forward.
  const tokenless = new Map<string, { counters: Counter[]; next: number }>();
  for (const trigger of triggers) {
    const counters = trigger.expectations
      .filter((expectation) => expectation.checkable && expectation.count > 0)
      .map((expectation) => ({
        contract: expectation.contract,
        wanted: expectation.count,
        delivered: 0,
        tokenless: expectation.tokenless === true,
      }));
    byToken.set(trigger.token, counters);
    all.push(...counters);
    for (const counter of counters) {
      if (!counter.tokenless) continue;
      const queue = tokenless.get(counter.contract) ?? { counters: [], next: 0 };
      queue.counters.push(counter);
      tokenless.set(counter.contract, queue);
    }
  }
  let outstanding = all.reduce((sum, counter) => sum + counter.wanted, 0);
  const count = (counter: Counter | undefined): void => {
    if (counter === undefined) return;
    if (counter.delivered < counter.wanted) outstanding -= 1;
    counter.delivered += 1;
  };
  return {
    record(exchange: Exchange): void {
      if (isRetryableAnswer(exchange)) return;
      const token = findTriggerToken(exchange, byToken);
      if (token !== undefined) {
        const counters = byToken.get(token) ?? [];
        const routed = exchange.contract;
        if (routed === undefined) {
          count(counters.find((counter) => counter.delivered < counter.wanted));
          return;
        }
        const own = counters.find((counter) => counter.contract === routed);
        const open = (counter: Counter): boolean => counter.delivered < counter.wanted;
        count(
          own === undefined || open(own)
            ? own
            : (counters.find(
                (counter) => open(counter) && interchangeable(counter.contract, routed),
              ) ?? own),
        );
        return;
      }
      const queue = exchange.contract === undefined ? undefined : tokenless.get(exchange.contract);
      if (queue === undefined) return;
      while (queue.next < queue.counters.length) {
        const counter = queue.counters[queue.next];
        if (counter !== undefined && counter.delivered < counter.wanted) {
          count(counter);
          return;
        }
        queue.next += 1;
      }
    },
    outstanding: () => outstanding,
  };
}
