import {
  createServer,
  Agent as HttpAgent,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer, Agent as HttpsAgent } from 'node:https';
import { ListenError, UsageError } from '../errors.ts';
import type { Receiver } from '../receive/types.ts';
import type { Contract } from '../spec/contract.ts';
import { compileTemplateMatcher } from '../spec/runtime-expression/index.ts';
import type { TemplateMatcher } from '../spec/runtime-expression/types.ts';
import { sendHttp } from './send-http.ts';

/** A listener at `--callback-base` that hands fixed-host callbacks to the receiver. */
export interface CallbackForwarder {
  readonly origin: string;
  close(): Promise<void>;
}

const hopByHop = new Set([
  'host',
  'connection',
  'content-length',
  'transfer-encoding',
  'keep-alive',
]);

/** The receiver's certificate and key, when it serves HTTPS. */
export interface ForwarderTls {
  cert: string | Buffer;
  key: string | Buffer;
}

/**
 * Listens at the base URL the provider was configured to call instead of a fixed callback host,
 * and forwards each request to the receiver route of the fixed-host contract whose URL template
 * it matches, answering with the receiver's answer. This is how `--callback-base` maps a fixed
 * host such as `http://notificationServer.com` onto the receiver.
 *
 * With `tls` (the receiver's certificate and key) it forwards to the HTTPS receiver trusting that
 * certificate alone, and an `https://` base is served with it too.
 *
 * @example
 * const forwarder = await startCallbackForwarder('http://127.0.0.1:4999', receiver, fixedContracts);
 */
export async function startCallbackForwarder(
  base: string,
  receiver: Receiver,
  contracts: readonly Contract[],
  tls?: ForwarderTls,
): Promise<CallbackForwarder> {
  const url = new URL(base);
  if (url.port === '') {
    throw new UsageError(`--callback-base ${base} needs an explicit port to listen on.`, {
      hint: 'e.g. --callback-base http://127.0.0.1:4999',
    });
  }
  if (url.protocol === 'https:' && tls === undefined) {
    throw new UsageError(
      `--callback-base ${base} is https, but there is no certificate to serve it with.`,
      {
        hint: 'Pass --tls-cert and --tls-key (the receiver and the callback base then both serve HTTPS with them), or use an http:// base.',
      },
    );
  }
  const basePath = url.pathname.replace(/\/+$/, '');
  const routes: Array<{ contract: Contract; matcher?: TemplateMatcher }> = contracts.map(
    (contract) =>
      contract.expression === undefined
        ? { contract }
        : { contract, matcher: compileTemplateMatcher(contract.expression) },
  );
  // The hop to the receiver trusts exactly the receiver's own certificate, even when it is a leaf
  // issued by a CA this process does not know (mkcert).
  const agents = {
    http: new HttpAgent(),
    https: new HttpsAgent(
      tls === undefined ? {} : { ca: [tls.cert], allowPartialTrustChain: true },
    ),
  };
  const onRequest = (request: IncomingMessage, response: ServerResponse): void => {
    void forward(request).then(
      (answer) => {
        if (answer === undefined) {
          request.socket.destroy();
          return;
        }
        response.writeHead(answer.status, answer.headers).end(answer.body);
      },
      () => response.writeHead(502).end(),
    );
  };
  const server =
    url.protocol === 'https:' && tls !== undefined
      ? createHttpsServer({ cert: tls.cert, key: tls.key }, onRequest)
      : createServer(onRequest);
  async function forward(
    request: IncomingMessage,
  ): Promise<{ status: number; headers: Record<string, string>; body: Uint8Array } | undefined> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(Buffer.from(chunk));
    const full = request.url ?? '/';
    const rest = full.startsWith(basePath) ? full.slice(basePath.length) : full;
    const target =
      routes.find((route) => route.matcher?.match(rest) != null) ??
      routes.find((route) => route.matcher?.match(rest.replace(/^\/(?=\?|$)/, '')) != null) ??
      routes[0];
    if (target === undefined) return { status: 404, headers: {}, body: new Uint8Array() };
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (value === undefined || hopByHop.has(name)) continue;
      headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    const body = Buffer.concat(chunks);
    const answer = await sendHttp(
      {
        url: new URL(`${receiver.urlFor(target.contract.id)}${rest}`),
        method: request.method ?? 'POST',
        headers,
        ...(body.length === 0 ? {} : { body: new Uint8Array(body) }),
      },
      { timeoutMs: 60_000, agents },
    );
    // The receiver dropped the connection on purpose (scripted): do the same.
    if (!answer.ok) return undefined;
    const answerHeaders: Record<string, string> = {};
    for (const [name, value] of Object.entries(answer.headers)) {
      if (value === undefined || hopByHop.has(name)) continue;
      answerHeaders[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    return { status: answer.status, headers: answerHeaders, body: answer.body };
  }
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const port = Number(url.port);
      reject(
        new ListenError(
          error.code === 'EADDRINUSE' ? 'CV_PORT_IN_USE' : 'CV_LISTEN_FAILED',
          url.hostname,
          port,
          `Cannot listen at --callback-base ${base}: ${error.message}.`,
          {
            hint: 'Pick a free port for --callback-base and configure the provider with it.',
            cause: error,
          },
        ),
      );
    });
    server.listen(Number(url.port), url.hostname.replace(/^\[|\]$/g, ''), resolve);
  });
  return {
    origin: `${url.protocol}//${url.host}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agents.http.destroy();
        agents.https.destroy();
      }),
  };
}
