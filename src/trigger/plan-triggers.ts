import type { OperationConfig } from '../config/types.ts';
import { ContractNotFoundError } from '../errors.ts';
import { buildPayload, sampleSchema, serializeBody } from '../provide/index.ts';
import type { ReceiverBehaviour } from '../receive/types.ts';
import type {
  Catalogue,
  Contract,
  MediaTypeSpec,
  ParameterSpec,
  TriggerOperation,
} from '../spec/contract.ts';
import type { LoadedDocument } from '../spec/document.ts';
import { injectionPoint } from '../spec/runtime-expression/index.ts';
import type { InjectionPoint } from '../spec/runtime-expression/types.ts';
import type { Finding } from '../validate/finding.ts';
import { checkFilters } from './check-filters.ts';
import { findOperationConfig } from './find-operation-config.ts';
import { groupByTrigger } from './group-by-trigger.ts';
import { matchesOperation } from './matches-operation.ts';
import { operationKey } from './operation-key.ts';
import { setAtPointer } from './set-at-pointer.ts';
import type { Injection, PlannedExpectation, PlannedTrigger, RunFilters } from './types.ts';

/** What {@link planTriggers} needs besides the catalogue; everything I/O is passed in. */
export interface PlanOptions {
  /** Base URL of the provider under test. */
  provider: string;
  filters: RunFilters;
  /** Headers sent with every trigger. */
  headers: Record<string, string>;
  timeoutMs: number;
  operations: Record<string, OperationConfig>;
  callbackBase?: string;
  /** The receiver URL for a contract and trigger token (`Receiver.urlFor`). */
  urlFor: (contractId: string, token: string) => string;
  /** A fresh unguessable trigger token. */
  createToken: () => string;
  /** Triggers per operation (each with its own token); default 1. */
  repeat?: number;
}

/** Planned triggers plus findings that belong to no single trigger. */
export interface TriggerPlan {
  triggers: PlannedTrigger[];
  findings: Finding[];
}

/**
 * Builds one trigger request per operation that declares callbacks: parameters and body from the
 * spec's examples (else generated), overridden by config, with the receiver URL injected wherever
 * the callback expression reads it. Pure: nothing is sent.
 *
 * @example
 * const { triggers } = planTriggers(catalogue, { provider: 'http://127.0.0.1:8000', ...options });
 * triggers[0].url // 'http://127.0.0.1:8000/invoices?callback_url=http%3A%2F%2F127.0.0.1%3A4010%2F...'
 */
export function planTriggers(catalogue: Catalogue, options: PlanOptions): TriggerPlan {
  const byOperation = groupByTrigger(catalogue.contracts);
  const webhooks = catalogue.contracts.filter((contract) => contract.kind === 'webhook');
  checkFilters(catalogue, options.filters);
  const triggers: PlannedTrigger[] = [];
  for (const { operation, contracts } of byOperation.values()) {
    const key = operationKey(operation);
    if (!matchesFilters(operation, contracts, options.filters)) continue;
    const config = findOperationConfig(options.operations, operation);
    if (config?.skip === true) continue;
    const repeat = config?.repeat ?? options.repeat ?? 1;
    for (let n = 1; n <= repeat; n += 1) {
      triggers.push(
        planTrigger(catalogue.document, operation, contracts, webhooks, config, key, n, options),
      );
    }
  }
  const findings: Finding[] = [];
  if (triggers.length === 0) {
    findings.push({
      check: 'run.nothing-to-trigger',
      severity: 'warning',
      message:
        byOperation.size === 0
          ? 'The spec declares no operation with callbacks, so there is nothing to trigger.'
          : 'Every operation with callbacks was filtered out or skipped, so nothing was triggered.',
    });
  }
  return { triggers, findings };
}

function planTrigger(
  document: LoadedDocument,
  operation: TriggerOperation,
  contracts: Contract[],
  webhooks: Contract[],
  config: OperationConfig | undefined,
  key: string,
  sequence: number,
  options: PlanOptions,
): PlannedTrigger {
  const token = options.createToken();
  const pathParams: Record<string, string> = {};
  const query: Record<string, string> = {};
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  const injected = injectedParameterNames(contracts);
  for (const parameter of operation.parameters) {
    const value = parameterValue(document, parameter, config, injected.has(parameter.name));
    if (value === undefined) continue;
    const text = stringifyParameter(value);
    if (parameter.in === 'path') pathParams[parameter.name] = text;
    else if (parameter.in === 'query') query[parameter.name] = text;
    else if (parameter.in === 'header') headers[parameter.name] = text;
    else cookies.push(`${parameter.name}=${encodeURIComponent(text)}`);
  }
  const media = chooseMedia(operation.requestBody?.content ?? []);
  let body: unknown;
  if (config !== undefined && 'body' in config) body = config.body;
  else if (media !== undefined) body = buildPayload(document, media).value;

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
          else if (target.in === 'path') pathParams[target.name] = value;
          else if (target.in === 'query') query[target.name] = value;
          else headers[target.name] = value;
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
    const serialized = serializeBody(body, media?.mediaType ?? 'application/json');
    bodyBytes = serialized.body;
    contentType = serialized.contentType;
    if (!hasHeader(headers, 'content-type')) headers['Content-Type'] = contentType;
  }
  const url = buildUrl(options.provider, operation.path, pathParams, query);
  const behaviours: Record<string, ReceiverBehaviour> = { ...config?.respond };
  return {
    id: `${key}#${sequence}`,
    token,
    operation,
    operationKey: key,
    method: operation.method.toUpperCase(),
    url,
    pathParams,
    query,
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

/** An expected callback; a key whose host the trigger cannot set is marked uncheckable, with why. */
function planExpectation(
  contract: Contract,
  count: number,
  callbackBase: string | undefined,
): PlannedExpectation {
  const expectation: PlannedExpectation = {
    contract: contract.id,
    count,
    ...(contract.expression === undefined ? {} : { template: contract.expression }),
    findings: [],
    checkable: true,
  };
  const template = contract.expression;
  if (template === undefined || injectionPoint(template) !== undefined) return expectation;
  const base = template.base;
  if (base.kind === 'fixed' || base.kind === 'relative') {
    const written = base.kind === 'fixed' ? base.origin : '';
    if (callbackBase !== undefined) {
      expectation.fixedOrigin = { written, actual: callbackBase.replace(/\/+$/, '') };
      expectation.tokenless = true;
      return expectation;
    }
    expectation.checkable = false;
    expectation.findings.push({
      check: 'callback.fixed-host',
      severity: 'warning',
      contract: contract.id,
      spec: contract.pointer,
      message:
        base.kind === 'fixed'
          ? `The callback URL has a fixed host (${written}), so no receiver URL can be injected; it was not checked. Configure the provider to call another base URL and pass it as --callback-base.`
          : 'The callback URL is a path with no host, so no receiver URL can be injected; it was not checked. Pass the base URL the provider calls as --callback-base.',
      expected: template.raw,
    });
  } else if (count > 0) {
    expectation.checkable = false;
    expectation.findings.push({
      check: 'callback.not-injectable',
      severity: 'warning',
      contract: contract.id,
      spec: contract.pointer,
      message: `No receiver URL can be injected for the callback key ${template.raw}: it does not read its base from the trigger request; it was not checked.`,
      expected: template.raw,
    });
  }
  return expectation;
}

type Target = { in: 'body'; pointer: string } | { in: 'path' | 'query' | 'header'; name: string };

/** FastAPI's `{$callback_url}` names a parameter: it goes wherever the operation declares it. */
function resolveTargets(point: InjectionPoint, operation: TriggerOperation): Target[] {
  if (point.in === 'body') {
    return [point.pointer ?? '', ...(point.alternatives ?? [])].map((pointer) => ({
      in: 'body',
      pointer,
    }));
  }
  const name = point.name ?? '';
  if (point.in === 'parameter') {
    const declared = operation.parameters.find((parameter) => parameter.name === name);
    if (declared !== undefined && declared.in !== 'cookie') return [{ in: declared.in, name }];
    return [{ in: 'query', name }];
  }
  return [{ in: point.in, name }];
}

function describeInjection(point: InjectionPoint, operation: TriggerOperation): string {
  const [target] = resolveTargets(point, operation);
  if (target === undefined) return '/body';
  if (target.in === 'body') return `/body${target.pointer}`;
  const group = target.in === 'header' ? 'headers' : target.in;
  return `/${group}/${target.in === 'header' ? target.name.toLowerCase() : target.name}`;
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

/** Contracts expected after this trigger, with how many callbacks each. */
function selectContracts(
  operation: TriggerOperation,
  contracts: Contract[],
  webhooks: Contract[],
  config: OperationConfig | undefined,
  filters: RunFilters,
): Map<string, number> {
  const count = config?.expect?.count ?? 1;
  const ids = config?.expect?.contracts ?? contracts.map((contract) => contract.id);
  const selected = new Map<string, number>();
  for (const id of ids) {
    if (filters.contracts.length > 0 && !filters.contracts.includes(id)) continue;
    selected.set(id, count);
  }
  if (config?.expect?.contracts !== undefined) {
    const known = [...contracts, ...webhooks].map((contract) => contract.id);
    const unknown = ids.filter((id) => !known.includes(id));
    if (unknown.length > 0) {
      throw new ContractNotFoundError(
        `The config expects ${unknown.join(', ')} after ${operationKey(operation)}, but the operation declares no such callback and the spec no such webhook.`,
        { hint: `Contracts it can expect: ${known.join(', ')}.` },
      );
    }
  }
  return selected;
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

function stringifyParameter(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(stringifyParameter).join(',');
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}

/** JSON first: it is what most triggers take and what body pointers read. */
function chooseMedia(content: MediaTypeSpec[]): MediaTypeSpec | undefined {
  return (
    content.find((media) => /[/+]json\b/i.test(media.mediaType) || media.mediaType === '*/*') ??
    content[0]
  );
}

function buildUrl(
  provider: string,
  path: string,
  pathParams: Record<string, string>,
  query: Record<string, string>,
): string {
  const filled = path.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const value = pathParams[name];
    return value === undefined ? whole : encodeURIComponent(value);
  });
  const search = new URLSearchParams(query).toString();
  return `${provider.replace(/\/+$/, '')}${filled}${search === '' ? '' : `?${search}`}`;
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  const lower = name.toLowerCase();
  return Object.keys(headers).some((key) => key.toLowerCase() === lower);
}

function matchesFilters(
  operation: TriggerOperation,
  contracts: Contract[],
  filters: RunFilters,
): boolean {
  if (
    filters.operations.length > 0 &&
    !filters.operations.some((name) => matchesOperation(operation, name))
  ) {
    return false;
  }
  if (filters.tags.length > 0 && !operation.tags.some((tag) => filters.tags.includes(tag))) {
    return false;
  }
  if (
    filters.contracts.length > 0 &&
    !contracts.some((contract) => filters.contracts.includes(contract.id))
  ) {
    return false;
  }
  return true;
}
