/** Where in a URL a substituted value lands. */
export type UrlPosition = 'base' | 'path' | 'query';

/**
 * Turns a value read by an expression into URL text for its position. Strings stay as they are,
 * numbers and booleans stringify, objects and arrays become JSON. In the base position the value is
 * a URL and is inserted as it is; in a path segment or query component it is percent-encoded like
 * `encodeURIComponent`, except that `%XX` escapes already present are kept (no double encoding).
 *
 * @example
 * encodeUrlValue('a b/c', 'path') // 'a%20b%2Fc'
 * encodeUrlValue('a%20b', 'query') // 'a%20b'
 */
export function encodeUrlValue(value: unknown, position: UrlPosition): string {
  const text = stringify(value).toWellFormed();
  if (position === 'base') return text;
  return text
    .split(/(%[0-9A-Fa-f]{2})/)
    .map((piece, index) => (index % 2 === 1 ? piece : encodeURIComponent(piece)))
    .join('');
}

function stringify(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  return JSON.stringify(value) ?? '';
}
