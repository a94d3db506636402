import type { HeaderMap } from '../../receive/exchange.ts';

/** A header's value; the first one when the header was sent more than once. */
export function readHeader(headers: HeaderMap, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted) continue;
    return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}
