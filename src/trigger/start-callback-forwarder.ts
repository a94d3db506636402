import { createServer, type IncomingMessage } from 'node:http';
import { ListenError, UsageError } from '../errors.ts';
import type { Receiver } from '../receive/types.ts';
import type { Contract } from '../spec/contract.ts';
import { compileTemplateMatcher } from '../spec/runtime-expression/index.ts';
import type { TemplateMatcher } from '../spec/runtime-expression/types.ts';

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

/**
 * Listens at the base URL the provider was configured to call instead of a fixed callback host,
 * and forwards each request to the receiver route of the fixed-host contract whose URL template
 * it matches, answering with the receiver's answer. This is how `--callback-base` maps a fixed
 * host such as `http://notificationServer.com` onto the receiver.
 *
 * @example
 * const forwarder = await startCallbackForwarder('http://127.0.0.1:4999', receiver, fixedContracts);
 */
export async function startCallbackForwarder(
  base: string,
  receiver: Receiver,
  contracts: readonly Contract[],
): Promise<CallbackForwarder> {
  const url = new URL(base);
  if (url.port === '') {
    throw new UsageError(`--callback-base ${base} needs an explicit port to listen on.`, {
      hint: 'e.g. --callback-base http://127.0.0.1:4999',
    });
  }
  const basePath = url.pathname.replace(/\/+$/, '');
  const routes: Array<{ contract: Contract; matcher?: TemplateMatcher }> = contracts.map(
    (contract) =>
      contract.expression === undefined
        ? { contract }
        : { contract, matcher: compileTemplateMatcher(contract.expression) },
  );
  const server = createServer((request, response) => {
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
  });
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
    try {
      const answer = await fetch(`${receiver.urlFor(target.contract.id)}${rest}`, {
        method: request.method ?? 'POST',
        headers,
        ...(body.length === 0 ? {} : { body }),
        redirect: 'manual',
      });
      const answerHeaders: Record<string, string> = {};
      answer.headers.forEach((value, name) => {
        if (!hopByHop.has(name)) answerHeaders[name] = value;
      });
      return {
        status: answer.status,
        headers: answerHeaders,
        body: new Uint8Array(await answer.arrayBuffer()),
      };
    } catch {
      // The receiver dropped the connection on purpose (scripted): do the same.
      return undefined;
    }
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
      }),
  };
}
