import type { TriggerOperation } from '../../spec/contract.ts';
import { decodeComponent } from '../../spec/decode-component.ts';
import { isSameMethod } from '../../spec/wire-method.ts';

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
  let best: (MatchedTrigger & { templates: number }) | undefined;
  for (const trigger of triggers) {
    if (!isSameMethod(method, trigger.method)) continue;
    // A concrete path wins over a templated one; among equals, the first declared.
    const entry = compiledPath(trigger);
    if (best !== undefined && best.templates <= entry.names.length) continue;
    const params = matchPath(entry, path);
    if (params !== undefined) best = { trigger, params, templates: entry.names.length };
  }
  return best === undefined ? undefined : { trigger: best.trigger, params: best.params };
}

/** A trigger's path as a pattern, and the names of its templated segments in order. */
interface CompiledPath {
  pattern: RegExp;
  names: string[];
}

// Compiled once per operation of a catalogue rather than on every request the mock receives.
const compiled = new WeakMap<TriggerOperation, CompiledPath>();

function compiledPath(trigger: TriggerOperation): CompiledPath {
  let found = compiled.get(trigger);
  if (found === undefined) {
    found = compilePath(trigger.path);
    compiled.set(trigger, found);
  }
  return found;
}

function compilePath(template: string): CompiledPath {
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
  return { pattern: new RegExp(`^${source}/?$`), names };
}

function matchPath(
  { pattern, names }: CompiledPath,
  path: string,
): Record<string, string> | undefined {
  const found = pattern.exec(path);
  if (found === null) return undefined;
  const params: Record<string, string> = {};
  for (const [index, name] of names.entries())
    params[name] = decodeComponent(found[index + 1] ?? '');
  return params;
}
