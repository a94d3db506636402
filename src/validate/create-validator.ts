import type { HeaderMap, InboundRequest } from '../receive/exchange.ts';
import type { Contract, OperationSpec, SchemaSpec } from '../spec/contract.ts';
import type { LoadedDocument } from '../spec/document.ts';
import type { CapturedValue } from '../spec/runtime-expression/types.ts';
import { checkRequest } from './check-request.ts';
import { checkResponse } from './check-response.ts';
import type { Finding } from './finding.ts';
import { createValidationContext } from './validation-context.ts';

/** Checks requests, responses and values against one document; schemas compile on first use. */
export interface Validator {
  /** Method, URL values captured by the route, query, headers, content type and body. */
  checkRequest(
    contract: Contract,
    request: InboundRequest,
    options?: { captured?: CapturedValue[] },
  ): { findings: Finding[]; parsedBody?: unknown };
  /** Status declared (`200`, `2XX`, `default`), headers, content type and body of a response. */
  checkResponse(
    operation: OperationSpec,
    response: { status: number; headers: HeaderMap; body: Uint8Array },
    contractId?: string,
  ): Finding[];
  /**
   * One value against one schema. `where` is the value's pointer (`/body`, `/response/body`…);
   * under `/response` the schema is read as a response schema (`writeOnly` not required).
   */
  checkValue(schema: SchemaSpec, value: unknown, where: string, contractId?: string): Finding[];
  /**
   * Does the per-document set-up (document view, schema engine) now and compiles the schemas
   * most of the document references, so the first request pays only for what its own schema
   * adds. Optional: without it, everything a request needs happens on first use.
   */
  warmUp(): void;
}

/**
 * Creates the validator of a loaded document. Nothing is compiled until a check needs it.
 * @example
 * const validator = createValidator(await loadDocument('openapi.yaml'));
 * const { findings } = validator.checkRequest(contract, request);
 */
export function createValidator(document: LoadedDocument): Validator {
  const context = createValidationContext(document);
  return {
    checkRequest: (contract, request, options) => checkRequest(context, contract, request, options),
    checkResponse: (operation, response, contractId) =>
      checkResponse(context, operation, response, contractId),
    warmUp: () => context.warmUp('request'),
    checkValue(schema, value, where, contractId) {
      const response = where === '/response' || where.startsWith('/response/');
      const section = where.split('/')[response ? 2 : 1] ?? 'body';
      const id = section === 'headers' ? 'header' : section;
      return context.checkSchema(schema, value, {
        where,
        check: `${response ? 'response.' : ''}${id}.schema`,
        direction: response ? 'response' : 'request',
        contract: contractId,
      });
    },
  };
}
