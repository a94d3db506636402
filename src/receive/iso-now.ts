let lastMs = Number.NaN;
let lastText = '';

/**
 * The current time as an ISO 8601 string, like `new Date().toISOString()`; formatted once per
 * millisecond, since a busy receiver stamps many requests within the same one.
 * @example isoNow() // '2026-01-01T12:00:00.000Z'
 */
export function isoNow(): string {
  const ms = Date.now();
  if (ms !== lastMs) {
    lastMs = ms;
    lastText = new Date(ms).toISOString();
  }
  return lastText;
}
