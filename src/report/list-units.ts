import type { Exchange } from '../receive/exchange.ts';
import { type Finding, hasErrors } from '../validate/finding.ts';
import { exchangeFindings, mergeFindings } from './collect-findings.ts';
import type { Report } from './report.ts';

/** How one unit of a report came out; `skipped` is a contract nothing exercised. */
export type UnitOutcome = 'pass' | 'fail' | 'missing' | 'skipped';

/**
 * One thing a report judges: an expected callback (`run`), a contract (`listen`) or a
 * delivery (`mock`, `send`). Every renderer lists the same units, so the console table,
 * the JUnit test cases and the summary counts always agree.
 */
export interface ReportUnit {
  kind: 'expectation' | 'contract' | 'delivery';
  /** Trigger operation (`run`) or the command name: the JUnit test suite. */
  group: string;
  /** Trigger id (`run` only). */
  trigger?: string;
  contract: string;
  outcome: UnitOutcome;
  /** The status as the model records it: `received`, `late`, `not-exercised`, `pass`, … */
  status: string;
  exchanges: Exchange[];
  /** Latency (`run`) or delivery duration (`mock`, `send`) in ms. */
  timeMs?: number;
  attempts?: number;
  /** The expected callback URL (`run`), receiver URL (`listen`) or delivery URL. */
  url?: string;
  /** HTTP status of the consumer's reply (`mock`, `send`). */
  httpStatus?: number;
  /** Own findings and those of its exchanges, each once. */
  findings: Finding[];
}

/** The group a contract belongs to when no trigger names it: the id's first segment. */
function contractGroup(contractId: string): string {
  const slash = contractId.indexOf('/');
  return slash > 0 ? contractId.slice(0, slash) : contractId;
}

function judge(
  failed: boolean,
  findings: readonly Finding[],
  exchanges: readonly Exchange[],
): UnitOutcome {
  return failed || hasErrors(findings) || exchanges.some((exchange) => exchange.verdict === 'fail')
    ? 'fail'
    : 'pass';
}

/**
 * The units of a report in display order.
 * @example listUnits(report).filter((unit) => unit.outcome === 'fail')
 */
export function listUnits(report: Omit<Report, 'summary'>): ReportUnit[] {
  const exchangesById = new Map(report.exchanges.map((exchange) => [exchange.id, exchange]));
  const exchangesOf = (ids: readonly string[]): Exchange[] =>
    ids.flatMap((id) => exchangesById.get(id) ?? []);

  if (report.command === 'mock' || report.command === 'send') {
    return report.deliveries.map((delivery) => ({
      kind: 'delivery',
      group: report.command,
      contract: delivery.contract,
      outcome: judge(delivery.verdict === 'fail', delivery.findings, []),
      status: delivery.verdict,
      exchanges: [],
      timeMs: delivery.durationMs,
      url: delivery.url,
      httpStatus: delivery.status,
      findings: mergeFindings(delivery.findings),
    }));
  }

  if (report.command === 'listen') {
    return report.contracts.map((contract) => {
      const exchanges = exchangesOf(contract.exchanges);
      const findings = mergeFindings(
        contract.findings,
        exchangeFindings(contract.exchanges, exchangesById),
      );
      const outcome: UnitOutcome =
        contract.verdict === 'missing'
          ? 'missing'
          : contract.verdict === 'not-exercised' && !hasErrors(findings)
            ? 'skipped'
            : judge(contract.verdict === 'fail', findings, exchanges);
      return {
        kind: 'contract',
        group: report.command,
        contract: contract.id,
        outcome,
        status: contract.verdict,
        exchanges,
        url: contract.receiverUrl,
        findings,
      };
    });
  }

  const triggersById = new Map(report.triggers.map((trigger) => [trigger.id, trigger]));
  const expected = new Set(report.expectations.map((expectation) => expectation.contract));
  const units: ReportUnit[] = report.expectations.map((expectation) => {
    const exchanges = exchangesOf(expectation.exchanges);
    const findings = mergeFindings(
      expectation.findings,
      exchangeFindings(expectation.exchanges, exchangesById),
    );
    const trigger = triggersById.get(expectation.trigger);
    const failedStatus =
      expectation.status === 'failed' ||
      expectation.status === 'late' ||
      expectation.status === 'duplicate';
    return {
      kind: 'expectation',
      group: trigger?.operationId ?? expectation.trigger.split('#')[0] ?? expectation.trigger,
      trigger: expectation.trigger,
      contract: expectation.contract,
      outcome:
        expectation.status === 'missing' ? 'missing' : judge(failedStatus, findings, exchanges),
      status: expectation.status,
      exchanges,
      timeMs: expectation.latencyMs,
      attempts: expectation.attempts,
      url: expectation.expectedUrl,
      findings,
    };
  });
  // Contracts no trigger expected still belong in the table, as not exercised.
  for (const contract of report.contracts) {
    if (expected.has(contract.id)) continue;
    const findings = mergeFindings(contract.findings);
    units.push({
      kind: 'contract',
      group: contractGroup(contract.id),
      contract: contract.id,
      outcome:
        contract.verdict === 'missing'
          ? 'missing'
          : contract.verdict === 'fail' || hasErrors(findings)
            ? 'fail'
            : 'skipped',
      status: contract.verdict === 'pass' ? 'not-exercised' : contract.verdict,
      exchanges: [],
      url: contract.receiverUrl,
      findings,
    });
  }
  return units;
}
