import type { Finding } from '../src/validate/finding.ts';

/**
 * The tail of a live line: the first two non-info findings' messages and how many more, or ''
 * when there is nothing to say.
 * @example describeProblems([{ check: 'x', severity: 'error', message: 'bad' }]) // ' — bad'
 */
export function describeProblems(findings: readonly Finding[]): string {
  const shown = findings.filter((finding) => finding.severity !== 'info');
  const first = shown
    .slice(0, 2)
    .map((finding) => finding.message)
    .join('; ');
  const more = shown.length > 2 ? ` (+${shown.length - 2} more)` : '';
  return first === '' ? '' : ` — ${first}${more}`;
}
