/**
 * A duration as the console and Markdown reports print it: milliseconds below a second, else
 * seconds to one decimal; an em dash when there is none.
 * @example formatDuration(1234) // '1.2 s'
 */
export function formatDuration(ms: number | undefined): string {
  if (ms === undefined) return '—';
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}
