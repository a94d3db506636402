import type { Exchange } from '../receive/exchange.ts';
import type { Expectation } from '../report/report.ts';
import type { Contract } from '../spec/contract.ts';
import type { Finding } from '../validate/finding.ts';
import { arrivalTime } from './arrival-time.ts';
import { computeExpectedUrl } from './compute-expected-url.ts';
import type { CorrelationSlot, SlotsByToken, TokenlessQueue } from './correlation-slot.ts';
import { describeUnexpectedCallback } from './describe-unexpected-callback.ts';
import { findSlot } from './find-slot.ts';
import { interchangeableContracts } from './interchangeable-contracts.ts';
import { isRetryableAnswer } from './is-retryable-answer.ts';
import { judgeSlot } from './judge-slot.ts';
import type { SentTrigger } from './send-trigger.ts';

/** What {@link correlateCallbacks} needs: every trigger as sent and every exchange received. */
export interface CorrelationInput {
  sent: readonly SentTrigger[];
  exchanges: readonly Exchange[];
  /** The receiver's origin: an exchange's full URL is this plus its request URL. */
  receiverOrigin: string;
  contracts: ReadonlyMap<string, Contract>;
  /** Fixed-host contracts: the receiver path their forwarded callbacks arrive under. */
  fixedPrefixes?: ReadonlyMap<string, string>;
}

/** Expectations with their exchanges and findings, and what answered none. */
export interface Correlation {
  expectations: Expectation[];
  /** Unexpected callbacks. */
  findings: Finding[];
  /** Exchanges of contracts left out by `--contract`: neither expected nor unexpected. */
  ignored: Set<string>;
}

/**
 * Matches received callbacks to the triggers that caused them (by the token in their URL, else
 * by contract for fixed-host callbacks) and judges each expected callback: missing, late,
 * duplicate, retried, at the wrong URL. Pure: the clock is in the exchanges and trigger times.
 *
 * @example
 * const { expectations } = correlateCallbacks({ sent, exchanges, receiverOrigin, contracts });
 */
export function correlateCallbacks(input: CorrelationInput): Correlation {
  const slots: CorrelationSlot[] = [];
  const byToken: SlotsByToken = new Map();
  const tokenless = new Map<string, TokenlessQueue>();
  for (const sent of input.sent) {
    const own: CorrelationSlot[] = [];
    for (const planned of sent.trigger.expectations) {
      if (planned.count === 0 || !planned.checkable) continue;
      const slot: CorrelationSlot = { sent, planned, findings: [], exchanges: [], delivered: 0 };
      computeExpectedUrl(slot);
      own.push(slot);
      slots.push(slot);
      if (planned.tokenless === true) {
        const queue = tokenless.get(planned.contract) ?? { slots: [], next: 0 };
        queue.slots.push(slot);
        tokenless.set(planned.contract, queue);
      }
    }
    byToken.set(sent.trigger.token, {
      sent,
      slots: own,
      ignoredContracts: sent.trigger.ignoredContracts,
    });
  }

  const findings: Finding[] = [];
  const ignored = new Set<string>();
  const ordered = [...input.exchanges].sort((a, b) => arrivalTime(a) - arrivalTime(b));
  const interchangeable = interchangeableContracts(input.contracts);
  for (const exchange of ordered) {
    const target = findSlot(exchange, byToken, tokenless, interchangeable);
    if (target === 'ignored') ignored.add(exchange.id);
    else if (target === undefined) {
      // The receiver already says so for requests that match no contract; say it once.
      const said = exchange.findings.some((finding) => finding.check === 'callback.unexpected');
      if (!said) findings.push(describeUnexpectedCallback(exchange, byToken));
    } else {
      target.exchanges.push(exchange);
      if (!isRetryableAnswer(exchange)) target.delivered += 1;
    }
  }

  const expectations = slots.map((slot) => judgeSlot(slot, input));
  return { expectations, findings, ignored };
}
