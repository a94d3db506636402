import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { HeaderMap } from '../receive/exchange.ts';
import { createTriggerAgents, type TriggerAgents } from './create-trigger-agents.ts';
import type { PlannedTrigger } from './types.ts';

/** The provider's immediate answer to a trigger, or why there was none. */
export interface SentTrigger {
  trigger: PlannedTrigger;
  /** Epoch ms (sub-millisecond, from the monotonic clock) when the request left and when its response was complete. */
  sentAt: number;
  respondedAt: number;
  status?: number;
  headers: HeaderMap;
  body: Uint8Array;
  /** The response body parsed as JSON when it is JSON, else its text. */
  parsedBody?: unknown;
  /** Set when no response came back (connection refused, reset, timeout). */
  error?: string;
}

/** A complete response, or the error that ended the request. */
type Outcome =
  | { ok: true; status: number; headers: HeaderMap; body: Uint8Array }
  | { ok: false; error: unknown };

class TriggerTimeout extends Error {
  override name = 'TimeoutError';
}

let sharedAgents: TriggerAgents | undefined;

/** Epoch milliseconds with the monotonic clock's resolution. */
function now(): number {
  return performance.timeOrigin + performance.now();
}

/**
 * Sends one planned trigger request with node:http(s) over the run's keep-alive connections and
 * reads the whole response; redirects are not followed. A network failure is returned (as
 * `error`), not thrown: it becomes a finding.
 *
 * @example
 * const sent = await sendTrigger(plan.triggers[0], { timeoutMs: 10_000 });
 */
export async function sendTrigger(
  trigger: PlannedTrigger,
  options: { timeoutMs: number; agents?: TriggerAgents },
): Promise<SentTrigger> {
  let agents = options.agents;
  if (agents === undefined) {
    // Without the run's pools, one process-wide pool (its idle connections do not hold the process).
    sharedAgents ??= createTriggerAgents();
    agents = sharedAgents;
  }
  const sentAt = now();
  const deadline = sentAt + options.timeoutMs;
  let outcome = await exchange(trigger, agents, options.timeoutMs);
  // A pooled connection the server closed just as it was reused fails before any answer: the
  // request never reached the provider, so it is sent once more on a fresh connection.
  if (!outcome.ok && isStaleConnection(outcome.error) && now() < deadline) {
    outcome = await exchange(trigger, undefined, deadline - now());
  }
  const respondedAt = now();
  if (!outcome.ok) {
    return {
      trigger,
      sentAt,
      respondedAt,
      headers: {},
      body: new Uint8Array(),
      error: describeFetchError(outcome.error),
    };
  }
  const contentType = outcome.headers['content-type'];
  return {
    trigger,
    sentAt,
    respondedAt,
    status: outcome.status,
    headers: outcome.headers,
    body: outcome.body,
    parsedBody: parseBody(outcome.body, typeof contentType === 'string' ? contentType : ''),
  };
}

/** Marks an error that happened on a reused keep-alive connection. */
const reusedConnection = Symbol('reused connection');

function isStaleConnection(error: unknown): boolean {
  return (
    error instanceof Error &&
    reusedConnection in error &&
    'code' in error &&
    (error.code === 'ECONNRESET' || error.code === 'EPIPE')
  );
}

/** One request: `agents` undefined means a fresh connection. */
function exchange(
  trigger: PlannedTrigger,
  agents: TriggerAgents | undefined,
  timeoutMs: number,
): Promise<Outcome> {
  return new Promise((resolve) => {
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const finish = (outcome: Outcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    try {
      const url = new URL(trigger.url);
      const https = url.protocol === 'https:';
      const body = trigger.bodyBytes;
      const headers: Record<string, string> = { ...trigger.headers };
      const names = new Set(Object.keys(headers).map((name) => name.toLowerCase()));
      if (!names.has('accept')) headers.accept = '*/*';
      if (!names.has('user-agent')) headers['user-agent'] = 'callback-verify';
      if (body !== undefined) headers['content-length'] = String(body.byteLength);
      const send = https ? httpsRequest : httpRequest;
      const outgoing = send(url, {
        method: trigger.method.toUpperCase(),
        headers,
        agent: agents === undefined ? false : https ? agents.https : agents.http,
      });
      timer = setTimeout(() => {
        finish({ ok: false, error: new TriggerTimeout('no response before the timeout') });
        outgoing.destroy();
      }, timeoutMs);
      outgoing.on('error', (error) => {
        if (outgoing.reusedSocket) Object.assign(error, { [reusedConnection]: true });
        finish({ ok: false, error });
      });
      outgoing.on('response', (incoming: IncomingMessage) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () =>
          finish({
            ok: true,
            status: incoming.statusCode ?? 0,
            headers: { ...incoming.headers },
            body: new Uint8Array(Buffer.concat(chunks)),
          }),
        );
        incoming.on('aborted', () =>
          finish({
            ok: false,
            error: Object.assign(new Error('the provider closed the connection mid-response'), {
              code: 'ECONNRESET',
            }),
          }),
        );
        incoming.on('error', (error) => finish({ ok: false, error }));
      });
      outgoing.end(body === undefined ? undefined : Buffer.from(body));
    } catch (error) {
      // An unusable URL or header value: node:http throws before anything is sent.
      finish({ ok: false, error });
    }
  });
}

function parseBody(body: Uint8Array, contentType: string): unknown {
  if (body.length === 0) return undefined;
  const text = new TextDecoder().decode(body);
  if (/[/+]json\b/i.test(contentType)) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

/** What went wrong, with the system error code first when there is one (`ECONNREFUSED: …`). */
export function describeFetchError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'TimeoutError') return 'no response before the timeout';
  // fetch (undici) hides the useful part in `cause`; node:http puts it on the error itself.
  const cause = error.cause instanceof Error ? error.cause : error;
  const code = 'code' in cause && typeof cause.code === 'string' ? `${cause.code}: ` : '';
  return `${code}${cause.message}`;
}
