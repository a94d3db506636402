import { isSameMethod } from '../spec/wire-method.ts';
import type { RouteTable } from './build-route-table.ts';

function bigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  for (let i = 0; i < text.length - 1; i++) {
    const gram = text.slice(i, i + 2);
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

/** Sørensen–Dice similarity of two strings over character bigrams, 0..1. */
function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const left = bigrams(a);
  const right = bigrams(b);
  let shared = 0;
  for (const [gram, count] of left) shared += Math.min(count, right.get(gram) ?? 0);
  const total = Math.max(a.length - 1, 0) + Math.max(b.length - 1, 0);
  return total === 0 ? 0 : (2 * shared) / total;
}

/**
 * The contracts whose receiver path looks most like a request that matched none, best first:
 * path similarity, with a bonus for the same method.
 * @example nearestContracts(table, 'POST', '/cb/createInvoice/invoice/42') // ['createInvoice/invoicePaid/post']
 */
export function nearestContracts(
  table: RouteTable,
  method: string,
  rest: string,
  limit = 3,
): string[] {
  const pathname = rest.split('?')[0] ?? rest;
  return table.routes
    .map((route) => ({
      id: route.contract.id,
      score:
        similarity(pathname, `${route.prefix}${route.pattern.split('?')[0] ?? ''}`) +
        (isSameMethod(method, route.contract.method) ? 0.25 : 0),
    }))
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map((entry) => entry.id);
}
