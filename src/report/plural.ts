/**
 * A count with its noun, plural after any count but one (`1 error`, `2 errors`, `0 errors`);
 * `nouns` for a plural that is not the noun plus `s`.
 * @example plural(2, 'delivery', 'deliveries') // '2 deliveries'
 */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}
