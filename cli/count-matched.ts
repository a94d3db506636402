import type { Receiver } from '../src/receive/index.ts';

/**
 * Requests the receiver matched to a contract so far (what `--expect` counts).
 * @example countMatched(receiver) // 2
 */
export function countMatched(receiver: Receiver): number {
  const stats = receiver.stats();
  return stats.exchanges - stats.unexpected;
}
