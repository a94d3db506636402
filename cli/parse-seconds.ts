import { UsageError } from '../src/errors.ts';

/**
 * A flag's positive number of seconds (fractions allowed); anything else is a UsageError.
 * @example Math.round(parseSeconds('--timeout', '0.5') * 1000) // 500
 */
export function parseSeconds(flag: string, text: string): number {
  const seconds = Number(text);
  if (text.trim() === '' || !Number.isFinite(seconds) || seconds <= 0) {
    throw new UsageError(`${flag} must be a positive number of seconds, got "${text}".`);
  }
  return seconds;
}
