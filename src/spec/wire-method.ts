import type { HttpMethod } from './contract.ts';
import { isHttpMethod } from './path-item.ts';

/**
 * The method as it goes on the wire: a fixed field (written in lower case) in upper case, anything
 * else, such as an `additionalOperations` key, exactly as written (HTTP methods are case-sensitive,
 * and OAS 3.2 says that key is sent with its own capitalisation).
 *
 * @example
 * wireMethod('post')  // 'POST'
 * wireMethod('PURGE') // 'PURGE'
 */
export function wireMethod(method: string): string {
  return isHttpMethod(method) ? method.toUpperCase() : method;
}

/**
 * Whether a received method is the declared one: fixed methods compare without regard to case,
 * as the receiver always has; an `additionalOperations` method must match exactly.
 *
 * @example
 * isSameMethod('POST', 'post') // true
 * isSameMethod('purge', purge) // false when the document says PURGE
 */
export function isSameMethod(received: string, declared: HttpMethod): boolean {
  return isHttpMethod(declared) ? received.toLowerCase() === declared : received === declared;
}
