import type { JsonObject } from './document.ts';
import { followRef } from './follow-ref.ts';

/**
 * Follows a chain of local `$ref`s (`#/...`) to the value it names; cycle-safe.
 * A value that is not a `$ref` comes back unchanged; a broken or looping chain gives `undefined`.
 *
 * @example
 * derefLocal(doc, { $ref: '#/components/schemas/Pet' }) // the Pet schema object
 */
export function derefLocal(document: JsonObject, value: unknown): unknown {
  return followRef(document, value, '')?.value;
}
