import type { Report } from './report.ts';

/**
 * How long a report's run took, in seconds to one decimal (`12.3 s`); `undefined` when its
 * times are missing or out of order.
 * @example formatRunLength({ ...report, startedAt: '2026-01-01T00:00:00Z', finishedAt: '2026-01-01T00:00:01.5Z' }) // '1.5 s'
 */
export function formatRunLength(
  report: Pick<Report, 'startedAt' | 'finishedAt'>,
): string | undefined {
  const seconds = (Date.parse(report.finishedAt) - Date.parse(report.startedAt)) / 1000;
  return Number.isFinite(seconds) && seconds >= 0 ? `${seconds.toFixed(1)} s` : undefined;
}
