import { isJsonObject } from './is-json-object.ts';

const arrayIndex = /^(0|[1-9]\d*)$/;

/**
 * One step of a JSON pointer (RFC 6901) into a plain value: an array item by its decimal index,
 * or an object's own property (never one inherited, such as `constructor`); `undefined` otherwise.
 * @example childAt({ items: ['a', 'b'] }, 'items') // ['a', 'b']
 */
export function childAt(container: unknown, token: string): unknown {
  if (Array.isArray(container))
    return arrayIndex.test(token) ? container[Number(token)] : undefined;
  return isJsonObject(container) && Object.hasOwn(container, token) ? container[token] : undefined;
}
