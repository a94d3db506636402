import type { Exchange } from '../receive/exchange.ts';
import { findSlot, type SlotLike, type SlotOwner, type SlotQueue } from './find-slot.ts';
import { isRetryableAnswer } from './is-retryable-answer.ts';
import type { PlannedTrigger } from './types.ts';

/** Live count of expected callbacks still to come, updated as exchanges arrive. */
export interface DeliveryTracker {
  record(exchange: Exchange): void;
  /** Expected callbacks not delivered yet (retries in progress count as not delivered). */
  outstanding(): number;
}

/**
 * Counts deliveries as {@link correlateCallbacks} will judge them (the same {@link findSlot}, with
 * the same `interchangeable` contracts), cheaply enough to run on every exchange, so waiting can
 * stop as soon as everything arrived.
 *
 * @example
 * const tracker = trackDeliveries(plan.triggers); receiver.subscribe(tracker.record);
 */
export function trackDeliveries(
  triggers: readonly PlannedTrigger[],
  interchangeable: (a: string, b: string) => boolean = () => false,
): DeliveryTracker {
  const byToken = new Map<string, SlotOwner<SlotLike>>();
  const tokenless = new Map<string, SlotQueue<SlotLike>>();
  let outstanding = 0;
  for (const trigger of triggers) {
    const slots: SlotLike[] = [];
    for (const planned of trigger.expectations) {
      if (!planned.checkable || planned.count === 0) continue;
      const slot = { planned, delivered: 0 };
      slots.push(slot);
      outstanding += planned.count;
      if (planned.tokenless !== true) continue;
      const queue = tokenless.get(planned.contract) ?? { slots: [], next: 0 };
      queue.slots.push(slot);
      tokenless.set(planned.contract, queue);
    }
    byToken.set(trigger.token, { ignoredContracts: trigger.ignoredContracts, slots });
  }
  return {
    record(exchange: Exchange): void {
      if (isRetryableAnswer(exchange)) return;
      const slot = findSlot(exchange, byToken, tokenless, interchangeable);
      if (slot === undefined || slot === 'ignored') return;
      if (slot.delivered < slot.planned.count) outstanding -= 1;
      slot.delivered += 1;
    },
    outstanding: () => outstanding,
  };
}
