/** Parses a whole-seconds Unix timestamp written as decimal digits. */
export function parseUnixSeconds(text: string): number | undefined {
  return /^\d{1,12}$/.test(text.trim()) ? Number.parseInt(text.trim(), 10) : undefined;
}
