import type { OperationConfig } from '../config/types.ts';
import { sampleSchema, serializeBody } from '../provide/index.ts';
import type { ReceiverBehaviour } from '../receive/types.ts';
import type { Contract, ParameterSpec, TriggerOperation } from '../spec/contract.ts';
import type { LoadedDocument } from '../spec/document.ts';
import { injectionPoint } from '../spec/runtime-expression/index.ts';
import { serialiseParameter } from '../spec/serialise-parameter.ts';
import { wireMethod } from '../spec/wire-method.ts';
import { buildTriggerUrl } from './build-trigger-url.ts';
import { chooseMedia } from './choose-media.ts';
import { describeInjection } from './describe-injection.ts';
import { hasHeader } from './has-header.ts';
import { planExpectation } from './plan-expectation.ts';
import type { PlanTriggerOptions } from './plan-triggers.ts';
import { resolveTargets } from './resolve-targets.ts';
import { selectContracts } from './select-contracts.ts';
import { setAtPointer } from './set-at-pointer.ts';
import type { Injection, PlannedExpectation, PlannedTrigger } from './types.ts';

/**
 * One trigger request of an operation: parameters and body from config, examples or the schema,
 * the receiver URL (for this trigger's token) injected wherever a callback key reads it, and the
 * callbacks and webhooks it is expected to cause. Pure: nothing is sent.
 * @example planTrigger(document, operation, contracts, [], undefined, 'createInvoice', 1, options).id // 'createInvoice#1'
 */
export function planTrigger(
  document: LoadedDocument,
  operation: TriggerOperation,
  contracts: Contract[],
  webhooks: Contract[],
  config: OperationConfig | undefined,
  key: string,
  sequence: number,
  options: PlanTriggerOptions,
): PlannedTrigger {
  const token = options.createToken();
  // Path values as `$request.path.N` reads them, and as written into the path (encoded).
  const pathParams: Record<string, string> = {};
  const pathTexts: Record<string, string> = {};
  // Each query parameter's part of the query string, by name, in declaration order.
  const queryParts = new Map<string, string>();
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  const injected = injectedParameterNames(contracts);
  for (const parameter of operation.parameters) {
    const value = parameterValue(document, parameter, config, injected.has(parameter.name));
    if (value === undefined) continue;
    const text = serialiseParameter(parameter, value);
    if (parameter.in === 'path') {
      pathTexts[parameter.name] = text;
      pathParams[parameter.name] = decodeURIComponent(text);
    } else if (parameter.in === 'query' || parameter.in === 'querystring') {
      queryParts.set(parameter.name, text);
    } else if (parameter.in === 'header') headers[parameter.name] = text;
    else if (text !== '') cookies.push(text);
  }
  const media = chooseMedia(operation.requestBody?.content ?? []);
  let body: unknown;
  if (config !== undefined && 'body' in config) body = config.body;
  else if (media !== undefined) body = options.payloadFor(media);

  const expectations: PlannedExpectation[] = [];
  const injections: Injection[] = [];
  const selected = selectContracts(operation, contracts, webhooks, config, options.filters);
  const injectedSources = new Map<string, string>();
  for (const contract of contracts) {
    const count = selected.get(contract.id);
    const expectation = planExpectation(contract, count ?? 0, options.callbackBase);
    const point =
      contract.expression === undefined ? undefined : injectionPoint(contract.expression);
    if (point !== undefined) {
      const where = describeInjection(point, operation);
      if (!injectedSources.has(where)) {
        // Callbacks that read the same request value share one receiver URL.
        const value = options.urlFor(contract.id, token);
        injectedSources.set(where, value);
        for (const target of resolveTargets(point, operation)) {
          if (target.in === 'body') body = setAtPointer(body, target.pointer, value);
          else if (target.in === 'path') {
            pathParams[target.name] = value;
            pathTexts[target.name] = encodeURIComponent(value);
          } else if (target.in === 'query') {
            queryParts.set(
              target.name,
              serialiseParameter({ name: target.name, in: 'query' }, value),
            );
          } else headers[target.name] = value;
        }
        const base = contract.expression?.base;
        injections.push({
          contract: contract.id,
          source: base?.kind === 'expression' ? base.source : { type: 'unknown', text: where },
          where,
          value,
        });
      }
    }
    if (count !== undefined) expectations.push(expectation);
  }
  // Webhooks the config expects after this trigger: the provider was told the receiver's
  // webhook URLs when it started, so they arrive without a trigger token.
  for (const webhook of webhooks) {
    const count = selected.get(webhook.id);
    if (count === undefined) continue;
    expectations.push({
      contract: webhook.id,
      count,
      findings: [],
      checkable: true,
      tokenless: true,
      url: options.urlFor(webhook.id, token),
    });
  }
  for (const [name, value] of Object.entries(config?.headers ?? {})) headers[name] = value;
  for (const [name, value] of Object.entries(options.headers)) {
    if (!hasHeader(headers, name)) headers[name] = value;
  }
  if (cookies.length > 0 && !hasHeader(headers, 'cookie')) headers.Cookie = cookies.join('; ');
  let bodyBytes: Uint8Array | undefined;
  let contentType: string | undefined;
  if (body !== undefined) {
    const serialized =
      media === undefined
        ? serializeBody(body, 'application/json')
        : serializeBody(body, media.mediaType, { document, media });
    bodyBytes = serialized.body;
    contentType = serialized.contentType;
    if (!hasHeader(headers, 'content-type')) headers['Content-Type'] = contentType;
  }
  const search = [...queryParts.values()].filter((part) => part !== '').join('&');
  const url = buildTriggerUrl(options.provider, operation.path, pathTexts, search);
  const behaviours: Record<string, ReceiverBehaviour> = { ...config?.respond };
  return {
    id: `${key}#${sequence}`,
    token,
    operation,
    operationKey: key,
    method: wireMethod(operation.method),
    url,
    pathParams,
    query: readQuery(search),
    headers,
    ...(body === undefined ? {} : { body }),
    ...(bodyBytes === undefined ? {} : { bodyBytes }),
    ...(contentType === undefined ? {} : { contentType }),
    injections,
    expectations,
    ignoredContracts: contracts.map((contract) => contract.id).filter((id) => !selected.has(id)),
    timeoutMs: config?.timeout === undefined ? options.timeoutMs : config.timeout * 1000,
    behaviours,
  };
}

/** The query as a receiver reads it: decoded, a repeated name as the list of its values. */
function readQuery(search: string): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of new URLSearchParams(search)) {
    const seen = query[name];
    query[name] =
      seen === undefined ? value : [...(typeof seen === 'string' ? [seen] : seen), value];
  }
  return query;
}

function injectedParameterNames(contracts: Contract[]): Set<string> {
  const names = new Set<string>();
  for (const contract of contracts) {
    const point =
      contract.expression === undefined ? undefined : injectionPoint(contract.expression);
    if (point?.name !== undefined) names.add(point.name);
  }
  return names;
}

/** Value of one trigger parameter: config, else example, else (required only) generated. */
function parameterValue(
  document: LoadedDocument,
  parameter: ParameterSpec,
  config: OperationConfig | undefined,
  injected: boolean,
): unknown {
  if (config?.parameters !== undefined && parameter.name in config.parameters) {
    return config.parameters[parameter.name];
  }
  if (injected) return undefined;
  const example = parameter.examples[0];
  if (example !== undefined) return example.value;
  if (!parameter.required || parameter.schema === undefined) return undefined;
  return sampleSchema(document, parameter.schema);
}
