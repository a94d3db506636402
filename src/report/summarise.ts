import { collectFindings } from './collect-findings.ts';
import { listUnits } from './list-units.ts';
import type { Report, ReportSummary } from './report.ts';
import { unexpectedExchanges } from './unexpected-exchanges.ts';

/**
 * Counts and the overall verdict of a report.
 *
 * `passed`, `failed` and `missing` count expected callbacks (`run`), contracts (`listen`)
 * or deliveries (`mock`, `send`); `errors` and `warnings` count distinct findings.
 * A report is conformant when nothing failed, nothing is missing, nothing unexpected
 * arrived and no finding anywhere has error severity.
 * @example const report = { ...draft, summary: summarise(draft) };
 */
export function summarise(report: Omit<Report, 'summary'>): ReportSummary {
  const units = listUnits(report);
  const findings = collectFindings(report);
  const count = (outcome: string): number =>
    units.filter((unit) => unit.outcome === outcome).length;
  const passed = count('pass');
  const failed = count('fail');
  const missing = count('missing');
  const unexpected = unexpectedExchanges(report).length;
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const warnings = findings.filter((finding) => finding.severity === 'warning').length;
  const anythingFailed =
    report.contracts.some(
      (contract) => contract.verdict === 'fail' || contract.verdict === 'missing',
    ) ||
    report.deliveries.some((delivery) => delivery.verdict === 'fail') ||
    report.exchanges.some((exchange) => exchange.verdict === 'fail');
  return {
    contracts: report.contracts.length,
    exchanges: report.exchanges.length,
    passed,
    failed,
    missing,
    unexpected,
    errors,
    warnings,
    conformant:
      failed === 0 && missing === 0 && unexpected === 0 && errors === 0 && !anythingFailed,
  };
}
