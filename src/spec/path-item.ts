import { METHODS } from 'node:http';
import type { Finding } from '../validate/finding.ts';
import type { AdditionalHttpMethod, FixedHttpMethod, HttpMethod } from './contract.ts';
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

/** An HTTP method name is a token (RFC 9110 §5.6.2). */
const token = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Narrows a Path Item key to one of its fixed-field HTTP methods. */
export function isHttpMethod(key: string): key is FixedHttpMethod {
  return methods.has(key);
}

/**
 * Narrows an `additionalOperations` key to a method of its own: an HTTP token that no fixed field
 * covers in any capitalisation (the spec forbids `POST` there, since `post` is the place for it).
 *
 * @example
 * isAdditionalMethod('PURGE') // true
 * isAdditionalMethod('POST')  // false
 */
export function isAdditionalMethod(key: string): key is AdditionalHttpMethod {
  return token.test(key) && !methods.has(key.toLowerCase());
}

/** One operation of a path item. */
export interface PathItemOperation {
  method: HttpMethod;
  operation: JsonObject;
  pointer: string;
}

/**
 * The operations of a (dereferenced) Path Item, in document order: the fixed fields, then the
 * OAS 3.2 `additionalOperations` map. An `additionalOperations` key that is a fixed-field method
 * or not a method name at all is skipped and reported to `report`, when given.
 */
export function readPathItemOperations(
  pathItem: LocatedValue,
  report?: (finding: Finding) => void,
): PathItemOperation[] {
  if (!isJsonObject(pathItem.value)) return [];
  const found: PathItemOperation[] = [];
  for (const [key, operation] of Object.entries(pathItem.value)) {
    if (isHttpMethod(key) && isJsonObject(operation)) {
      found.push({ method: key, operation, pointer: appendPointer(pathItem.pointer, key) });
    }
  }
  const additional = pathItem.value.additionalOperations;
  if (!isJsonObject(additional)) return found;
  for (const [key, operation] of Object.entries(additional)) {
    const pointer = appendPointer(pathItem.pointer, 'additionalOperations', key);
    if (!isJsonObject(operation)) continue;
    if (isAdditionalMethod(key)) {
      found.push({ method: key, operation, pointer });
      if (!receivable.has(key)) report?.(unreceivableMethod(key, pointer));
      continue;
    }
    report?.(misplacedMethod(key, pointer));
  }
  return found;
}

/** The methods Node's HTTP parser accepts; any other method is refused before a handler sees it. */
const receivable = new Set(METHODS);

function unreceivableMethod(key: string, pointer: string): Finding {
  return {
    check: 'path-item.method-unreceivable',
    severity: 'warning',
    message: `${key} is not a method the receiver's HTTP parser accepts (it knows ${METHODS.length} registered methods, in upper case, such as PURGE, LINK and COPY), so listen and run answer such a request 400 before it can be checked; send and mock deliver it as written.`,
    spec: pointer,
    actual: key,
  };
}

function misplacedMethod(key: string, pointer: string): Finding {
  const fixed = key.toLowerCase();
  return {
    check: 'path-item.additional-operation',
    severity: 'error',
    message: methods.has(fixed)
      ? `additionalOperations may not hold ${JSON.stringify(key)}: the Path Item's ${fixed} field is the place for that method, so this operation is ignored. Move it to ${fixed}.`
      : `additionalOperations key ${JSON.stringify(key)} is not an HTTP method name (a token such as PURGE or LINK), so this operation is ignored.`,
    spec: pointer,
    actual: key,
  };
}
