/**
 * The trigger URL: the provider's base, the path with its parameters filled in (each already
 * serialised and percent-encoded, see `serialiseParameter`; an unfilled one left as written) and
 * the query string (already encoded).
 * @example buildTriggerUrl('http://127.0.0.1:8000/', '/things/{id}', { id: 'a%20b' }, 'x=1') // 'http://127.0.0.1:8000/things/a%20b?x=1'
 */
export function buildTriggerUrl(
  provider: string,
  path: string,
  pathTexts: Record<string, string>,
  search: string,
): string {
  const filled = path.replace(/\{([^}]+)\}/g, (whole, name: string) => pathTexts[name] ?? whole);
  return `${provider.replace(/\/+$/, '')}${filled}${search === '' ? '' : `?${search}`}`;
}
