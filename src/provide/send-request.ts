import { describeTlsFailure } from '../tls/describe-tls-failure.ts';
import { type HttpOutcome, sendHttp } from '../trigger/send-http.ts';
import type { DeliveryRequest } from './delivery-request.ts';
import type { DeliveryResponse } from './response-checker.ts';

/** How a request that got no complete reply ended. */
export type TransportFailure =
  | { kind: 'timeout'; message: string }
  | { kind: 'unreachable'; message: string; code?: string }
  | { kind: 'reset'; message: string; code?: string }
  | { kind: 'too-large'; message: string }
  | { kind: 'tls'; message: string; code: string }
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
 * Sends one request with node:http(s) (`sendHttp`, on a fresh connection) and reads the whole
 * reply, within `timeoutMs` for the whole exchange. Never rejects: a refused connection, a timeout or a reset comes back as a failure.
 * Redirects are not followed (the allowed-host check holds for the URL that was checked).
 */
export async function sendRequest(
  delivery: DeliveryRequest,
  options: { timeoutMs: number; maxResponseBytes: number; ca?: readonly string[] },
): Promise<SendOutcome> {
  const started = performance.now();
  const elapsed = (): number => Math.round((performance.now() - started) * 10) / 10;
  const outcome = await sendHttp(
    {
      url: new URL(delivery.url),
      method: delivery.method,
      headers: delivery.headers,
      ...(delivery.body === undefined ? {} : { body: delivery.body }),
    },
    // No pools: a fresh connection per delivery, so no pooled socket outlives the command.
    {
      timeoutMs: options.timeoutMs,
      maxResponseBytes: options.maxResponseBytes,
      ...(options.ca === undefined ? {} : { ca: options.ca }),
    },
  );
  if (outcome.ok) {
    const { status, headers, body } = outcome;
    return { ok: true, response: { status, headers, body }, durationMs: elapsed() };
  }
  return { ok: false, failure: describeFailure(outcome, options), durationMs: elapsed() };
}

function describeFailure(
  outcome: Extract<HttpOutcome, { ok: false }>,
  options: { timeoutMs: number; maxResponseBytes: number },
): TransportFailure {
  switch (outcome.reason) {
    case 'timeout':
      return { kind: 'timeout', message: `No complete reply within ${options.timeoutMs} ms.` };
    case 'too-large':
      return {
        kind: 'too-large',
        message: `The reply body is larger than ${options.maxResponseBytes} bytes.`,
      };
    case 'aborted':
      return classify(
        Object.assign(new Error('The consumer closed the connection mid-reply.'), {
          code: 'ECONNRESET',
        }),
      );
    default:
      return classify(outcome.error);
  }
}

function classify(error: unknown): TransportFailure {
  const tls = describeTlsFailure(error);
  if (tls !== undefined) return { kind: 'tls', message: tls.message, code: tls.code };
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
