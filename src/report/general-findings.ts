import type { Finding } from '../validate/finding.ts';
import { findingKey } from './collect-findings.ts';
import type { Report } from './report.ts';
import { unexpectedExchanges } from './unexpected-exchanges.ts';

/**
 * Report-level findings that belong to nothing shown elsewhere (spec lint, provider
 * problems): the `callback.unexpected` ones are shown with their exchange instead.
 * @example generalFindings(report).filter((finding) => finding.severity === 'error')
 */
export function generalFindings(report: Omit<Report, 'summary'>): Finding[] {
  const shown = new Set(
    unexpectedExchanges(report).flatMap((entry) => entry.findings.map(findingKey)),
  );
  return report.findings.filter((finding) => !shown.has(findingKey(finding)));
}
