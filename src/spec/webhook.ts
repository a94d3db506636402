import type { Finding } from '../validate/finding.ts';
import type { Contract } from './contract.ts';
import { idSegment } from './contract-id.ts';
import type { JsonObject } from './document.ts';
import { followRef, type LocatedValue } from './follow-ref.ts';
import { isJsonObject } from './is-json-object.ts';
import { appendPointer } from './json-pointer.ts';
import { readOperation } from './operation.ts';
import { readParameters } from './parameter.ts';
import { isHttpMethod, readPathItemOperations } from './path-item.ts';

/**
 * The webhook contracts of a document: every name × method of the top-level `webhooks` map
 * (OAS 3.1+) and of the `x-webhooks` extension (Redoc-era 3.0 documents). Ids are
 * `webhook/<name>/<method>`; an `x-webhooks` entry whose name is also under `webhooks` gets
 * `x-webhook/<name>/<method>` so both stay addressable. Problems in a path item's
 * `additionalOperations` go to `report`.
 */
export function readWebhookContracts(
  document: JsonObject,
  report?: (finding: Finding) => void,
): Contract[] {
  const standard = isJsonObject(document.webhooks) ? document.webhooks : {};
  const extension = isJsonObject(document['x-webhooks']) ? document['x-webhooks'] : {};
  return [
    ...readWebhookMap(document, standard, 'webhooks', () => 'webhook', report),
    ...readWebhookMap(
      document,
      extension,
      'x-webhooks',
      (name) => (Object.hasOwn(standard, name) ? 'x-webhook' : 'webhook'),
      report,
    ),
  ];
}

function readWebhookMap(
  document: JsonObject,
  webhooks: JsonObject,
  declaredIn: 'webhooks' | 'x-webhooks',
  prefixOf: (name: string) => string,
  report: ((finding: Finding) => void) | undefined,
): Contract[] {
  const contracts: Contract[] = [];
  for (const [name, written] of Object.entries(webhooks)) {
    if (declaredIn === 'webhooks' && name.startsWith('x-')) continue;
    const entry = followRef(document, written, appendPointer('', declaredIn, name));
    if (entry === undefined) continue;
    const pathItems = pathItemsOf(document, entry, declaredIn);
    pathItems.forEach((pathItem, index) => {
      if (!isJsonObject(pathItem.value)) return;
      const nameSegment =
        pathItems.length > 1 ? `${idSegment(name)}@${index + 1}` : idSegment(name);
      const pathParameters = readParameters(document, pathItem.value.parameters, pathItem.pointer);
      for (const item of readPathItemOperations(pathItem, report)) {
        contracts.push({
          id: `${prefixOf(name)}/${nameSegment}/${item.method.toLowerCase()}`,
          kind: 'webhook',
          name,
          method: item.method,
          operation: readOperation(document, item, pathParameters),
          declaredIn,
          pointer: pathItem.pointer,
        });
      }
    });
  }
  return contracts;
}

/**
 * The path items of one webhook entry. Some `x-webhooks` documents (Vonage's, for one) write each
 * entry like a Callback Object, keyed by a runtime expression; those inner path items are read.
 */
function pathItemsOf(
  document: JsonObject,
  entry: LocatedValue,
  declaredIn: string,
): LocatedValue[] {
  if (!isJsonObject(entry.value)) return [];
  const keys = Object.keys(entry.value);
  if (
    declaredIn !== 'x-webhooks' ||
    keys.some(isHttpMethod) ||
    keys.includes('additionalOperations') ||
    !keys.some((key) => key.includes('{$'))
  ) {
    return [entry];
  }
  const found: LocatedValue[] = [];
  for (const key of keys) {
    if (key.startsWith('x-')) continue;
    const pathItem = followRef(document, entry.value[key], appendPointer(entry.pointer, key));
    if (pathItem !== undefined) found.push(pathItem);
  }
  return found;
}
