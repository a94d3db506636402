import type { Report } from '../src/report/report.ts';

/**
 * The last `--json` event of a session (`listen`, `mock`): why it ended, the report's counts and
 * findings, the report files written and the exit code.
 * @example write(summaryEvent(report, { reason: 'timeout', reports: [], exitCode: 0 }))
 */
export function summaryEvent(
  report: Report,
  end: { reason: string; reports: readonly string[]; exitCode: number },
): string {
  return JSON.stringify({
    event: 'summary',
    reason: end.reason,
    ...report.summary,
    findings: report.findings,
    reports: end.reports,
    exitCode: end.exitCode,
  });
}
