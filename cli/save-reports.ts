import { type ReporterName, writeReports } from '../src/report/index.ts';
import type { Report } from '../src/report/report.ts';

/**
 * Writes the report files asked for: the named reporters (JSON when only `--output` was given)
 * into `--output` (default `callback-verify-report`); nothing when neither flag was given.
 * Resolves with the paths written.
 * @example await saveReports(report, ['junit'], undefined) // ['callback-verify-report/junit.xml']
 */
export function saveReports(
  report: Report,
  reporters: readonly ReporterName[],
  output: string | undefined,
): Promise<string[]> {
  if (reporters.length === 0 && output === undefined) return Promise.resolve([]);
  return writeReports(report, {
    reporters: reporters.length === 0 ? ['json'] : [...reporters],
    outputDir: output ?? 'callback-verify-report',
  });
}
