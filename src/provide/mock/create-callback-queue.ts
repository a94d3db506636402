import type { Contract } from '../../spec/contract.ts';
import type { ReceivedTrigger } from './build-trigger-context.ts';

/** The callbacks of one answered consumer request, to fire once the mock's delay has passed. */
export interface QueuedCallbacks {
  contracts: Contract[];
  /** The trigger's id, e.g. `createInvoice#1`. */
  trigger: string;
  received: ReceivedTrigger;
}

/** When the mock's callbacks go out: after a delay, and what is still waiting or firing. */
export interface CallbackQueue {
  /** Fires `entry` once the delay has passed. */
  schedule(entry: QueuedCallbacks): void;
  /** Takes back every entry still waiting for its delay; none of them will fire. */
  cancelWaiting(): QueuedCallbacks[];
  /** Resolves once every entry that started firing has finished. */
  settled(): Promise<void>;
  /** Resolves once nothing waits or fires, entries scheduled meanwhile included. */
  idle(): Promise<void>;
}

/**
 * A queue that fires each scheduled entry with `fire` after `delayMs`; `fire` must not reject
 * (the mock turns its failures into findings).
 * @example
 * const queue = createCallbackQueue(100, (entry) => fireAll(entry));
 * queue.schedule({ contracts, trigger: 'createInvoice#1', received });
 */
export function createCallbackQueue(
  delayMs: number,
  fire: (entry: QueuedCallbacks) => Promise<void>,
): CallbackQueue {
  const waiting = new Map<QueuedCallbacks, NodeJS.Timeout>();
  const running = new Set<Promise<void>>();

  const start = (entry: QueuedCallbacks): void => {
    waiting.delete(entry);
    const work: Promise<void> = fire(entry).finally(() => running.delete(work));
    running.add(work);
  };

  return {
    schedule(entry) {
      waiting.set(
        entry,
        setTimeout(() => start(entry), delayMs),
      );
    },
    cancelWaiting() {
      const cancelled = [...waiting.keys()];
      for (const timer of waiting.values()) clearTimeout(timer);
      waiting.clear();
      return cancelled;
    },
    async settled() {
      await Promise.all(running);
    },
    async idle() {
      // Deliveries may schedule nothing new, but requests arriving meanwhile may: loop until quiet.
      while (waiting.size > 0 || running.size > 0) {
        if (running.size > 0) await Promise.all(running);
        else await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
  };
}
