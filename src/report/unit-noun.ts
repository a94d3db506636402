import type { ReportCommand } from './report.ts';

/**
 * What one row of a report's table is, singular and plural: an expected callback for `run`, a
 * contract for `listen`, a delivery for `mock` and `send`.
 * @example plural(3, ...unitNoun('send')) // '3 deliveries'
 */
export function unitNoun(command: ReportCommand): [noun: string, nouns: string] {
  if (command === 'run') return ['expected callback', 'expected callbacks'];
  if (command === 'listen') return ['contract', 'contracts'];
  return ['delivery', 'deliveries'];
}
