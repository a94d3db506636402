import type { RequestBodySpec } from './contract.ts';
import type { JsonObject } from './document.ts';
import { followRef } from './follow-ref.ts';
import { isJsonObject } from './is-json-object.ts';
import { readContent } from './media-type.ts';

/** A Request Body Object (or `$ref` to one); `undefined` when there is none. */
export function readRequestBody(
  document: JsonObject,
  written: unknown,
  pointer: string,
): RequestBodySpec | undefined {
  if (written === undefined) return undefined;
  const located = followRef(document, written, pointer);
  if (located === undefined || !isJsonObject(located.value)) return undefined;
  return {
    required: located.value.required === true,
    content: readContent(document, located.value.content, located.pointer),
    pointer: located.pointer,
  };
}
