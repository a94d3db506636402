import type { Finding } from '../validate/finding.ts';
import { readCallbackContracts } from './callback.ts';
import type { Catalogue, Contract } from './contract.ts';
import { makeIdsUnique } from './contract-id.ts';
import type { LoadedDocument } from './document.ts';
import { followRef } from './follow-ref.ts';
import { isJsonObject } from './is-json-object.ts';
import { appendPointer } from './json-pointer.ts';
import { lintCatalogue } from './lint-catalogue.ts';
import { readOperation } from './operation.ts';
import { readParameters } from './parameter.ts';
import { readPathItemOperations } from './path-item.ts';
import { readWebhookContracts } from './webhook.ts';

/**
 * Every contract of a loaded document: each callback operation (trigger operation × callback
 * name × expression key × method, in document order) and each webhook operation (`webhooks`, then
 * `x-webhooks`), with ids unique and stable, plus the loader's and the linter's findings.
 *
 * @example
 * const catalogue = buildCatalogue(await loadDocument('openapi.yaml'));
 * catalogue.contracts.map((contract) => contract.id) // ['createInvoice/invoicePaid/post', 'webhook/newPet/post']
 */
export function buildCatalogue(document: LoadedDocument): Catalogue {
  const pathItemFindings = new Map<string, Finding>();
  // A path item reached through several $refs is read once per route to it; say its problems once.
  const report = (finding: Finding): void => {
    pathItemFindings.set(`${finding.spec}\u0000${finding.message}`, finding);
  };
  const contracts = makeIdsUnique([
    ...readCallbacks(document, report),
    ...readWebhookContracts(document.document, report),
  ]);
  return {
    document,
    contracts,
    findings: [
      ...document.findings,
      ...pathItemFindings.values(),
      ...lintCatalogue(contracts, document.document),
    ],
  };
}

function readCallbacks(loaded: LoadedDocument, report: (finding: Finding) => void): Contract[] {
  const { document } = loaded;
  if (!isJsonObject(document.paths)) return [];
  const contracts: Contract[] = [];
  for (const [path, written] of Object.entries(document.paths)) {
    if (!path.startsWith('/')) continue;
    const pathItem = followRef(document, written, appendPointer('/paths', path));
    if (pathItem === undefined || !isJsonObject(pathItem.value)) continue;
    const withCallbacks = readPathItemOperations(pathItem, report).filter(
      (item) =>
        isJsonObject(item.operation.callbacks) && Object.keys(item.operation.callbacks).length > 0,
    );
    if (withCallbacks.length === 0) continue;
    const pathParameters = readParameters(document, pathItem.value.parameters, pathItem.pointer);
    for (const item of withCallbacks) {
      const trigger = { ...readOperation(document, item, pathParameters), path };
      contracts.push(...readCallbackContracts(document, trigger, item.operation.callbacks, report));
    }
  }
  return contracts;
}
