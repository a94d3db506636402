/**
 * A count with its noun, plural after any count but one (`1 error`, `2 errors`, `0 errors`).
 * @example plural(2, 'contract') // '2 contracts'
 */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
