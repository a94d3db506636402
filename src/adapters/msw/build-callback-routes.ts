import type { Catalogue, Contract } from '../../spec/contract.ts';
import { compileTemplateMatcher } from '../../spec/runtime-expression/index.ts';
import type { TemplateMatcher } from '../../spec/runtime-expression/types.ts';

/** Where requests of one contract arrive: a URL prefix and, for callbacks, the template tail after it. */
export interface CallbackRoute {
  contract: Contract;
  /** Absolute URL prefix without a trailing slash, e.g. `https://callbacks.test`. */
  prefix: string;
  /** Callbacks: matches what follows `prefix`. Webhooks: absent (exact path). */
  matcher?: TemplateMatcher;
  /** Longer literal text wins when several routes match. */
  specificity: number;
}

/**
 * The routes of every contract for in-process interception: webhooks at
 * `<baseUrl><webhookPrefix>/<name>`, callbacks whose key starts with an expression at `baseUrl`
 * followed by the key's tail, callbacks with a literal origin (`https://hooks.example.com/…`) at
 * that origin. Callbacks whose key has no usable base are left out.
 *
 * @example
 * buildCallbackRoutes(catalogue, 'https://callbacks.test', '/webhooks')
 */
export function buildCallbackRoutes(
  catalogue: Catalogue,
  baseUrl: string,
  webhookPrefix: string,
): CallbackRoute[] {
  const base = baseUrl.replace(/\/+$/, '');
  const routes: CallbackRoute[] = [];
  for (const contract of catalogue.contracts) {
    if (contract.kind === 'webhook') {
      const prefix = `${base}${webhookPrefix.replace(/\/+$/, '')}/${encodeURIComponent(contract.name)}`;
      routes.push({ contract, prefix, specificity: prefix.length });
      continue;
    }
    const expression = contract.expression;
    if (expression === undefined) continue;
    const prefix =
      expression.base.kind === 'expression'
        ? base
        : expression.base.kind === 'fixed'
          ? expression.base.origin.replace(/\/+$/, '')
          : undefined;
    if (prefix === undefined) continue;
    const matcher = compileTemplateMatcher(expression);
    routes.push({ contract, prefix, matcher, specificity: matcher.specificity });
  }
  return routes;
}
