import type { Finding } from '../../validate/finding.ts';
import { signatureFinding } from './signature-finding.ts';

/**
 * A `signature.stale` finding when a signed Unix timestamp (seconds) is further than the
 * tolerance from now, in either direction (a timestamp from the future is as suspect as an old one).
 */
export function checkTimestamp(
  timestamp: number,
  header: string,
  options: { toleranceSeconds: number; now: Date; contract?: string },
): Finding | undefined {
  const nowSeconds = Math.floor(options.now.getTime() / 1000);
  const age = nowSeconds - timestamp;
  if (Math.abs(age) <= options.toleranceSeconds) return undefined;
  const when = age > 0 ? `${age} s old` : `${-age} s in the future`;
  return signatureFinding(
    'signature.stale',
    header,
    `The signed timestamp ${timestamp} is ${when}; the tolerance is ${options.toleranceSeconds} s (replayed or delayed delivery, or a clock out of sync).`,
    { contract: options.contract, actual: timestamp },
  );
}
