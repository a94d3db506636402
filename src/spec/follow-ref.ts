import { childAt } from './child-at.ts';
import type { JsonObject } from './document.ts';
import { isJsonObject } from './is-json-object.ts';
import { appendPointer, splitPointer } from './json-pointer.ts';

/** A value found in a document, with the JSON pointer of where it really lives. */
export interface LocatedValue {
  value: unknown;
  pointer: string;
}

/** Limit on `$ref` hops; a longer chain is a cycle in all but name. */
const maxHops = 64;

/** The target of a local `$ref` (`#/...`), or `undefined` when `value` is not one. */
export function localRefOf(value: unknown): string | undefined {
  if (!isJsonObject(value)) return undefined;
  const ref = value.$ref;
  return typeof ref === 'string' && ref.startsWith('#') ? ref : undefined;
}

/**
 * Walks `tokens` from the root. Local `$ref`s met on the way (not the last value) are followed,
 * so a pointer written through a referenced object still resolves; the returned pointer is
 * where the value really lives.
 */
export function walkTokens(
  document: JsonObject,
  tokens: readonly string[],
): LocatedValue | undefined {
  let current: LocatedValue = { value: document, pointer: '' };
  for (const token of tokens) {
    const followed = followRef(document, current.value, current.pointer);
    if (followed === undefined) return undefined;
    const next = childAt(followed.value, token);
    if (next === undefined) return undefined;
    current = { value: next, pointer: appendPointer(followed.pointer, token) };
  }
  return current;
}

/**
 * Follows a chain of local `$ref`s from `value` (found at `pointer`) to the object it names.
 * Returns the final value and its pointer; `undefined` when a ref is broken or the chain loops.
 *
 * @example
 * followRef(doc, { $ref: '#/components/callbacks/onPaid' }, '/paths/~1pay/post/callbacks/paid')
 * // { value: {...}, pointer: '/components/callbacks/onPaid' }
 */
export function followRef(
  document: JsonObject,
  value: unknown,
  pointer: string,
): LocatedValue | undefined {
  let current: LocatedValue = { value, pointer };
  const seen = new Set<string>();
  for (let hop = 0; hop <= maxHops; hop++) {
    const ref = localRefOf(current.value);
    if (ref === undefined) return current;
    if (seen.has(ref)) return undefined;
    seen.add(ref);
    const tokens = splitPointer(ref);
    if (tokens === undefined) return undefined;
    const target = walkTokens(document, tokens);
    if (target === undefined) return undefined;
    current = target;
  }
  return undefined;
}
