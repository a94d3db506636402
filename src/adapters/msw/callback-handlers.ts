import { AssertionError } from 'node:assert';
import { HttpResponse, http } from 'msw';
import { ContractNotFoundError, UsageError } from '../../errors.ts';
import type { Exchange } from '../../receive/exchange.ts';
import { buildAnswer } from '../../receive/index.ts';
import type { Catalogue } from '../../spec/contract.ts';
import type { LoadedDocument } from '../../spec/document.ts';
import { buildCatalogue, loadDocument, type OpenApiDocument } from '../../spec/index.ts';
import type { Finding, Severity } from '../../validate/finding.ts';
import { createValidator, type Validator } from '../../validate/index.ts';
import { buildCallbackRoutes, type CallbackRoute } from './build-callback-routes.ts';
import { buildUnexpectedExchange } from './build-unexpected-exchange.ts';
import { describeArrivals } from './describe-arrivals.ts';
import { describeProblems } from './describe-problems.ts';
import { isUnderPrefix } from './is-under-prefix.ts';
import { missingCallbacks } from './missing-callbacks.ts';
import { readInbound } from './read-inbound.ts';
import { routeCallback } from './route-callback.ts';
import type { CallbackCollector, CallbackHandlersOptions } from './types.ts';

/** Default base URL the provider code under test is given as its callback URL. */
export const DEFAULT_CALLBACK_BASE_URL = 'https://callbacks.test';

interface Loaded {
  catalogue: Catalogue;
  routes: CallbackRoute[];
  /** The base URL and every route's prefix: a request under none of them is not ours. */
  prefixes: string[];
  validator: Validator;
}

/**
 * msw request handlers that stand in for the receiving end of a spec's callbacks and webhooks
 * inside a test process: each request the code under test sends to `baseUrl` (or to a callback's
 * literal origin) is routed to its contract, validated, answered with the declared success
 * response, and recorded with its findings.
 *
 * @example
 * const cv = callbackHandlers('openapi.yaml');
 * const server = setupServer(...cv.handlers);
 * server.listen();
 * await createInvoice({ callbackUrl: cv.urlFor('invoicePaid') }); // the code under test
 * await cv.waitFor(1);
 * cv.assertConformant();
 */
export function callbackHandlers(
  spec: Catalogue | LoadedDocument | OpenApiDocument | string,
  options: CallbackHandlersOptions = {},
): CallbackCollector {
  const baseUrl = (options.baseUrl ?? DEFAULT_CALLBACK_BASE_URL).replace(/\/+$/, '');
  const webhookPrefix = options.webhookPrefix ?? '/webhooks';
  const onUnmatched = options.onUnmatched ?? 'error';
  const exchanges: Exchange[] = [];
  const general: Finding[] = [];
  const waiters = new Set<() => void>();
  let loaded: Loaded | undefined;
  let count = 0;

  const prepare = (catalogue: Catalogue): Loaded => {
    const routes = buildCallbackRoutes(catalogue, baseUrl, webhookPrefix);
    loaded = {
      catalogue,
      routes,
      prefixes: [baseUrl, ...routes.map((route) => route.prefix)],
      validator: createValidator(catalogue.document),
    };
    return loaded;
  };
  // A catalogue has contracts and a loaded document its bundled `document`; neither is an
  // OpenAPI top-level field, so whatever has neither is a path, a URL or a document to load.
  const state: Promise<Loaded> =
    typeof spec !== 'string' && 'contracts' in spec
      ? Promise.resolve(prepare(spec))
      : typeof spec !== 'string' && 'document' in spec && 'findings' in spec
        ? Promise.resolve(prepare(buildCatalogue(spec)))
        : loadDocument(spec).then((document) => prepare(buildCatalogue(document)));
  const ready = state.then(() => undefined);
  // Whoever awaits `ready` sees a loading error; nobody awaiting it is not an unhandled rejection.
  ready.catch(() => undefined);

  const record = (exchange: Exchange): void => {
    exchanges.push(exchange);
    for (const wake of [...waiters]) wake();
  };

  const nextId = (): string => {
    count += 1;
    return `ex-${String(count).padStart(6, '0')}`;
  };

  const handler = http.all(
    async ({ request }) => {
      const current = await state.catch(() => undefined);
      // Every request the worker sees asks this, so the prefixes are listed once, when loaded.
      return isUnderPrefix(request.url, current?.prefixes ?? [baseUrl]);
    },
    async ({ request }) => {
      const receivedAt = new Date().toISOString();
      let current: Loaded;
      try {
        current = await state;
      } catch (error) {
        const message = `The spec could not be loaded, so ${request.method} ${request.url} was not checked: ${error instanceof Error ? error.message : String(error)}`;
        general.push({ check: 'spec.load', severity: 'error', message });
        return HttpResponse.json(
          { title: 'callback-verify: spec not loaded', detail: message },
          { status: 500 },
        );
      }
      const routed = routeCallback(current.routes, request.method, request.url);
      if (routed.kind === 'unmatched') {
        if (typeof onUnmatched === 'function') {
          onUnmatched(request.clone());
          return undefined;
        }
        if (onUnmatched === 'bypass') return undefined;
        const severity: Severity = onUnmatched === 'warn' ? 'warning' : 'error';
        const inbound = await readInbound(request);
        record(buildUnexpectedExchange({ id: nextId(), receivedAt, request: inbound, severity }));
        return new HttpResponse(null, { status: 404 });
      }
      const inbound = await readInbound(request);
      const { contract } = routed;
      const checked = current.validator.checkRequest(contract, inbound, {
        captured: routed.captured,
      });
      const answer = buildAnswer(current.catalogue.document, contract.operation);
      const exchange: Exchange = {
        id: nextId(),
        receivedAt,
        request: inbound,
        contract: contract.id,
        findings: checked.findings,
        answer,
        verdict: checked.findings.some((finding) => finding.severity === 'error') ? 'fail' : 'pass',
      };
      if ('parsedBody' in checked) exchange.parsedBody = checked.parsedBody;
      record(exchange);
      return new HttpResponse(answer.body === '' ? null : answer.body, {
        status: answer.status,
        headers: answer.headers,
      });
    },
  );

  const matched = (): Exchange[] => exchanges.filter((exchange) => exchange.contract !== undefined);

  const resolveContract = (wanted: string, current: Loaded): string[] =>
    current.catalogue.contracts
      .filter(
        (contract) =>
          contract.id === wanted ||
          contract.name === wanted ||
          contract.operation.operationId === wanted,
      )
      .map((contract) => contract.id);

  return {
    handlers: [handler],
    ready,
    get exchanges() {
      return [...exchanges];
    },
    get findings() {
      return [...exchanges.flatMap((exchange) => exchange.findings), ...general];
    },
    urlFor(wanted) {
      if (loaded === undefined) {
        throw new UsageError(`The spec is not loaded yet, so urlFor("${wanted}") has no URL.`, {
          hint: 'Await cv.ready before calling urlFor.',
        });
      }
      const ids = new Set(resolveContract(wanted, loaded));
      const route = loaded.routes.find((candidate) => ids.has(candidate.contract.id));
      if (route === undefined) {
        throw new ContractNotFoundError(
          `The spec declares no callback or webhook "${wanted}" that can be intercepted.`,
          {
            hint: `Name one of: ${loaded.routes.map((candidate) => candidate.contract.id).join(', ')} (a contract id, callback or webhook name, or operationId).`,
          },
        );
      }
      return route.prefix;
    },
    waitFor(wanted = 1, waitOptions = {}) {
      const timeoutMs = waitOptions.timeoutMs ?? 2_000;
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const found = matched();
          if (found.length < wanted) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new AssertionError({
              message: `callback-verify: expected ${wanted} callback(s) within ${timeoutMs} ms, got ${matched().length}${describeArrivals(exchanges)}`,
              actual: matched().length,
              expected: wanted,
              operator: 'waitFor',
            }),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    assertConformant(assertOptions = {}) {
      const severities: Severity[] =
        assertOptions.strict === true ? ['error', 'warning'] : ['error'];
      const missing = missingCallbacks(assertOptions.expect, matched(), (name) =>
        loaded === undefined ? [name] : resolveContract(name, loaded),
      );
      const problems = [
        ...exchanges.flatMap((exchange) => exchange.findings),
        ...general,
        ...missing,
      ].filter((finding) => severities.includes(finding.severity));
      if (problems.length === 0) return;
      throw new AssertionError({
        message: describeProblems(exchanges, [...general, ...missing], severities),
        actual: problems.map((finding) => finding.message),
        expected: [],
        operator: 'assertConformant',
      });
    },
    reset() {
      exchanges.length = 0;
      general.length = 0;
      count = 0;
    },
  };
}
