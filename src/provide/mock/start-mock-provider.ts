import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { bindServer } from '../../receive/bind-server.ts';
import { collectPlainHead } from '../../receive/collect-plain-head.ts';
import { createListeners } from '../../receive/create-listeners.ts';
import { createWebServer } from '../../receive/create-web-server.ts';
import { planPlainHttp } from '../../receive/plan-plain-http.ts';
import { serveExtraRoute } from '../../receive/serve-extra-route.ts';
import { urlHost } from '../../receive/url-host.ts';
import type { DeliveryResult, TriggerResult } from '../../report/report.ts';
import type { Catalogue, Contract } from '../../spec/contract.ts';
import { isHttpMethod } from '../../spec/path-item.ts';
import { checkTlsIdentity } from '../../tls/check-tls-identity.ts';
import type { Finding } from '../../validate/finding.ts';
import { createValidator } from '../../validate/index.ts';
import { createHostPolicy } from '../create-host-policy.ts';
import { DEFAULT_DELIVERY_TIMEOUT_MS } from '../deliver.ts';
import { mediaEssence } from '../serialize-body.ts';
import { answerDeclared } from './answer-declared.ts';
import { buildMockReport } from './build-mock-report.ts';
import { buildTriggerContext, type ReceivedTrigger } from './build-trigger-context.ts';
import { corsHeaders } from './cors-headers.ts';
import { createCallbackQueue } from './create-callback-queue.ts';
import { fireCallback } from './fire-callback.ts';
import { flattenHeaders } from './flatten-headers.ts';
import { matchTrigger } from './match-trigger.ts';
import { planCallback } from './plan-callback.ts';
import { createPrismMocker, type MockedAnswer, type MockedRequest } from './prism-mocker.ts';
import { readLimitedBody } from './read-limited-body.ts';
import { readQuery } from './read-query.ts';
import { readRequestBody } from './read-request-body.ts';
import type { MockEvent, MockProvider, MockProviderOptions } from './types.ts';

/** Default milliseconds between the mock's answer and the first callback. */
export const DEFAULT_CALLBACK_DELAY_MS = 100;
const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;
const CLOSE_GRACE_MS = 2_000;
const HEADERS_TIMEOUT_MS = 10_000;

/**
 * Starts a mock of the document's API (Prism: request validation, declared examples or generated
 * answers) that, after answering an operation that declares callbacks with a 2xx, fires each of
 * them at the URL the consumer supplied, evaluated on the consumer's real request and the mock's
 * answer, and checks the consumer's reply against the callback's declared responses.
 *
 * @example
 * const mock = await startMockProvider(catalogue, { port: 4010 });
 * mock.subscribe((event) => { if (event.type === 'delivery') console.log(event.delivery.verdict); });
 * // … the consumer calls POST http://127.0.0.1:4010/invoices?callback_url=…
 * await mock.idle();
 * const report = mock.report();
 * await mock.close();
 */
export async function startMockProvider(
  catalogue: Catalogue,
  options: MockProviderOptions = {},
): Promise<MockProvider> {
  const host = options.host ?? '127.0.0.1';
  const wantedPort = options.port ?? 0;
  const tls = options.tls;
  // Before Prism's set-up: a bad certificate or key fails at once.
  if (tls !== undefined) checkTlsIdentity(tls);
  const delayMs = options.delayMs ?? DEFAULT_CALLBACK_DELAY_MS;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const extraRoutes = options.extraRoutes ?? {};
  const hosts = createHostPolicy(options);
  const document = catalogue.document;
  const startedAt = new Date().toISOString();
  const mocker = await createPrismMocker(document, { dynamic: options.dynamic === true });
  const validator = createValidator(document);
  const callbacks = catalogue.contracts.filter(
    (contract) => contract.kind === 'callback' && contract.trigger !== undefined,
  );
  const triggers = [
    ...new Map(callbacks.map((contract) => [contract.trigger?.pointer, contract.trigger])).values(),
  ].filter((trigger) => trigger !== undefined);

  const listeners = createListeners<MockEvent>();
  const requests: TriggerResult[] = [];
  const deliveries: DeliveryResult[] = [];
  const findings: Finding[] = [];
  const triggerCounts = new Map<string, number>();
  /** Consumer requests being answered: stopping waits for them (within a grace period). */
  const handling = new Set<Promise<void>>();
  let deliveryCount = 0;
  let stopping: Promise<void> | undefined;
  let closing: Promise<void> | undefined;
  let serverClosed: Promise<void> = Promise.resolve();

  const emit = listeners.notify;

  function nextTriggerId(name: string): string {
    const count = (triggerCounts.get(name) ?? 0) + 1;
    triggerCounts.set(name, count);
    return `${name}#${count}`;
  }

  async function fireAll(contracts: readonly Contract[], received: ReceivedTrigger): Promise<void> {
    const context = buildTriggerContext(received);
    for (const contract of contracts) {
      const planned = planCallback(document, contract, context, {
        ...(options.example === undefined ? {} : { example: options.example }),
        dynamic: options.dynamic === true,
        validator,
      });
      if (!planned.ok) {
        findings.push(planned.finding);
        emit({ type: 'skipped', contract: contract.id, finding: planned.finding });
        continue;
      }
      deliveryCount += 1;
      const delivery = await fireCallback(planned, {
        id: `dl-${String(deliveryCount).padStart(6, '0')}`,
        checker: validator,
        hosts,
        timeoutMs: options.deliveryTimeoutMs ?? DEFAULT_DELIVERY_TIMEOUT_MS,
        ...(options.ca === undefined ? {} : { ca: options.ca }),
        ...(options.sign === undefined ? {} : { sign: options.sign }),
      });
      deliveries.push(delivery);
      emit({ type: 'delivery', delivery });
    }
  }

  const queue = createCallbackQueue(delayMs, ({ contracts, received, trigger }) =>
    fireAll(contracts, received).catch((error: unknown) => {
      findings.push({
        check: 'mock.internal',
        severity: 'error',
        message: `Firing the callbacks of ${trigger} failed unexpectedly: ${error instanceof Error ? error.message : String(error)}.`,
      });
    }),
  );

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const began = performance.now();
    const bytes = await readLimitedBody(request, maxBodyBytes);
    if (bytes === undefined) {
      response.writeHead(413, { 'content-type': 'application/problem+json', connection: 'close' });
      response.end(
        JSON.stringify({
          title: 'Payload Too Large',
          status: 413,
          detail: `Larger than ${maxBodyBytes} bytes.`,
        }),
      );
      return;
    }
    const cors = corsHeaders(request.headers);
    const method = (request.method ?? 'GET').toLowerCase();
    if (method === 'options' && 'access-control-allow-methods' in cors) {
      // A browser's preflight is not a call of the API: answer it and record nothing.
      response.writeHead(204, cors).end();
      return;
    }
    const url = new URL(request.url ?? '/', origin);
    const headers = flattenHeaders(request.headers);
    const query = readQuery(url.searchParams);
    const body = readRequestBody(bytes, headers['content-type']);
    const mocked: MockedRequest = {
      method,
      path: url.pathname,
      query,
      headers,
      // Prism validates a form body from its text (an object fails as "Target is not a string");
      // the fields as an object are what runtime expressions read.
      body: isForm(headers['content-type']) ? formText.decode(bytes) : body,
      bodyLength: bytes.length,
    };
    // Prism knows only the fixed methods; an OAS 3.2 additionalOperations trigger is answered here.
    const custom = isHttpMethod(method)
      ? undefined
      : matchTrigger(triggers, request.method ?? 'GET', url.pathname);
    const answer: MockedAnswer =
      custom === undefined ? await mocker.answer(mocked) : answerDeclared(document, custom.trigger);
    response.writeHead(answer.status, { ...answer.headers, ...cors });
    response.end(answer.body);

    const matched = matchTrigger(triggers, request.method ?? 'GET', url.pathname);
    const name = matched?.trigger.operationId ?? `${method.toUpperCase()} ${url.pathname}`;
    const id = nextTriggerId(name);
    const ok = answer.status >= 200 && answer.status < 300;
    const own =
      matched === undefined || !ok || stopping !== undefined
        ? []
        : callbacks.filter((contract) => contract.trigger?.pointer === matched.trigger.pointer);
    if (options.order === 'reverse') own.reverse();
    const receivedUrl = `${tls === undefined ? 'http' : 'https'}://${request.headers.host ?? new URL(origin).host}${request.url ?? '/'}`;
    const result: TriggerResult = {
      id,
      method: method.toUpperCase(),
      url: receivedUrl,
      status: answer.status,
      durationMs: Math.round((performance.now() - began) * 100) / 100,
      findings: answer.findings,
    };
    if (matched?.trigger.operationId !== undefined)
      result.operationId = matched.trigger.operationId;
    if (body !== undefined) result.requestBody = body;
    if (answer.value !== undefined) result.responseBody = answer.value;
    requests.push(result);
    emit({ type: 'request', request: result, callbacks: own.map((contract) => contract.id) });
    if (own.length === 0 || matched === undefined) return;
    queue.schedule({
      contracts: own,
      trigger: id,
      received: {
        url: receivedUrl,
        method,
        headers: request.headers,
        query,
        path: matched.params,
        body,
        status: answer.status,
        responseHeaders: answer.headers,
        responseBody: answer.value,
      },
    });
  }

  function onRequest(request: IncomingMessage, response: ServerResponse): void {
    // Before the body is read: a dashboard's event stream must not wait on the mock.
    if (serveExtraRoute(request, response, extraRoutes)) return;
    const work = handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) {
        response.writeHead(500, { 'content-type': 'application/problem+json' });
        response.end(
          JSON.stringify({
            title: 'Mock failure',
            status: 500,
            detail: error instanceof Error ? error.message : String(error),
          }),
        );
      } else {
        response.destroy();
      }
    });
    const tracked = work.finally(() => handling.delete(tracked));
    handling.add(tracked);
  }

  /** Plain HTTP sent to the HTTPS port: the receiver's 400, once the request head has arrived. */
  const plainSockets = new Set<Socket>();
  function onPlain(socket: Socket, first: Buffer): void {
    plainSockets.add(socket);
    socket.once('close', () => plainSockets.delete(socket));
    collectPlainHead(socket, first, { limit: 64 * 1024, timeoutMs: HEADERS_TIMEOUT_MS }, (head) => {
      const plan = planPlainHttp(new Uint8Array(head), origin, 'mock provider');
      if (socket.writable) socket.end(plan.answer);
    });
  }

  const serverOptions = { requestTimeout: 30_000, headersTimeout: HEADERS_TIMEOUT_MS };
  const { server, router } = createWebServer(
    serverOptions,
    onRequest,
    tls,
    onPlain,
    HEADERS_TIMEOUT_MS,
  );
  await bindServer(server, host, wantedPort, 'mock provider');
  server.on('error', () => {
    // After start-up only single connections fail; each is handled where it happens.
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : wantedPort;
  const origin = `${tls === undefined ? 'http' : 'https'}://${urlHost(host)}:${port}`;

  function stop(): Promise<void> {
    stopping ??= (async () => {
      serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      router?.destroyWaiting();
      for (const entry of queue.cancelWaiting()) {
        for (const contract of entry.contracts) {
          const finding: Finding = {
            check: 'callback.cancelled',
            severity: 'warning',
            message: `The callback ${contract.name} of ${entry.trigger} was not sent: the mock stopped before its delay of ${delayMs} ms elapsed.`,
            contract: contract.id,
          };
          findings.push(finding);
          emit({ type: 'skipped', contract: contract.id, finding });
        }
      }
      const grace = sleep(CLOSE_GRACE_MS, undefined, { ref: false });
      await Promise.race([Promise.allSettled([...handling]), grace]);
      await queue.settled();
    })();
    return stopping;
  }

  return {
    origin,
    subscribe: listeners.subscribe,
    requests: () => [...requests],
    deliveries: () => [...deliveries],
    findings: () => [...findings],
    idle: () => queue.idle(),
    report: () =>
      buildMockReport(catalogue, callbacks, {
        requests,
        deliveries,
        findings,
        toolVersion: options.toolVersion ?? '0.0.0',
        startedAt,
      }),
    stop,
    close() {
      closing ??= (async () => {
        await stop();
        // Consumer requests are answered by now: what is left are idle keep-alive sockets and
        // extra routes (a dashboard's event streams), which must not hold up the exit.
        server.closeAllConnections();
        router?.destroyAll();
        for (const socket of plainSockets) socket.destroy();
        await serverClosed;
      })();
      return closing;
    },
  };
}

const formText = new TextDecoder();

function isForm(contentType: string | undefined): boolean {
  return mediaEssence(contentType ?? '') === 'application/x-www-form-urlencoded';
}
