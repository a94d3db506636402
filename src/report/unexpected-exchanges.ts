import type { Exchange } from '../receive/exchange.ts';
import type { Finding } from '../validate/finding.ts';
import { mergeFindings } from './collect-findings.ts';
import type { Report } from './report.ts';

/** An exchange nothing asked for, with the findings that say so. */
export interface UnexpectedExchange {
  exchange: Exchange;
  /** Its own findings and the report-level `callback.unexpected` findings about it. */
  findings: Finding[];
}

/** True when a report-level finding is about this exchange (it names its method and URL). */
function isAbout(finding: Finding, exchange: Exchange): boolean {
  if (!finding.check.startsWith('callback.unexpected')) return false;
  const what = `${exchange.request.method.toUpperCase()} ${exchange.request.url}`;
  return finding.actual === what || finding.message.includes(what);
}

/**
 * Exchanges nothing asked for: no contract matched them, or (`run`) they matched a
 * contract but answer no expectation of any trigger.
 * @example unexpectedExchanges(report).length // summary.unexpected
 */
export function unexpectedExchanges(report: Omit<Report, 'summary'>): UnexpectedExchange[] {
  const answered = new Set(report.expectations.flatMap((expectation) => expectation.exchanges));
  return report.exchanges
    .filter(
      (exchange) =>
        exchange.contract === undefined || (report.command === 'run' && !answered.has(exchange.id)),
    )
    .map((exchange) => ({
      exchange,
      findings: mergeFindings(
        exchange.findings,
        report.findings.filter((finding) => isAbout(finding, exchange)),
      ),
    }));
}
