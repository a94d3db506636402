import type { HeaderMap } from '../receive/exchange.ts';
import { describeTlsFailure } from '../tls/describe-tls-failure.ts';
import { createTriggerAgents, type TriggerAgents } from './create-trigger-agents.ts';
import { hasHeader } from './has-header.ts';
import { sendHttp } from './send-http.ts';
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
  | { ok: false; error: unknown; reusedConnection: boolean };

class TriggerTimeout extends Error {
  override name = 'TimeoutError';
}

let sharedAgents: TriggerAgents | undefined;

/** Epoch milliseconds with the monotonic clock's resolution. */
function now(): number {
  return performance.timeOrigin + performance.now();
}

/**
 * Sends one planned trigger request with node:http(s) (`sendHttp`) over the run's keep-alive connections and
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
  if (isStaleConnection(outcome) && now() < deadline) {
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

function isStaleConnection(outcome: Outcome): boolean {
  if (outcome.ok || !outcome.reusedConnection) return false;
  const error = outcome.error;
  return (
    error instanceof Error &&
    'code' in error &&
    (error.code === 'ECONNRESET' || error.code === 'EPIPE')
  );
}

/** One request: `agents` undefined means a fresh connection. */
async function exchange(
  trigger: PlannedTrigger,
  agents: TriggerAgents | undefined,
  timeoutMs: number,
): Promise<Outcome> {
  let url: URL;
  try {
    url = new URL(trigger.url);
  } catch (error) {
    // An unusable URL: nothing is sent.
    return { ok: false, error, reusedConnection: false };
  }
  const headers: Record<string, string> = { ...trigger.headers };
  if (!hasHeader(headers, 'accept')) headers.accept = '*/*';
  if (!hasHeader(headers, 'user-agent')) headers['user-agent'] = 'callback-verify';
  const outcome = await sendHttp(
    {
      url,
      method: trigger.method,
      headers,
      ...(trigger.bodyBytes === undefined ? {} : { body: trigger.bodyBytes }),
    },
    { timeoutMs, ...(agents === undefined ? {} : { agents }) },
  );
  if (outcome.ok) return { ...outcome, headers: { ...outcome.headers } };
  const reusedConnection = outcome.reusedConnection;
  if (outcome.reason === 'timeout') {
    return {
      ok: false,
      error: new TriggerTimeout('no response before the timeout'),
      reusedConnection,
    };
  }
  if (outcome.reason === 'aborted') {
    return {
      ok: false,
      error: Object.assign(new Error('the provider closed the connection mid-response'), {
        code: 'ECONNRESET',
      }),
      reusedConnection,
    };
  }
  return { ok: false, error: outcome.error, reusedConnection };
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
function describeFetchError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'TimeoutError') return 'no response before the timeout';
  const tls = describeTlsFailure(error);
  if (tls !== undefined) return tls.message;
  // fetch (undici) hides the useful part in `cause`; node:http puts it on the error itself.
  const cause = error.cause instanceof Error ? error.cause : error;
  const code = 'code' in cause && typeof cause.code === 'string' ? `${cause.code}: ` : '';
  return `${code}${cause.message}`;
}
