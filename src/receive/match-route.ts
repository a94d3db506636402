import { decodeComponent } from '../spec/decode-component.ts';
import type { CapturedValue } from '../spec/runtime-expression/types.ts';
import { isSameMethod } from '../spec/wire-method.ts';
import type { ContractRoute, RouteTable } from './build-route-table.ts';

/** What the router made of a request path (after the token). */
export type RouteMatch =
  | {
      kind: 'matched';
      route: ContractRoute;
      captured: CapturedValue[];
      trigger?: string;
      /** Other contracts the URL and method fit exactly as well (same key declared twice). */
      ties: RouteCandidate[];
    }
  /** The path belongs to these contracts, but none of them declares the request's method. */
  | { kind: 'method-mismatch'; routes: ContractRoute[]; trigger?: string }
  | { kind: 'unmatched' };

/** A route whose template matched, with the values its expressions captured. */
export interface RouteCandidate {
  route: ContractRoute;
  captured: CapturedValue[];
}

function matchTail(route: ContractRoute, tail: string): CapturedValue[] | null {
  if (route.matcher === undefined) {
    // No template tail: only the bare base (optionally with a slash or a query string) belongs to it.
    return tail === '' || tail === '/' || tail.startsWith('?') || tail.startsWith('/?') ? [] : null;
  }
  return route.matcher.match(tail)?.captured ?? null;
}

function pick(
  candidates: RouteCandidate[],
  method: string,
  trigger: string | undefined,
): RouteMatch | undefined {
  if (candidates.length === 0) return undefined;
  const sameMethod = candidates.filter((c) => isSameMethod(method, c.route.contract.method));
  const [best, ...rest] = sameMethod.sort((a, b) => b.route.specificity - a.route.specificity);
  const withTrigger = trigger === undefined ? {} : { trigger };
  if (best !== undefined) {
    const ties = rest.filter((c) => c.route.specificity === best.route.specificity);
    return { kind: 'matched', route: best.route, captured: best.captured, ties, ...withTrigger };
  }
  return { kind: 'method-mismatch', routes: candidates.map((c) => c.route), ...withTrigger };
}

/**
 * Finds the contract a request belongs to from its method and its path and query after the token.
 * A leading segment naming a trigger handed out by `urlFor(contract, trigger)` is read as that trigger.
 * @example matchRoute(table, 'POST', '/cb/createInvoice/invoices/42', new Set()) // { kind: 'matched', … }
 */
export function matchRoute(
  table: RouteTable,
  method: string,
  rest: string,
  triggers: ReadonlySet<string>,
): RouteMatch {
  const queryAt = rest.indexOf('?');
  const pathname = queryAt === -1 ? rest : rest.slice(0, queryAt);

  const hooks =
    table.webhookPaths.get(pathname) ?? table.webhookPaths.get(pathname.replace(/\/$/, ''));
  if (hooks !== undefined) {
    const found = pick(
      hooks.map((route) => ({ route, captured: [] })),
      method,
      undefined,
    );
    if (found !== undefined) return found;
  }

  const segments = pathname.split('/');
  const prefix = `/${segments[1] ?? ''}/${segments[2] ?? ''}`;
  const group = table.callbackGroups.get(prefix);
  if (group === undefined) return { kind: 'unmatched' };
  const tail = rest.slice(prefix.length);

  const attempts: Array<{ tail: string; trigger?: string }> = [];
  const first = segments[3];
  if (first !== undefined && first !== '') {
    // Text that is not well percent-encoded stays as it is, and so matches no trigger handed out.
    const decoded = decodeComponent(first);
    if (triggers.has(decoded)) {
      attempts.push({ tail: tail.slice(first.length + 1), trigger: decoded });
    }
  }
  attempts.push({ tail });

  let mismatch: RouteMatch | undefined;
  for (const attempt of attempts) {
    const candidates: RouteCandidate[] = [];
    for (const route of group) {
      const captured = matchTail(route, attempt.tail);
      if (captured !== null) candidates.push({ route, captured });
    }
    const found = pick(candidates, method, attempt.trigger);
    if (found?.kind === 'matched') return found;
    mismatch ??= found;
  }
  return mismatch ?? { kind: 'unmatched' };
}
