/**
 * A URL's query parameters, a repeated one as the list of its values in order.
 * @example readQuery(new URLSearchParams('a=1&b=2&a=3')) // { a: ['1', '3'], b: '2' }
 */
export function readQuery(params: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of params) {
    const previous = query[name];
    query[name] =
      previous === undefined
        ? value
        : Array.isArray(previous)
          ? [...previous, value]
          : [previous, value];
  }
  return query;
}
