import type { Exchange } from '../receive/exchange.ts';
import type { Finding } from '../validate/finding.ts';
import type { Report } from './report.ts';

/** A key that is equal for two findings that report the same problem at the same place. */
export function findingKey(finding: Finding): string {
  return JSON.stringify([
    finding.check,
    finding.severity,
    finding.message,
    finding.contract ?? null,
    finding.where ?? null,
    finding.spec ?? null,
  ]);
}

/**
 * The distinct findings of several lists, in first-seen order.
 *
 * Producers may copy an exchange's findings into its contract or expectation as
 * well; merging by {@link findingKey} keeps one of each so nothing is counted twice.
 * @example mergeFindings(expectation.findings, exchangeFindings)
 */
export function mergeFindings(...lists: ReadonlyArray<readonly Finding[]>): Finding[] {
  const seen = new Set<string>();
  const merged: Finding[] = [];
  for (const list of lists) {
    for (const finding of list) {
      const key = findingKey(finding);
      if (seen.has(key)) continue;
      seen.add(key);
      merged.push(finding);
    }
  }
  return merged;
}

/** The findings of the given exchanges (unknown ids are skipped). */
export function exchangeFindings(
  ids: readonly string[],
  exchangesById: ReadonlyMap<string, Exchange>,
): Finding[] {
  return mergeFindings(...ids.map((id) => exchangesById.get(id)?.findings ?? []));
}

/** Every distinct finding in a report, wherever it was recorded. */
export function collectFindings(report: Omit<Report, 'summary'>): Finding[] {
  return mergeFindings(
    report.findings,
    ...report.triggers.map((trigger) => trigger.findings),
    ...report.contracts.map((contract) => contract.findings),
    ...report.expectations.map((expectation) => expectation.findings),
    ...report.deliveries.map((delivery) => delivery.findings),
    ...report.exchanges.map((exchange) => exchange.findings),
  );
}
