import type { Finding, Severity } from '../validate/finding.ts';
import type { Catalogue, Contract, HttpMethod, ParameterSpec, SchemaSpec } from './contract.ts';
import { derefLocal } from './deref-local.ts';
import type { JsonObject } from './document.ts';
import { isJsonObject } from './is-json-object.ts';
import { describeSource, injectionPoint } from './runtime-expression/index.ts';
import type { InjectionPoint, UrlBase } from './runtime-expression/types.ts';

/** Version of the {@link CatalogueSummary} shape; bumped only when a field changes meaning or goes. */
export const catalogueSummaryFormat = 'callback-verify/inspect@1';

/** One contract as `inspect` shows it. */
export interface ContractSummary {
  id: string;
  kind: 'callback' | 'webhook';
  /** Callback name or webhook name. */
  name: string;
  method: HttpMethod;
  /** Webhooks only: `webhooks` or `x-webhooks`. */
  declaredIn: 'webhooks' | 'x-webhooks' | null;
  /** JSON pointer of the callback / webhook path item. */
  pointer: string;
  /** Callbacks only: the operation that makes the provider send it. */
  trigger: { method: HttpMethod; path: string; operationId: string | null; pointer: string } | null;
  /** Callbacks only: the callback URL and where it comes from. */
  url: {
    expression: string;
    /** Where the scheme and host come from, in words (e.g. `query parameter callback_url`). */
    from: string;
    base: UrlBase;
    /** Every value the expression reads, in words, in order. */
    reads: string[];
    /** Where a trigger request must carry a receiver URL; `null` when nothing can be injected. */
    injection: InjectionPoint | null;
  } | null;
  /** Request media types as written. */
  mediaTypes: string[];
  /** Those of them with an OAS 3.2 `itemSchema`: the body is a sequence, checked item by item. */
  itemSchemas: string[];
  /** The OAS 3.2 `in: querystring` parameter (the whole query string as one value), if any. */
  querystring: { name: string; mediaType: string | null } | null;
  requestBodyRequired: boolean;
  /** Names of the payload examples found (media type examples, then schema examples, then `itemSchema` for an OAS 3.2 item schema's own). */
  examples: string[];
  /** Findings about this contract, by severity. */
  findings: Record<Severity, number>;
}

/** What `inspect --json` prints: stable across runs (sorted, no timestamps, no absolute paths added). */
export interface CatalogueSummary {
  format: typeof catalogueSummaryFormat;
  spec: { source: string; openapi: string; title: string };
  counts: { contracts: number; callbacks: number; webhooks: number } & Record<Severity, number>;
  /** Sorted by id. */
  contracts: ContractSummary[];
  /** Sorted by severity (error first), contract id, spec pointer, check. */
  findings: Finding[];
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Plain code-unit order, so sorting does not depend on the machine's locale. */
function compareText(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * The catalogue as `inspect` reports it: every contract with its trigger, URL expression and the
 * source of its host, media types and examples, plus all findings, deterministically sorted.
 *
 * @example
 * const summary = summariseCatalogue(buildCatalogue(await loadDocument('openapi.yaml')));
 * summary.contracts[0]?.url?.from // 'query parameter callbackUrl'
 */
export function summariseCatalogue(catalogue: Catalogue): CatalogueSummary {
  const findings = [...catalogue.findings].sort(
    (left, right) =>
      severityRank[left.severity] - severityRank[right.severity] ||
      compareText(left.contract ?? '', right.contract ?? '') ||
      compareText(left.spec ?? '', right.spec ?? '') ||
      compareText(left.check, right.check) ||
      compareText(left.message, right.message),
  );
  const contracts = catalogue.contracts
    .map((contract) => summariseContract(contract, findings, catalogue.document.document))
    .sort((left, right) => compareText(left.id, right.id));
  const count = (severity: Severity): number =>
    findings.filter((finding) => finding.severity === severity).length;
  const { document } = catalogue;
  return {
    format: catalogueSummaryFormat,
    spec: { source: document.source, openapi: document.openapi, title: document.title },
    counts: {
      contracts: contracts.length,
      callbacks: contracts.filter((contract) => contract.kind === 'callback').length,
      webhooks: contracts.filter((contract) => contract.kind === 'webhook').length,
      error: count('error'),
      warning: count('warning'),
      info: count('info'),
    },
    contracts,
    findings,
  };
}

function summariseContract(
  contract: Contract,
  findings: readonly Finding[],
  document: JsonObject,
): ContractSummary {
  const { trigger, expression, operation } = contract;
  const content = operation.requestBody?.content ?? [];
  const own = findings.filter((finding) => finding.contract === contract.id);
  return {
    id: contract.id,
    kind: contract.kind,
    name: contract.name,
    method: contract.method,
    declaredIn: contract.declaredIn ?? null,
    pointer: contract.pointer,
    trigger:
      trigger === undefined
        ? null
        : {
            method: trigger.method,
            path: trigger.path,
            operationId: trigger.operationId ?? null,
            pointer: trigger.pointer,
          },
    url:
      expression === undefined
        ? null
        : {
            expression: expression.raw,
            from: describeBase(expression.base),
            base: expression.base,
            reads: expression.parts.flatMap((part) =>
              part.kind === 'expression' ? [describeSource(part.source)] : [],
            ),
            injection: injectionPoint(expression) ?? null,
          },
    mediaTypes: content.map((media) => media.mediaType),
    itemSchemas: content.flatMap((media) =>
      media.itemSchema === undefined ? [] : [media.mediaType],
    ),
    querystring: querystringOf(operation.parameters),
    requestBodyRequired: operation.requestBody?.required ?? false,
    examples: content.flatMap((media) => [
      ...media.examples.map((example) => example.name),
      ...(hasItemExample(document, media.itemSchema) ? ['itemSchema'] : []),
    ]),
    findings: {
      error: own.filter((finding) => finding.severity === 'error').length,
      warning: own.filter((finding) => finding.severity === 'warning').length,
      info: own.filter((finding) => finding.severity === 'info').length,
    },
  };
}

/** Whether an itemSchema has an `example` or `examples` of its own, which send uses as items. */
function hasItemExample(document: JsonObject, itemSchema: SchemaSpec | undefined): boolean {
  if (itemSchema === undefined) return false;
  const schema = derefLocal(document, itemSchema.schema);
  return (
    isJsonObject(schema) &&
    (schema.example !== undefined || (Array.isArray(schema.examples) && schema.examples.length > 0))
  );
}

function querystringOf(parameters: readonly ParameterSpec[]): ContractSummary['querystring'] {
  const found = parameters.find((parameter) => parameter.in === 'querystring');
  return found === undefined
    ? null
    : { name: found.name, mediaType: found.contentMediaType ?? null };
}

/** Where the scheme and host of a callback URL come from, in words. */
export function describeBase(base: UrlBase): string {
  switch (base.kind) {
    case 'expression':
      return describeSource(base.source);
    case 'fixed':
      return `fixed host ${base.origin}`;
    case 'relative':
      return 'no host (a path only)';
    case 'none':
      return 'not a URL';
  }
}
