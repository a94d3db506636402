import {
  type Agent as HttpAgent,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
} from 'node:http';
import { type Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { wireMethod } from '../spec/wire-method.ts';
import { trustedCas } from '../tls/trusted-cas.ts';

/** One outgoing HTTP request, its URL already parsed. */
export interface HttpRequestParts {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body?: Uint8Array;
}

/** How to send: the deadline for the whole exchange, the pools (none: a fresh connection), a reply limit. */
export interface SendHttpOptions {
  timeoutMs: number;
  /** Keep-alive pools, one per scheme; without them every request opens its own connection. */
  agents?: { http: HttpAgent; https: HttpsAgent };
  /** Stop reading (and close the connection) once the reply body grows past this many bytes. */
  maxResponseBytes?: number;
  /**
   * Extra certificate authorities (PEM) trusted for an https URL besides the default ones, when
   * there are no `agents` (pools carry their own).
   */
  ca?: readonly string[];
}

/**
 * A complete reply, or why there was none: `timeout` (no complete reply in time), `too-large`
 * (past `maxResponseBytes`), `aborted` (the server closed the connection mid-reply) or `error`
 * (the request failed: refused, reset, an unusable header); `reusedConnection` says it failed on a
 * pooled keep-alive connection, which the server may have closed just as it was reused.
 */
export type HttpOutcome =
  | { ok: true; status: number; headers: IncomingHttpHeaders; body: Uint8Array }
  | {
      ok: false;
      reason: 'timeout' | 'too-large' | 'aborted' | 'error';
      error?: unknown;
      reusedConnection: boolean;
    };

/**
 * Sends one request with node:http(s) and reads the whole reply within `timeoutMs`; redirects are
 * not followed. Never rejects: every way it can end is an outcome.
 *
 * @example
 * const outcome = await sendHttp({ url: new URL('http://127.0.0.1:8000/invoices'), method: 'POST', headers: {} }, { timeoutMs: 5_000 });
 * if (outcome.ok) outcome.status // 201
 */
export function sendHttp(
  request: HttpRequestParts,
  options: SendHttpOptions,
): Promise<HttpOutcome> {
  return new Promise((resolve) => {
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    let reused = false;
    const finish = (outcome: HttpOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const fail = (reason: 'timeout' | 'too-large' | 'aborted' | 'error', error?: unknown): void =>
      finish({
        ok: false,
        reason,
        ...(error === undefined ? {} : { error }),
        reusedConnection: reused,
      });
    try {
      const https = request.url.protocol === 'https:';
      const headers: Record<string, string> = { ...request.headers };
      if (request.body !== undefined) headers['content-length'] = String(request.body.byteLength);
      const send = https ? httpsRequest : httpRequest;
      const agents = options.agents;
      const ca = https && agents === undefined ? trustedCas(options.ca) : undefined;
      const outgoing = send(request.url, {
        method: wireMethod(request.method),
        headers,
        agent: agents === undefined ? false : https ? agents.https : agents.http,
        ...(ca === undefined ? {} : { ca }),
      });
      timer = setTimeout(() => {
        fail('timeout');
        outgoing.destroy();
      }, options.timeoutMs);
      outgoing.on('error', (error) => {
        reused = outgoing.reusedSocket;
        fail('error', error);
      });
      outgoing.on('response', (incoming: IncomingMessage) => {
        const limit = options.maxResponseBytes ?? Number.POSITIVE_INFINITY;
        const chunks: Buffer[] = [];
        let size = 0;
        incoming.on('data', (chunk: Buffer) => {
          size += chunk.byteLength;
          if (size > limit) {
            // Settle first: destroying the streams reports an abort of its own.
            fail('too-large');
            incoming.destroy();
            outgoing.destroy();
            return;
          }
          chunks.push(chunk);
        });
        incoming.on('end', () =>
          finish({
            ok: true,
            status: incoming.statusCode ?? 0,
            headers: incoming.headers,
            body: new Uint8Array(Buffer.concat(chunks)),
          }),
        );
        incoming.on('aborted', () => fail('aborted'));
        incoming.on('error', (error) => fail('error', error));
      });
      outgoing.end(request.body === undefined ? undefined : Buffer.from(request.body));
    } catch (error) {
      // An unusable header value: node:http throws before anything is sent.
      fail('error', error);
    }
  });
}
