import type { Command } from 'commander';
import { UsageError } from '../src/errors.ts';
import { type ReporterName, reporterNames } from '../src/report/write-reports.ts';
import { collect } from './collect.ts';

/** The report flags as commander hands them over. */
export interface ReportFlags {
  reporter?: string[];
  output?: string;
}

/**
 * Adds `--reporter <name>` (repeatable) and `--output <dir>`, as `listen`, `mock` and `send` take them.
 * @example addReportOptions(program.command('send'))
 */
export function addReportOptions(command: Command): Command {
  return command
    .option(
      '--reporter <name>',
      'write a report: console, json, junit, markdown, html (repeatable)',
      collect,
    )
    .option('--output <dir>', 'folder for the reports (default: callback-verify-report)');
}

/**
 * Checks `--reporter` names; an unknown one is a UsageError naming the known ones.
 * @example parseReporters(['json', 'junit']) // ['json', 'junit']
 */
export function parseReporters(names: readonly string[] | undefined): ReporterName[] {
  return (names ?? []).map((name) => {
    const known = reporterNames.find((candidate) => candidate === name.trim());
    if (known === undefined) {
      throw new UsageError(`Unknown reporter "${name}".`, {
        hint: `Use one of ${reporterNames.join(', ')}; repeat --reporter for several.`,
      });
    }
    return known;
  });
}
