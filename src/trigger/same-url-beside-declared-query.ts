import type { ParameterSpec } from '../spec/contract.ts';

/**
 * Whether a callback URL is the expected one once the query the callback operation declares is
 * set aside: with an OAS 3.2 `in: querystring` parameter the whole query is that parameter's;
 * otherwise pairs named by its `in: query` parameters (and not written into the expected URL by
 * the callback key) may be added. What those parts hold is the validator's business, not the URL's.
 *
 * @example
 * sameUrlBesideDeclaredQuery('http://h/cb?path=%2Fa', 'http://h/cb', [querystringParameter]) // true
 * sameUrlBesideDeclaredQuery('http://h/other?path=%2Fa', 'http://h/cb', [querystringParameter]) // false
 */
export function sameUrlBesideDeclaredQuery(
  actual: string,
  expected: string,
  parameters: readonly ParameterSpec[],
): boolean {
  const whole = parameters.some((parameter) => parameter.in === 'querystring');
  const names = new Set(
    parameters.filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name),
  );
  if (!whole && names.size === 0) return false;
  const got = parseUrl(actual);
  const want = parseUrl(expected);
  if (got === undefined || want === undefined) return false;
  if (got.origin !== want.origin || got.pathname !== want.pathname) return false;
  if (whole) return true;
  const rest = [...got.searchParams].filter(
    ([name]) => !names.has(name) || want.searchParams.has(name),
  );
  const wanted = [...want.searchParams];
  return (
    rest.length === wanted.length &&
    rest.every(
      ([name, value], index) => wanted[index]?.[0] === name && wanted[index]?.[1] === value,
    )
  );
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}
