import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { ContractNotFoundError } from '../errors.ts';
import type { Catalogue } from '../spec/contract.ts';
import { checkTlsIdentity } from '../tls/check-tls-identity.ts';
import { createValidator } from '../validate/index.ts';
import { bindServer } from './bind-server.ts';
import { buildRouteTable } from './build-route-table.ts';
import { assertUsableSecret, checkSignature } from './check-signature.ts';
import { collectPlainHead } from './collect-plain-head.ts';
import { copyHeaders } from './copy-headers.ts';
import { createAnswerBook } from './create-answer-book.ts';
import { createExchangeLog } from './create-exchange-log.ts';
import { createJournal, type Journal } from './create-journal.ts';
import { createToken } from './create-token.ts';
import { createWebServer } from './create-web-server.ts';
import type { InboundRequest } from './exchange.ts';
import { createExchangeRing } from './exchange-ring.ts';
import { isoNow } from './iso-now.ts';
import { planClientError } from './plan-client-error.ts';
import { locateRequest, type PlanContext, planExchange } from './plan-exchange.ts';
import { planPlainHttp } from './plan-plain-http.ts';
import { planUnreadBody } from './plan-unread-body.ts';
import { readBody } from './read-body.ts';
import { serveExtraRoute } from './serve-extra-route.ts';
import type { Receiver, ReceiverOptions, ReceiverRoute } from './types.ts';
import { urlHost } from './url-host.ts';

/** A request the receiver is still working on; a timeout may take it over. */
interface InFlight {
  receivedAt: string;
  request: IncomingMessage;
  chunks: readonly Buffer[];
  /** Set by whoever answers (or gives up on) the request, so it is answered once. */
  settled: boolean;
}

const emptyBody = new Uint8Array(0);

function rawResponse(status: number, reason: string): string {
  return `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`;
}

/**
 * Starts one HTTP server (HTTPS with `options.tls`) hosting a receiver for every contract of a catalogue: it routes each
 * inbound request to its contract, validates it, journals it before answering, and answers like
 * the consumer the document describes (or as scripted).
 * @example
 * const receiver = await createReceiver(catalogue, { journalPath: 'exchanges.jsonl' });
 * const url = receiver.urlFor('createInvoice/invoicePaid/post'); // give this to the provider
 * receiver.subscribe((exchange) => console.log(exchange.verdict));
 * await receiver.close();
 */
export async function createReceiver(
  catalogue: Catalogue,
  options: ReceiverOptions = {},
): Promise<Receiver> {
  const host = options.host ?? '127.0.0.1';
  const wantedPort = options.port ?? 0;
  const maxBody = options.maxBodyBytes ?? 10 * 1024 * 1024;
  const requestTimeout = options.requestTimeoutMs ?? 30_000;
  const headersTimeout = Math.min(options.headersTimeoutMs ?? 10_000, requestTimeout);
  const closeGrace = options.closeGraceMs ?? 2_000;
  const token = options.token ?? createToken();
  const tokenPrefix = `/${token}`;
  const extraRoutes = options.extraRoutes ?? {};
  const signature = options.verifySignature;
  if (signature !== undefined) await assertUsableSecret(signature);
  if (options.tls !== undefined) checkTlsIdentity(options.tls);

  const table = buildRouteTable(catalogue, options.webhookPrefix ?? '/webhooks');
  // Without a journal an exchange is only counted and kept in the bounded ring: nothing to wait for.
  const journal: Journal | undefined =
    options.journalPath === undefined ? undefined : await createJournal(options.journalPath);
  const ring = createExchangeRing(
    options.maxExchanges ?? 1_000,
    options.maxExchangeBytes ?? 16 * 1024 * 1024,
  );
  const log = createExchangeLog(ring, journal);
  const { make: makeExchange, record, notify } = log;
  if (options.onExchange !== undefined) log.subscribe(options.onExchange);
  const answers = createAnswerBook(catalogue, options.behaviours);
  const triggers = new Set<string>();
  const validator = options.validator ?? createValidator(catalogue.document);
  const planContext: PlanContext = {
    table,
    validator,
    answers,
    tokenPrefix,
    triggers,
    unmatchedStatus: options.unmatchedStatus ?? 404,
  };
  const inFlight = new WeakMap<Socket, InFlight>();
  const pending = new Set<Promise<void>>();
  let origin = '';
  /** Set by close(): a request cut short from then on was cut by the receiver, not its client. */
  let shuttingDown = false;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const receivedAt = isoNow();
    const url = request.url ?? '/';
    if (serveExtraRoute(request, response, extraRoutes)) return;
    const state: InFlight = { receivedAt, request, chunks: [], settled: false };
    inFlight.set(request.socket, state);
    const head = { method: request.method ?? '', url, headers: copyHeaders(request.headers) };
    const body = await readBody(request, maxBody, (chunks) => {
      state.chunks = chunks;
    });
    if (state.settled) return;
    state.settled = true;

    // A request whose body never arrived whole still counts for its contract (locateRequest).
    if (body.kind === 'aborted') {
      const exchange = makeExchange(
        receivedAt,
        { ...head, body: body.bytes },
        {
          ...planUnreadBody(body, maxBody, shuttingDown ? 'receiver' : 'client'),
          ...locateRequest(planContext, head.method, head.url),
        },
      );
      // Nobody is left to receive an answer.
      delete exchange.answer;
      await record(exchange);
      notify(exchange);
      return;
    }
    if (body.kind === 'too-large') {
      const exchange = makeExchange(
        receivedAt,
        { ...head, body: emptyBody },
        { ...planUnreadBody(body, maxBody), ...locateRequest(planContext, head.method, head.url) },
      );
      await record(exchange);
      response.shouldKeepAlive = false;
      response.writeHead(413, { connection: 'close', 'content-length': '0' });
      response.end(() => request.socket.destroy());
      notify(exchange);
      return;
    }

    const inbound: InboundRequest = { ...head, body: body.bytes };
    const planned = planExchange(planContext, inbound);
    if (signature !== undefined && planned.contract !== undefined) {
      planned.findings.push(
        ...(await checkSignature(signature, inbound, planned.contract, receivedAt)),
      );
    }
    const exchange = makeExchange(receivedAt, inbound, planned);
    // Journaled before it is answered; awaited only when there is a journal to wait for.
    const written = record(exchange);
    if (written !== undefined) await written;
    if (planned.delayMs > 0) await sleep(planned.delayMs);
    const answer = planned.answer;
    if (answer.dropped === true) {
      request.socket.destroy();
    } else if (!response.destroyed) {
      const bytes = Buffer.from(answer.body, 'utf8');
      response.writeHead(answer.status, {
        ...answer.headers,
        'content-length': String(bytes.length),
      });
      response.end(bytes);
    }
    notify(exchange);
  }

  function onRequest(request: IncomingMessage, response: ServerResponse): void {
    const work = handle(request, response).catch((error: unknown) => {
      // Last line of defence: a bug answers 500 instead of taking the receiver down.
      const exchange = makeExchange(
        new Date().toISOString(),
        {
          method: request.method ?? '',
          url: request.url ?? '',
          headers: copyHeaders(request.headers),
          body: emptyBody,
        },
        {
          findings: [
            {
              check: 'receiver.internal',
              severity: 'error',
              message: `callback-verify failed while handling this request: ${error instanceof Error ? error.message : String(error)}.`,
            },
          ],
          answer: { status: 500, headers: {}, body: '' },
          delayMs: 0,
        },
      );
      return Promise.resolve(record(exchange)).then(() => {
        if (!response.headersSent && !response.destroyed) response.writeHead(500).end();
        notify(exchange);
      });
    });
    const tracked = work.finally(() => pending.delete(tracked));
    pending.add(tracked);
  }

  /** Timeouts and unparseable requests: journal what arrived, answer in raw HTTP, close. */
  async function onClientError(error: NodeJS.ErrnoException, socket: Socket): Promise<void> {
    const code = error.code ?? '';
    if (
      code === 'ECONNRESET' ||
      code === 'EPIPE' ||
      code === 'HPE_INVALID_EOF_STATE' ||
      !socket.writable
    ) {
      // The client went away: a request in progress is journaled by its handler as aborted.
      socket.destroy();
      return;
    }
    const state = inFlight.get(socket);
    const live = state !== undefined && !state.settled ? state : undefined;
    if (live !== undefined) live.settled = true;
    const rawPacket = (error as { rawPacket?: unknown }).rawPacket;
    const plan = planClientError({
      code,
      errorMessage: error.message,
      ...(rawPacket instanceof Uint8Array ? { rawPacket } : {}),
      ...(live === undefined
        ? {}
        : {
            request: {
              method: live.request.method ?? '',
              url: live.request.url ?? '',
              headers: copyHeaders(live.request.headers),
              body: new Uint8Array(Buffer.concat(live.chunks)),
            },
          }),
      headersTimeoutMs: headersTimeout,
      requestTimeoutMs: requestTimeout,
    });
    const exchange = makeExchange(
      live?.receivedAt ?? new Date().toISOString(),
      plan.request,
      live === undefined
        ? plan.planned
        : {
            ...plan.planned,
            ...locateRequest(planContext, live.request.method ?? '', live.request.url ?? ''),
          },
    );
    await record(exchange);
    if (socket.writable) socket.end(rawResponse(plan.status, plan.reason));
    socket.destroy();
    notify(exchange);
  }

  /** Plain HTTP sent to the HTTPS port: journal the request as far as its head, answer in plain HTTP. */
  const plainSockets = new Set<Socket>();
  function onPlain(socket: Socket, first: Buffer): void {
    const receivedAt = isoNow();
    plainSockets.add(socket);
    socket.once('close', () => plainSockets.delete(socket));
    collectPlainHead(socket, first, { limit: 64 * 1024, timeoutMs: headersTimeout }, (head) => {
      const plan = planPlainHttp(new Uint8Array(head), origin);
      const exchange = makeExchange(receivedAt, plan.request, {
        ...plan.planned,
        ...locateRequest(planContext, plan.request.method, plan.request.url),
      });
      const work = Promise.resolve(record(exchange))
        .then(() => {
          if (socket.writable) socket.end(plan.answer);
          notify(exchange);
        })
        .catch(() => {
          socket.destroy();
        })
        .finally(() => {
          plainSockets.delete(socket);
          pending.delete(work);
        });
      pending.add(work);
    });
  }

  const serverOptions = {
    requestTimeout,
    headersTimeout,
    // Node checks for expired requests on this period; keep it well under the timeouts.
    connectionsCheckingInterval: Math.max(10, Math.min(1_000, Math.floor(headersTimeout / 4))),
    keepAliveTimeout: 5_000,
  };
  const tls = options.tls;
  const { server, router } = createWebServer(
    serverOptions,
    onRequest,
    tls,
    onPlain,
    headersTimeout,
  );
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    const work = onClientError(error, socket).catch(() => {
      socket.destroy();
    });
    const tracked = work.finally(() => pending.delete(tracked));
    pending.add(tracked);
  });

  try {
    await bindServer(server, host, wantedPort, 'receiver');
  } catch (error) {
    await journal?.close();
    throw error;
  }
  server.on('error', () => {
    // After start-up the server only reports errors of single connections; they are handled above.
  });

  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : wantedPort;
  origin = `${tls === undefined ? 'http' : 'https'}://${urlHost(host)}:${port}`;

  // The validator's per-document set-up (about 80 ms on GitHub's document) is done now, after
  // start-up and off the request path, so the first delivery pays only for its own schema. It can
  // only save time: a set-up that fails here fails again, as findings, on the request that needs it.
  setImmediate(() => {
    try {
      validator.warmUp();
    } catch {
      // Nothing to report yet; see above.
    }
  }).unref();

  function urlFor(contractId: string, trigger?: string): string {
    const route = table.byContract.get(contractId);
    if (route === undefined) {
      throw new ContractNotFoundError(`The document declares no contract ${contractId}.`, {
        hint: `Known contracts: ${[...table.byContract.keys()].slice(0, 10).join(', ')}${table.byContract.size > 10 ? ', …' : ''}.`,
      });
    }
    if (trigger === undefined || route.contract.kind === 'webhook') {
      return `${origin}${tokenPrefix}${route.prefix}`;
    }
    triggers.add(trigger);
    return `${origin}${tokenPrefix}${route.prefix}/${encodeURIComponent(trigger)}`;
  }

  const routes: ReceiverRoute[] = table.routes.map((route) => ({
    contract: route.contract.id,
    kind: route.contract.kind,
    method: route.contract.method,
    base: route.base,
    url: urlFor(route.contract.id),
    pattern: route.pattern === '/' ? '' : route.pattern,
  }));

  let closing: Promise<void> | undefined;
  return {
    origin,
    token,
    catalogue,
    validator,
    urlFor,
    routes: () => routes,
    stats: log.stats,
    setBehaviour(contractId, behaviour) {
      if (contractId !== '*' && !table.byContract.has(contractId)) {
        throw new ContractNotFoundError(`The document declares no contract ${contractId}.`, {
          hint: 'Use an id from receiver.routes() or `*` for every contract.',
        });
      }
      answers.set(contractId, behaviour);
    },
    subscribe: log.subscribe,
    exchanges: () => ring.list(),
    close() {
      shuttingDown = true;
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        router?.destroyWaiting();
        const grace = sleep(closeGrace, undefined, { ref: false });
        await Promise.race([Promise.allSettled([...pending]), grace]);
        server.closeAllConnections();
        router?.destroyAll();
        for (const socket of plainSockets) socket.destroy();
        await closed;
        await Promise.allSettled([...pending]);
        await journal?.close();
      })();
      return closing;
    },
  };
}
