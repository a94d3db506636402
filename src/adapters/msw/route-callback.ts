import type { Contract } from '../../spec/contract.ts';
import type { CapturedValue } from '../../spec/runtime-expression/types.ts';
import { isSameMethod } from '../../spec/wire-method.ts';
import type { CallbackRoute } from './build-callback-routes.ts';

/** What a request URL and method route to. */
export type RouteResult =
  | { kind: 'matched'; contract: Contract; captured: CapturedValue[] }
  | { kind: 'unmatched' };

/**
 * Finds the contract a request belongs to. A route of the request's method wins; when only other
 * methods match the path, the most specific of those is returned so the check reports the method.
 *
 * @example
 * routeCallback(routes, 'POST', 'https://callbacks.test/invoices/42') // { kind: 'matched', … }
 */
export function routeCallback(
  routes: readonly CallbackRoute[],
  method: string,
  url: string,
): RouteResult {
  const candidates: Array<{ route: CallbackRoute; captured: CapturedValue[] }> = [];
  for (const route of routes) {
    if (!url.startsWith(route.prefix)) continue;
    const rest = url.slice(route.prefix.length);
    if (rest !== '' && !/^[/?#]/.test(rest)) continue;
    if (route.matcher === undefined) {
      if (/^\/?(?:[?#].*)?$/.test(rest)) candidates.push({ route, captured: [] });
      continue;
    }
    const found = route.matcher.match(rest === '' ? '/' : rest);
    if (found !== null) candidates.push({ route, captured: found.captured });
  }
  const ranked = candidates.sort(
    (a, b) =>
      Number(isSameMethod(method, b.route.contract.method)) -
        Number(isSameMethod(method, a.route.contract.method)) ||
      b.route.specificity - a.route.specificity,
  );
  const best = ranked[0];
  return best === undefined
    ? { kind: 'unmatched' }
    : { kind: 'matched', contract: best.route.contract, captured: best.captured };
}
