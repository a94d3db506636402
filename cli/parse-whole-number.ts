import { UsageError } from '../src/errors.ts';

/**
 * A flag's whole number within bounds; anything else (signs, decimals, blanks) is a UsageError.
 * @example parseWholeNumber('--port', '8080', 0, 65_535) // 8080
 */
export function parseWholeNumber(
  flag: string,
  text: string,
  min: number,
  max: number = Number.MAX_SAFE_INTEGER,
): number {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, got "${text}".`);
  }
  return value;
}
