/**
 * The trigger URL: the provider's base, the path with its parameters filled in (encoded; an
 * unfilled one left as written) and the query.
 * @example buildTriggerUrl('http://127.0.0.1:8000/', '/things/{id}', { id: 'a b' }, { x: '1' }) // 'http://127.0.0.1:8000/things/a%20b?x=1'
 */
export function buildTriggerUrl(
  provider: string,
  path: string,
  pathParams: Record<string, string>,
  query: Record<string, string>,
): string {
  const filled = path.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const value = pathParams[name];
    return value === undefined ? whole : encodeURIComponent(value);
  });
  const search = new URLSearchParams(query).toString();
  return `${provider.replace(/\/+$/, '')}${filled}${search === '' ? '' : `?${search}`}`;
}
