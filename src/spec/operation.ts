import type { OperationSpec, ParameterSpec } from './contract.ts';
import type { JsonObject } from './document.ts';
import { isJsonObject } from './is-json-object.ts';
import { mergeParameters, readParameters } from './parameter.ts';
import type { PathItemOperation } from './path-item.ts';
import { readRequestBody } from './request-body.ts';
import { readResponses } from './response.ts';

/**
 * An Operation Object as an `OperationSpec`: parameters merged with the path item's,
 * request body and responses with `$ref`s followed, security from the operation or the document.
 */
export function readOperation(
  document: JsonObject,
  item: PathItemOperation,
  pathParameters: ParameterSpec[],
): OperationSpec {
  const { operation, pointer, method } = item;
  const requestBody = readRequestBody(document, operation.requestBody, `${pointer}/requestBody`);
  return {
    method,
    ...(typeof operation.operationId === 'string' && operation.operationId !== ''
      ? { operationId: operation.operationId }
      : {}),
    ...(typeof operation.summary === 'string' ? { summary: operation.summary } : {}),
    tags: Array.isArray(operation.tags)
      ? operation.tags.filter((tag) => typeof tag === 'string')
      : [],
    parameters: mergeParameters(
      pathParameters,
      readParameters(document, operation.parameters, pointer),
    ),
    ...(requestBody === undefined ? {} : { requestBody }),
    responses: readResponses(document, operation.responses, pointer),
    security: readSecurity(operation.security ?? document.security),
    pointer,
  };
}

/** Security requirements, keeping only well-formed `{ scheme: [scopes] }` entries. */
function readSecurity(written: unknown): Array<Record<string, string[]>> {
  if (!Array.isArray(written)) return [];
  const requirements: Array<Record<string, string[]>> = [];
  for (const entry of written) {
    if (!isJsonObject(entry)) continue;
    const requirement: Record<string, string[]> = {};
    for (const [scheme, scopes] of Object.entries(entry)) {
      requirement[scheme] = Array.isArray(scopes)
        ? scopes.filter((scope) => typeof scope === 'string')
        : [];
    }
    requirements.push(requirement);
  }
  return requirements;
}
