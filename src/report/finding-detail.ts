import type { Finding } from '../validate/finding.ts';
import { describeValue } from './describe-value.ts';

/**
 * What was expected and what arrived, when the message does not already say so:
 * `expected boolean, got "yes"` (empty when there is nothing to add).
 * @example findingDetail({ ..., message: 'wrong', expected: 'boolean', actual: 'yes' })
 */
export function findingDetail(finding: Finding): string {
  const parts: string[] = [];
  if (finding.expected !== undefined) {
    const expected = describeValue(finding.expected);
    if (!finding.message.includes(expected)) parts.push(`expected ${expected}`);
  }
  if (finding.actual !== undefined) {
    const actual = describeValue(finding.actual, { quote: true });
    const bare = describeValue(finding.actual);
    if (!finding.message.includes(actual) && !finding.message.includes(bare)) {
      parts.push(`got ${actual}`);
    }
  }
  return parts.join(', ');
}
