import type { Exchange } from '../receive/exchange.ts';
import type { CorrelationSlot, SlotsByToken, TokenlessQueue } from './correlation-slot.ts';
import { findTriggerToken } from './find-trigger-token.ts';

/**
 * The expected callback an exchange answers: by the trigger token in its URL, else (fixed-host
 * callbacks, webhooks) the first still open slot of its contract; `ignored` for a contract left out
 * by `--contract`, undefined for an unexpected one. `interchangeable` says which other contracts'
 * slots of the same trigger may take a delivery once its own contract's slot is full.
 * @example findSlot(exchange, byToken, tokenless)?.planned.contract // 'createInvoice/invoicePaid/post'
 */
export function findSlot(
  exchange: Exchange,
  byToken: SlotsByToken,
  tokenless: Map<string, TokenlessQueue>,
  interchangeable: (a: string, b: string) => boolean = () => false,
): CorrelationSlot | 'ignored' | undefined {
  const token = findTriggerToken(exchange, byToken);
  if (token !== undefined) {
    const owner = byToken.get(token);
    if (owner === undefined) return undefined;
    const routed = exchange.contract;
    if (routed !== undefined) {
      if (owner.sent.trigger.ignoredContracts.includes(routed)) return 'ignored';
      const own = owner.slots.find((slot) => slot.planned.contract === routed);
      if (own === undefined || own.delivered < own.planned.count) return own;
      // Look-alike contracts (the same key and method) cannot be told apart by the receiver,
      // which routes to the first that fits: a further delivery fills the next of them still
      // open instead of being a duplicate, if they are declared alike (Microcks' onVerified,
      // onRegistered and onCompleted) or the request passes its checks too (Redoc's
      // orderInProgress and orderShipped, both any object).
      const alsoFits = exchange.alsoConformsTo ?? [];
      return (
        owner.slots.find(
          (slot) =>
            slot.delivered < slot.planned.count &&
            (interchangeable(slot.planned.contract, routed) ||
              alsoFits.includes(slot.planned.contract)),
        ) ?? own
      );
    }
    // Routed to no contract (wrong path or method) but carrying this trigger's token: it is
    // this trigger's callback sent wrongly, which says more than "unexpected".
    return owner.slots.find((slot) => slot.delivered < slot.planned.count) ?? owner.slots[0];
  }
  if (exchange.contract === undefined) return undefined;
  // The first slot of the contract still open, in send order (else of a look-alike the request
  // also fits), else the contract's last one.
  for (const contract of [exchange.contract, ...(exchange.alsoConformsTo ?? [])]) {
    const open = firstOpen(tokenless.get(contract));
    if (open !== undefined) return open;
  }
  return tokenless.get(exchange.contract)?.slots.at(-1);
}

/**
 * The first slot of a queue still open. A slot never reopens (deliveries only grow), so the
 * queue's cursor only moves forward: linear overall.
 */
function firstOpen(queue: TokenlessQueue | undefined): CorrelationSlot | undefined {
  if (queue === undefined) return undefined;
  while (queue.next < queue.slots.length) {
    const slot = queue.slots[queue.next];
    if (slot !== undefined && slot.delivered < slot.planned.count) return slot;
    queue.next += 1;
  }
  return undefined;
}
