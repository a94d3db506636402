import type { Exchange } from '../receive/exchange.ts';
import { findTriggerToken } from './find-trigger-token.ts';

/** What {@link findSlot} needs of an expected callback: its contract, how many, how many came. */
export interface SlotLike {
  planned: { contract: string; count: number };
  /** Successful deliveries so far (answers that ask for no retry). */
  delivered: number;
}

/** The expected callbacks of one trigger, and the contracts `--contract` left out of it. */
export interface SlotOwner<Slot extends SlotLike> {
  ignoredContracts: readonly string[];
  slots: Slot[];
}

/** Token-less slots of one contract in send order, and the first that may still take a delivery. */
export interface SlotQueue<Slot extends SlotLike> {
  slots: Slot[];
  next: number;
}

/**
 * The expected callback an exchange answers: by the trigger token in its URL, else (fixed-host
 * callbacks, webhooks) the first still open slot of its contract; `ignored` for a contract left out
 * by `--contract`, undefined for an unexpected one. A delivery for a look-alike contract (the
 * same key and method: `interchangeable` says which are declared alike, the exchange's
 * `alsoConformsTo` which others it passes) takes the next of them still open instead of being a
 * duplicate. Correlation and the live count of outstanding callbacks both decide by this.
 * @example findSlot(exchange, byToken, tokenless)?.planned.contract // 'createInvoice/invoicePaid/post'
 */
export function findSlot<Slot extends SlotLike>(
  exchange: Exchange,
  byToken: ReadonlyMap<string, SlotOwner<Slot>>,
  tokenless: ReadonlyMap<string, SlotQueue<Slot>>,
  interchangeable: (a: string, b: string) => boolean = () => false,
): Slot | 'ignored' | undefined {
  const open = (slot: Slot): boolean => slot.delivered < slot.planned.count;
  const alsoFits = exchange.alsoConformsTo ?? [];
  const token = findTriggerToken(exchange, byToken);
  if (token !== undefined) {
    const owner = byToken.get(token);
    if (owner === undefined) return undefined;
    const routed = exchange.contract;
    if (routed !== undefined) {
      if (owner.ignoredContracts.includes(routed)) return 'ignored';
      const own = owner.slots.find((slot) => slot.planned.contract === routed);
      if (own === undefined || open(own)) return own;
      // The receiver routes a look-alike's delivery to the first that fits (Microcks' onVerified,
      // onRegistered and onCompleted are declared alike; Redoc's orderInProgress and
      // orderShipped both take any object).
      return (
        owner.slots.find(
          (slot) =>
            open(slot) &&
            (interchangeable(slot.planned.contract, routed) ||
              alsoFits.includes(slot.planned.contract)),
        ) ?? own
      );
    }
    // Routed to no contract (wrong path or method) but carrying this trigger's token: it is
    // this trigger's callback sent wrongly, which says more than "unexpected".
    return owner.slots.find(open) ?? owner.slots[0];
  }
  if (exchange.contract === undefined) return undefined;
  // The first slot of the contract still open, in send order (else of a look-alike the request
  // also passes), else the contract's last one.
  for (const contract of [exchange.contract, ...alsoFits]) {
    const queue = tokenless.get(contract);
    if (queue === undefined) continue;
    // A slot never reopens (deliveries only grow), so the cursor only moves forward.
    while (queue.next < queue.slots.length) {
      const slot = queue.slots[queue.next];
      if (slot !== undefined && open(slot)) return slot;
      queue.next += 1;
    }
  }
  return tokenless.get(exchange.contract)?.slots.at(-1);
}
