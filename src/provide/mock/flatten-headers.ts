import type { IncomingHttpHeaders } from 'node:http';

/**
 * Node's request headers as one string per name (repeated ones joined with `, `), as Prism takes them.
 * @example flattenHeaders({ accept: 'a', 'x-tag': ['1', '2'] }) // { accept: 'a', 'x-tag': '1, 2' }
 */
export function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}
