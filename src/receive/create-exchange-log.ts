import { hasErrors } from '../validate/finding.ts';
import type { Journal } from './create-journal.ts';
import { createListeners } from './create-listeners.ts';
import type { Exchange, InboundRequest } from './exchange.ts';
import type { ExchangeRing } from './exchange-ring.ts';
import type { PlannedExchange } from './plan-exchange.ts';
import type { ReceiverStats } from './types.ts';

/** A receiver's record of what it saw: numbering, counts, the kept exchanges, the journal, listeners. */
export interface ExchangeLog {
  /** The next exchange (numbered in arrival order) for a request and what was planned for it. */
  make(receivedAt: string, request: InboundRequest, planned: PlannedExchange): Exchange;
  /**
   * Counts, keeps and journals an exchange. With a journal, resolves once its line is written (a
   * failed write becomes a warning finding); without one, returns nothing to wait for.
   */
  record(exchange: Exchange): Promise<void> | undefined;
  /** Tells every listener; a listener that throws stops neither the receiver nor the others. */
  notify(exchange: Exchange): void;
  subscribe(listener: (exchange: Exchange) => void): () => void;
  stats(): ReceiverStats;
}

/**
 * Creates the log an HTTP receiver records its exchanges in.
 * @example
 * const log = createExchangeLog(createExchangeRing(100));
 * const exchange = log.make(isoNow(), request, planned);
 * await log.record(exchange); log.notify(exchange);
 */
export function createExchangeLog(ring: ExchangeRing, journal?: Journal): ExchangeLog {
  const listeners = createListeners<Exchange>();
  const stats: ReceiverStats = {
    exchanges: 0,
    passed: 0,
    failed: 0,
    unexpected: 0,
    byContract: {},
  };
  let sequence = 0;
  return {
    make(receivedAt, request, planned) {
      sequence += 1;
      const exchange: Exchange = {
        id: `ex-${String(sequence).padStart(6, '0')}`,
        receivedAt,
        request,
        findings: planned.findings,
        answer: planned.answer,
        verdict: hasErrors(planned.findings) ? 'fail' : 'pass',
      };
      if (planned.contract !== undefined) exchange.contract = planned.contract;
      if (planned.alsoConformsTo !== undefined) exchange.alsoConformsTo = planned.alsoConformsTo;
      if (planned.token !== undefined) exchange.token = planned.token;
      if (planned.parsedBody !== undefined) exchange.parsedBody = planned.parsedBody;
      return exchange;
    },
    record(exchange) {
      stats.exchanges += 1;
      if (exchange.verdict === 'pass') stats.passed += 1;
      else stats.failed += 1;
      if (exchange.contract === undefined) stats.unexpected += 1;
      else {
        const tally = stats.byContract[exchange.contract] ?? { passed: 0, failed: 0 };
        stats.byContract[exchange.contract] = tally;
        if (exchange.verdict === 'pass') tally.passed += 1;
        else tally.failed += 1;
      }
      ring.push(exchange);
      return journal?.append(exchange).catch((error: unknown) => {
        exchange.findings.push({
          check: 'journal.write',
          severity: 'warning',
          message: `This exchange could not be written to the journal: ${error instanceof Error ? error.message : String(error)}.`,
        });
      });
    },
    notify: listeners.notify,
    subscribe: listeners.subscribe,
    stats: () => ({ ...stats, byContract: structuredClone(stats.byContract) }),
  };
}
