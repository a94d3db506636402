import type { Finding } from '../src/validate/finding.ts';

/** A message as a sentence, so two in a row read as two sentences rather than run together. */
function asSentence(message: string): string {
  const trimmed = message.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/**
 * The tail of a live line: the first two non-info findings' messages, as sentences one after
 * the other, and how many more, or '' when there is nothing to say.
 * @example describeProblems([{ check: 'x', severity: 'error', message: 'bad' }]) // ' — bad.'
 */
export function describeProblems(findings: readonly Finding[]): string {
  const shown = findings.filter((finding) => finding.severity !== 'info');
  const first = shown
    .slice(0, 2)
    .map((finding) => asSentence(finding.message))
    .join(' ');
  const more = shown.length > 2 ? ` (+${shown.length - 2} more)` : '';
  return first === '' ? '' : ` — ${first}${more}`;
}
