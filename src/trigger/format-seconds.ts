/**
 * A duration for a message: whole seconds as they are, else one decimal.
 * @example formatSeconds(1500) // '1.5 s'
 */
export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)} s`;
}
