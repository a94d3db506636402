import type { JsonObject } from './document.ts';
import { followRef, localRefOf } from './follow-ref.ts';

/**
 * What each local `$ref` of a document names, once looked up. Validation follows the same refs
 * on every request (`#/components/schemas/simple-user` hundreds of times on GitHub's document),
 * and a loaded document is never changed afterwards.
 */
const targets = new WeakMap<JsonObject, Map<string, unknown>>();

/**
 * Follows a chain of local `$ref`s (`#/...`) to the value it names; cycle-safe.
 * A value that is not a `$ref` comes back unchanged; a broken or looping chain gives `undefined`.
 *
 * @example
 * derefLocal(doc, { $ref: '#/components/schemas/Pet' }) // the Pet schema object
 */
export function derefLocal(document: JsonObject, value: unknown): unknown {
  const ref = localRefOf(value);
  if (ref === undefined) return value;
  let known = targets.get(document);
  if (known === undefined) {
    known = new Map();
    targets.set(document, known);
  }
  if (known.has(ref)) return known.get(ref);
  const target = followRef(document, value, '')?.value;
  known.set(ref, target);
  return target;
}
