import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { ContractNotFoundError } from '../errors.ts';
import type { Catalogue } from '../spec/contract.ts';
import { hasErrors } from '../validate/finding.ts';
import { createValidator } from '../validate/index.ts';
import { bindServer } from './bind-server.ts';
import { buildRouteTable } from './build-route-table.ts';
import { assertUsableSecret, checkSignature } from './check-signature.ts';
import { createAnswerBook } from './create-answer-book.ts';
import { createJournal, type Journal } from './create-journal.ts';
import { createToken } from './create-token.ts';
import type { Exchange, HeaderMap, InboundRequest } from './exchange.ts';
import { createExchangeRing } from './exchange-ring.ts';
import { isoNow } from './iso-now.ts';
import { type PlanContext, type PlannedExchange, planExchange } from './plan-exchange.ts';
import { readBody } from './read-body.ts';
import { serveExtraRoute } from './serve-extra-route.ts';
import type { Receiver, ReceiverOptions, ReceiverRoute, ReceiverStats } from './types.ts';
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

function copyHeaders(headers: IncomingMessage['headers']): HeaderMap {
  const copy: HeaderMap = {};
  for (const [name, value] of Object.entries(headers)) copy[name] = value;
  return copy;
}

function rawResponse(status: number, reason: string): string {
  return `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`;
}

/**
 * Starts one HTTP server hosting a receiver for every contract of a catalogue: it routes each
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

  const table = buildRouteTable(catalogue, options.webhookPrefix ?? '/webhooks');
  // Without a journal an exchange is only counted and kept in the bounded ring: nothing to wait for.
  const journal: Journal | undefined =
    options.journalPath === undefined ? undefined : await createJournal(options.journalPath);
  const ring = createExchangeRing(
    options.maxExchanges ?? 1_000,
    options.maxExchangeBytes ?? 16 * 1024 * 1024,
  );
  const listeners = new Set<(exchange: Exchange) => void>();
  if (options.onExchange !== undefined) listeners.add(options.onExchange);
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
  const stats: ReceiverStats = {
    exchanges: 0,
    passed: 0,
    failed: 0,
    unexpected: 0,
    byContract: {},
  };
  let sequence = 0;
  let origin = '';

  function makeExchange(
    receivedAt: string,
    request: InboundRequest,
    planned: PlannedExchange,
  ): Exchange {
    sequence += 1;
    const exchange: Exchange = {
      id: `ex-${String(sequence).padStart(6, '0')}`,
      receivedAt,
      request,
      findings: planned.findings,
      answer: planned.answer,
      verdict: hasErrors(planned.findings) ? 'fail' : 'pass',
    };
    if (planned.contract !== undefined) exchange.contract = planned.contract;
    if (planned.token !== undefined) exchange.token = planned.token;
    if (planned.parsedBody !== undefined) exchange.parsedBody = planned.parsedBody;
    return exchange;
  }

  /**
   * Counts, keeps and journals an exchange. With a journal, returns a promise that resolves once
   * its line is written (a failed write becomes a warning finding); without one, nothing.
   */
  function record(exchange: Exchange): Promise<void> | undefined {
    stats.exchanges += 1;
    if (exchange.verdict === 'pass') stats.passed += 1;
    else stats.failed += 1;
    if (exchange.contract === undefined) stats.unexpected += 1;
    else {
      const tally = stats.byContract[exchange.contract] ?? { passed: 0, failed: 0 };
      stats.byContract[exchange.contract] = tally;
      if (exchange.verdict === 'pass') tally.passed += 1;
      else tally.failed += 1;
    }
    ring.push(exchange);
    return journal?.append(exchange).catch((error: unknown) => {
      exchange.findings.push({
        check: 'journal.write',
        severity: 'warning',
        message: `This exchange could not be written to the journal: ${error instanceof Error ? error.message : String(error)}.`,
      });
    });
  }

  function notify(exchange: Exchange): void {
    for (const listener of listeners) {
      try {
        listener(exchange);
      } catch {
        // A failing listener must not stop the receiver or the other listeners.
      }
    }
  }

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

    if (body.kind === 'aborted') {
      const exchange = makeExchange(
        receivedAt,
        { ...head, body: body.bytes },
        {
          findings: [
            {
              check: 'request.aborted',
              severity: 'error',
              message: `The client closed the connection after ${body.bytes.length} body bytes, before the request was complete.`,
              where: '/body',
            },
          ],
          answer: { status: 0, headers: {}, body: '', dropped: true },
          delayMs: 0,
        },
      );
      delete exchange.answer;
      await record(exchange);
      notify(exchange);
      return;
    }
    if (body.kind === 'too-large') {
      const size =
        body.declared === undefined
          ? `more than ${maxBody} bytes arrived`
          : `Content-Length announces ${body.declared} bytes`;
      const exchange = makeExchange(
        receivedAt,
        { ...head, body: emptyBody },
        {
          findings: [
            {
              check: 'body.too-large',
              severity: 'error',
              message: `The body is over the receiver's limit of ${maxBody} bytes (${size}); reading stopped and the body was not kept.`,
              where: '/body',
              expected: `at most ${maxBody} bytes`,
              actual: body.declared ?? body.received,
            },
          ],
          answer: { status: 413, headers: { connection: 'close' }, body: '' },
          delayMs: 0,
        },
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
    const timedOut = code === 'ERR_HTTP_REQUEST_TIMEOUT';
    const overflow = code === 'HPE_HEADER_OVERFLOW';
    const status = timedOut ? 408 : overflow ? 431 : 400;
    const rawPacket = (error as { rawPacket?: unknown }).rawPacket;
    const request: InboundRequest =
      live === undefined
        ? {
            method: '',
            url: '',
            headers: {},
            body: rawPacket instanceof Uint8Array && !timedOut ? rawPacket : emptyBody,
          }
        : {
            method: live.request.method ?? '',
            url: live.request.url ?? '',
            headers: copyHeaders(live.request.headers),
            body: new Uint8Array(Buffer.concat(live.chunks)),
          };
    const message = timedOut
      ? live === undefined
        ? `The client did not send complete request headers within ${headersTimeout} ms; the connection was closed.`
        : `The client did not send the complete request within ${requestTimeout} ms (${request.body.length} body bytes arrived); the connection was closed.`
      : overflow
        ? 'The request headers are larger than the receiver accepts.'
        : `The request is not valid HTTP (${code}: ${error.message}).`;
    const exchange = makeExchange(live?.receivedAt ?? new Date().toISOString(), request, {
      findings: [
        {
          check: timedOut ? 'request.timeout' : 'request.malformed',
          severity: 'error',
          message,
          where: live === undefined ? '/' : '/body',
        },
      ],
      answer: { status, headers: { connection: 'close' }, body: '' },
      delayMs: 0,
    });
    await record(exchange);
    if (socket.writable) {
      const reason = timedOut
        ? 'Request Timeout'
        : overflow
          ? 'Request Header Fields Too Large'
          : 'Bad Request';
      socket.end(rawResponse(status, reason));
    }
    socket.destroy();
    notify(exchange);
  }

  const server = createServer(
    {
      requestTimeout,
      headersTimeout,
      // Node checks for expired requests on this period; keep it well under the timeouts.
      connectionsCheckingInterval: Math.max(10, Math.min(1_000, Math.floor(headersTimeout / 4))),
      keepAliveTimeout: 5_000,
    },
    onRequest,
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
  origin = `http://${urlHost(host)}:${port}`;

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
    stats: () => ({ ...stats, byContract: structuredClone(stats.byContract) }),
    setBehaviour(contractId, behaviour) {
      if (contractId !== '*' && !table.byContract.has(contractId)) {
        throw new ContractNotFoundError(`The document declares no contract ${contractId}.`, {
          hint: 'Use an id from receiver.routes() or `*` for every contract.',
        });
      }
      answers.set(contractId, behaviour);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    exchanges: () => ring.list(),
    close() {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        const grace = sleep(closeGrace, undefined, { ref: false });
        await Promise.race([Promise.allSettled([...pending]), grace]);
        server.closeAllConnections();
        await closed;
        await Promise.allSettled([...pending]);
        await journal?.close();
      })();
      return closing;
    },
  };
}
