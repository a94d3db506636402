import type { Finding } from '../../validate/finding.ts';
import { checkTimestamp } from './check-timestamp.ts';
import { signatureFinding } from './signature-finding.ts';

/**
 * The findings of a well-formed signature header: `signature.mismatch` unless it matched, then
 * `signature.stale` when a signed timestamp is out of tolerance; a forged and stale delivery gets both.
 */
export function judgeSignature(
  matches: boolean,
  mismatch: { header: string; message: string; actual: string },
  options: {
    contract?: string;
    stale?: { timestamp: number; header: string; toleranceSeconds: number; now: Date };
  },
): Finding[] {
  const findings: Finding[] = [];
  if (!matches) {
    findings.push(
      signatureFinding('signature.mismatch', mismatch.header, mismatch.message, {
        contract: options.contract,
        actual: mismatch.actual,
      }),
    );
  }
  const stale =
    options.stale === undefined
      ? undefined
      : checkTimestamp(options.stale.timestamp, options.stale.header, {
          toleranceSeconds: options.stale.toleranceSeconds,
          now: options.stale.now,
          ...(options.contract === undefined ? {} : { contract: options.contract }),
        });
  if (stale !== undefined) findings.push(stale);
  return findings;
}
