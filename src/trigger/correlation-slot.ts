import type { Exchange } from '../receive/exchange.ts';
import type { Finding } from '../validate/finding.ts';
import type { SlotOwner, SlotQueue } from './find-slot.ts';
import type { SentTrigger } from './send-trigger.ts';
import type { PlannedExpectation } from './types.ts';

/** One expected callback of one sent trigger, with what arrived for it so far. */
export interface CorrelationSlot {
  sent: SentTrigger;
  planned: PlannedExpectation;
  expectedUrl?: string;
  findings: Finding[];
  exchanges: Exchange[];
  /** Successful deliveries (answers that ask for no retry). */
  delivered: number;
}

/** Tokenless slots of one contract in send order, and the first that may still take a delivery. */
export type TokenlessQueue = SlotQueue<CorrelationSlot>;

/** Slots by the trigger token their trigger was given. */
export type SlotsByToken = Map<string, SlotOwner<CorrelationSlot> & { sent: SentTrigger }>;
