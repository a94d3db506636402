import type { TriggerOperation } from '../../spec/contract.ts';

/** A trigger operation a request was routed to, with the path parameters it carried. */
export interface MatchedTrigger {
  trigger: TriggerOperation;
  /** Path parameter values, percent-decoded. */
  params: Record<string, string>;
}

/**
 * Finds the operation (among those that declare callbacks) a request was sent to, so that
 * `$request.path.<name>` reads the right segment. A concrete path wins over a templated one,
 * as in OpenAPI's path matching.
 *
 * @example
 * matchTrigger(triggers, 'POST', '/invoices/42')?.params // { id: '42' } for `/invoices/{id}`
 */
export function matchTrigger(
  triggers: readonly TriggerOperation[],
  method: string,
  path: string,
): MatchedTrigger | undefined {
  const wanted = method.toLowerCase();
  const candidates = triggers
    .filter((trigger) => trigger.method === wanted)
    .map((trigger) => ({ trigger, params: matchPath(trigger.path, path) }))
    .filter((found): found is MatchedTrigger => found.params !== undefined);
  candidates.sort((a, b) => templateCount(a.trigger.path) - templateCount(b.trigger.path));
  return candidates[0];
}

function templateCount(template: string): number {
  return (template.match(/\{[^}]*\}/g) ?? []).length;
}

function matchPath(template: string, path: string): Record<string, string> | undefined {
  const names: string[] = [];
  const source = template
    .split(/(\{[^}]*\})/)
    .map((piece) => {
      const name = /^\{([^}]*)\}$/.exec(piece)?.[1];
      if (name === undefined) return piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(name);
      return '([^/]+)';
    })
    .join('');
  const found = new RegExp(`^${source}/?$`).exec(path);
  if (found === null) return undefined;
  const params: Record<string, string> = {};
  for (const [index, name] of names.entries()) params[name] = decode(found[index + 1] ?? '');
  return params;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
