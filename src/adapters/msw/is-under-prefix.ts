/**
 * True when `url` is one of `prefixes` or lies under one: the prefix followed by `/`, `?` or `#`,
 * so `https://cb.test/a` covers `https://cb.test/a/b` but not `https://cb.test/ab`.
 * @example isUnderPrefix('https://callbacks.test/invoices/1', ['https://callbacks.test']) // true
 */
export function isUnderPrefix(url: string, prefixes: readonly string[]): boolean {
  return prefixes.some(
    (prefix) =>
      url === prefix || (url.startsWith(prefix) && /^[/?#]/.test(url.slice(prefix.length))),
  );
}
