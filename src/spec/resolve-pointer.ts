import type { JsonObject } from './document.ts';
import { walkTokens } from './follow-ref.ts';
import { splitPointer } from './json-pointer.ts';

/**
 * The value at an RFC 6901 pointer (`/a/b`, or `#/a/b` fragment form), or `undefined`.
 * Local `$ref`s met on the way are followed; the value at the end is returned as written.
 *
 * @example
 * resolvePointer(doc, '/paths/~1pets/get/operationId') // 'listPets'
 */
export function resolvePointer(document: JsonObject, pointer: string): unknown {
  const tokens = splitPointer(pointer);
  return tokens === undefined ? undefined : walkTokens(document, tokens)?.value;
}
