import type { Finding } from '../validate/finding.ts';
import { describeValue } from './describe-value.ts';

const whole = { maxLength: Number.POSITIVE_INFINITY };

/**
 * True when the message already shows the value: whole (however long), or its end after an
 * ellipsis, as in `sent to …/invoices/inv-1` for a full URL.
 */
function mentions(message: string, value: unknown, forms: readonly string[]): boolean {
  if (forms.some((form) => message.includes(form))) return true;
  if (typeof value !== 'string') return false;
  for (const match of message.matchAll(/…([^\s,;()]+)/g)) {
    const tail = (match[1] ?? '').replace(/\.+$/, '');
    if (tail.length > 1 && value.endsWith(tail)) return true;
  }
  return false;
}

/**
 * What was expected and what arrived, when the message does not already say so:
 * `expected boolean, got "yes"` (empty when there is nothing to add).
 * @example findingDetail({ ..., message: 'wrong', expected: 'boolean', actual: 'yes' })
 */
export function findingDetail(finding: Finding): string {
  const parts: string[] = [];
  if (finding.expected !== undefined) {
    const shown = describeValue(finding.expected, whole);
    if (!mentions(finding.message, finding.expected, [shown])) {
      parts.push(`expected ${describeValue(finding.expected)}`);
    }
  }
  if (finding.actual !== undefined) {
    const quoted = describeValue(finding.actual, { ...whole, quote: true });
    const bare = describeValue(finding.actual, whole);
    if (!mentions(finding.message, finding.actual, [quoted, bare])) {
      parts.push(`got ${describeValue(finding.actual, { quote: true })}`);
    }
  }
  return parts.join(', ');
}
