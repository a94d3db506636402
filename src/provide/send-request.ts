import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { DeliveryRequest } from './delivery-request.ts';
import type { DeliveryResponse } from './response-checker.ts';

/** How a request that got no complete reply ended. */
export type TransportFailure =
  | { kind: 'timeout'; message: string }
  | { kind: 'unreachable'; message: string; code?: string }
  | { kind: 'reset'; message: string; code?: string }
  | { kind: 'too-large'; message: string }
  | { kind: 'failed'; message: string; code?: string };

/** A reply, or why there was none, and how long it took. */
export type SendOutcome =
  | { ok: true; response: DeliveryResponse; durationMs: number }
  | { ok: false; failure: TransportFailure; durationMs: number };

const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
]);
const RESET = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET']);

/**
 * Sends one request with node:http(s) and reads the whole reply, within `timeoutMs` for the
 * whole exchange. Never rejects: a refused connection, a timeout or a reset comes back as a failure.
 * Redirects are not followed (the allowed-host check holds for the URL that was checked).
 */
export function sendRequest(
  delivery: DeliveryRequest,
  options: { timeoutMs: number; maxResponseBytes: number },
): Promise<SendOutcome> {
  const started = performance.now();
  const elapsed = (): number => Math.round((performance.now() - started) * 10) / 10;
  return new Promise<SendOutcome>((resolve) => {
    let settled = false;
    const finish = (outcome: SendOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const fail = (failure: TransportFailure): void => {
      finish({ ok: false, failure, durationMs: elapsed() });
    };
    const url = new URL(delivery.url);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const headers: Record<string, string> = { ...delivery.headers };
    if (delivery.body !== undefined) headers['content-length'] = String(delivery.body.byteLength);
    const outgoing = send(url, {
      method: delivery.method.toUpperCase(),
      headers,
      // A fresh connection per delivery: no pooled socket outlives the command.
      agent: false,
    });
    const timer = setTimeout(() => {
      fail({ kind: 'timeout', message: `No complete reply within ${options.timeoutMs} ms.` });
      outgoing.destroy();
    }, options.timeoutMs);
    outgoing.on('error', (error: NodeJS.ErrnoException) => fail(classify(error)));
    outgoing.on('response', (incoming: IncomingMessage) => {
      readReply(incoming, options.maxResponseBytes).then(
        (body) =>
          finish({
            ok: true,
            response: { status: incoming.statusCode ?? 0, headers: incoming.headers, body },
            durationMs: elapsed(),
          }),
        (error: unknown) => {
          if (error instanceof ReplyTooLarge) {
            fail({ kind: 'too-large', message: error.message });
            outgoing.destroy();
          } else {
            fail(classify(error));
          }
        },
      );
    });
    outgoing.end(delivery.body === undefined ? undefined : Buffer.from(delivery.body));
  });
}

class ReplyTooLarge extends Error {}

function readReply(incoming: IncomingMessage, maxBytes: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    incoming.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > maxBytes) {
        // Settle first: destroying the stream reports an abort of its own.
        reject(new ReplyTooLarge(`The reply body is larger than ${maxBytes} bytes.`));
        incoming.destroy();
        return;
      }
      chunks.push(chunk);
    });
    incoming.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    incoming.on('aborted', () =>
      reject(
        Object.assign(new Error('The consumer closed the connection mid-reply.'), {
          code: 'ECONNRESET',
        }),
      ),
    );
    incoming.on('error', reject);
  });
}

function classify(error: unknown): TransportFailure {
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  if (code !== undefined && UNREACHABLE.has(code)) return { kind: 'unreachable', message, code };
  if ((code !== undefined && RESET.has(code)) || /socket hang up/i.test(message)) {
    return code === undefined ? { kind: 'reset', message } : { kind: 'reset', message, code };
  }
  return code === undefined ? { kind: 'failed', message } : { kind: 'failed', message, code };
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}
