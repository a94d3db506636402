import type { ReportCommand } from './report.ts';

/**
 * True for the commands that receive requests (`run`, `listen`), whose reports count exchanges and
 * unexpected callbacks; `mock` and `send` make deliveries instead, so those counts are always 0
 * there and summaries leave them out.
 * @example receivesExchanges('send') // false
 */
export function receivesExchanges(command: ReportCommand): boolean {
  return command === 'run' || command === 'listen';
}
