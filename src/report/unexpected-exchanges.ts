import type { Exchange } from '../receive/exchange.ts';
import type { Report } from './report.ts';

/**
 * Exchanges nothing asked for: no contract matched them, or (`run`) they matched a
 * contract but answer no expectation of any trigger.
 * @example unexpectedExchanges(report).length // summary.unexpected
 */
export function unexpectedExchanges(report: Omit<Report, 'summary'>): Exchange[] {
  const answered = new Set(report.expectations.flatMap((expectation) => expectation.exchanges));
  return report.exchanges.filter(
    (exchange) =>
      exchange.contract === undefined || (report.command === 'run' && !answered.has(exchange.id)),
  );
}
