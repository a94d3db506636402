import { summarise } from '../src/report/index.ts';
import type { Report } from '../src/report/report.ts';
import type { Finding } from '../src/validate/finding.ts';
import type { EndReason } from './await-end.ts';
import { describeMockEnd } from './describe-mock-end.ts';

/**
 * The mock's report with a `mock.expect` error added when `--expect n` was not reached: that is a
 * failure of the session, not only a shorter one. Callbacks handled are deliveries plus findings
 * about a contract (callbacks that could not be sent).
 * @example withMockEndFindings(provider.report(), 3, { kind: 'timeout' }).summary.conformant
 */
export function withMockEndFindings(
  report: Report,
  expect: number | undefined,
  reason: EndReason,
): Report {
  const handled =
    report.deliveries.length + report.findings.filter((f) => f.contract !== undefined).length;
  if (expect === undefined || handled >= expect) return report;
  const finding: Finding = {
    check: 'mock.expect',
    severity: 'error',
    message: `Expected ${expect} callback(s) but ${handled} were handled before the mock ended (${describeMockEnd(reason)}).`,
    expected: expect,
    actual: handled,
  };
  const { summary: _summary, ...draft } = report;
  const next = { ...draft, findings: [...report.findings, finding] };
  return { ...next, summary: summarise(next) };
}
