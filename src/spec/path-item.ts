import type { HttpMethod } from './contract.ts';
import type { JsonObject } from './document.ts';
import type { LocatedValue } from './follow-ref.ts';
import { isJsonObject } from './is-json-object.ts';
import { appendPointer } from './json-pointer.ts';

const methods = new Set<string>([
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  'trace',
  'query',
]);

/** Narrows a Path Item key to an HTTP method. */
export function isHttpMethod(key: string): key is HttpMethod {
  return methods.has(key);
}

/** One operation of a path item. */
export interface PathItemOperation {
  method: HttpMethod;
  operation: JsonObject;
  pointer: string;
}

/** The operations of a (dereferenced) Path Item, in document order. */
export function readPathItemOperations(pathItem: LocatedValue): PathItemOperation[] {
  if (!isJsonObject(pathItem.value)) return [];
  const found: PathItemOperation[] = [];
  for (const [key, operation] of Object.entries(pathItem.value)) {
    if (isHttpMethod(key) && isJsonObject(operation)) {
      found.push({ method: key, operation, pointer: appendPointer(pathItem.pointer, key) });
    }
  }
  return found;
}
