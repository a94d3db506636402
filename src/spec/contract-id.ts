import type { HttpMethod } from './contract.ts';

/**
 * A readable id segment for a name: leading and trailing `/` go, inner `/` and whitespace
 * (which would break the id's shape or the shell) become `-`.
 *
 * @example
 * idSegment('/ACCOUNT_CLOSED')     // 'ACCOUNT_CLOSED'
 * idSegment('order notification') // 'order-notification'
 */
export function idSegment(name: string): string {
  const segment = name
    .trim()
    .replace(/^\/+|\/+$/g, '')
    .replace(/[\s/]+/g, '-');
  return segment === '' ? '-' : segment;
}

/**
 * The id segment of a trigger operation: its operationId, else method and path as a slug.
 *
 * @example
 * triggerSegment(undefined, 'post', '/invoices/{id}') // 'post-invoices-id'
 */
export function triggerSegment(
  operationId: string | undefined,
  method: HttpMethod,
  path: string,
): string {
  if (operationId !== undefined) return idSegment(operationId);
  const slug = path
    .replace(/[{}]/g, '')
    .replace(/[^A-Za-z0-9._~-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${method.toLowerCase()}-${slug === '' ? 'root' : slug}`;
}

/**
 * Makes ids unique in place, in document order: a repeated id gets `-2`, `-3`… (the first keeps
 * its id), so ids stay stable as long as the document does not change order.
 */
export function makeIdsUnique<T extends { id: string }>(items: T[]): T[] {
  const taken = new Set(items.map((item) => item.id));
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) {
      let counter = 2;
      while (taken.has(`${item.id}-${counter}`)) counter++;
      item.id = `${item.id}-${counter}`;
      taken.add(item.id);
    }
    seen.add(item.id);
  }
  return items;
}
