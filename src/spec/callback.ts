import type { Finding } from '../validate/finding.ts';
import type { Contract, TriggerOperation } from './contract.ts';
import { idSegment, triggerSegment } from './contract-id.ts';
import type { JsonObject } from './document.ts';
import { followRef } from './follow-ref.ts';
import { isJsonObject } from './is-json-object.ts';
import { appendPointer } from './json-pointer.ts';
import { readOperation } from './operation.ts';
import { readParameters } from './parameter.ts';
import { readPathItemOperations } from './path-item.ts';
import { parseUrlTemplate } from './runtime-expression/index.ts';

/**
 * The callback contracts of one trigger operation: callback name × expression key × method.
 * A callback may be a `$ref` to `components/callbacks`, a path item a `$ref` to anything.
 * Ids are `<operationId or method-path>/<callback name>/<method>`; when one callback holds several
 * expression keys, the name gets `@1`, `@2`… in document order. Problems in a path item's
 * `additionalOperations` go to `report`.
 */
export function readCallbackContracts(
  document: JsonObject,
  trigger: TriggerOperation,
  callbacks: unknown,
  report?: (finding: Finding) => void,
): Contract[] {
  if (!isJsonObject(callbacks)) return [];
  const contracts: Contract[] = [];
  const triggerId = triggerSegment(trigger.operationId, trigger.method, trigger.path);
  for (const [name, written] of Object.entries(callbacks)) {
    const callback = followRef(
      document,
      written,
      appendPointer(trigger.pointer, 'callbacks', name),
    );
    if (callback === undefined || !isJsonObject(callback.value)) continue;
    const expressions = callback.value;
    const keys = Object.keys(expressions).filter((key) => !key.startsWith('x-'));
    keys.forEach((key, index) => {
      const pathItem = followRef(document, expressions[key], appendPointer(callback.pointer, key));
      if (pathItem === undefined || !isJsonObject(pathItem.value)) return;
      const expression = parseUrlTemplate(key);
      const nameSegment = keys.length > 1 ? `${idSegment(name)}@${index + 1}` : idSegment(name);
      const pathParameters = readParameters(document, pathItem.value.parameters, pathItem.pointer);
      for (const item of readPathItemOperations(pathItem, report)) {
        contracts.push({
          id: `${triggerId}/${nameSegment}/${item.method.toLowerCase()}`,
          kind: 'callback',
          name,
          method: item.method,
          operation: readOperation(document, item, pathParameters),
          trigger,
          expression,
          pointer: pathItem.pointer,
        });
      }
    });
  }
  return contracts;
}
