import type { HeaderMap } from '../receive/exchange.ts';
import type { PlannedTrigger } from './types.ts';

/** The provider's immediate answer to a trigger, or why there was none. */
export interface SentTrigger {
  trigger: PlannedTrigger;
  /** Epoch ms when the request left and when its response was complete. */
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

/**
 * Sends one planned trigger request with `fetch` and reads the whole response.
 * A network failure is returned (as `error`), not thrown: it becomes a finding.
 *
 * @example
 * const sent = await sendTrigger(plan.triggers[0], { timeoutMs: 10_000 });
 */
export async function sendTrigger(
  trigger: PlannedTrigger,
  options: { timeoutMs: number },
): Promise<SentTrigger> {
  const sentAt = Date.now();
  try {
    const response = await fetch(trigger.url, {
      method: trigger.method,
      headers: trigger.headers,
      ...(trigger.bodyBytes === undefined ? {} : { body: new Uint8Array(trigger.bodyBytes) }),
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    const body = new Uint8Array(await response.arrayBuffer());
    const headers: HeaderMap = {};
    response.headers.forEach((value, name) => {
      headers[name] = value;
    });
    return {
      trigger,
      sentAt,
      respondedAt: Date.now(),
      status: response.status,
      headers,
      body,
      parsedBody: parseBody(body, response.headers.get('content-type') ?? ''),
    };
  } catch (error) {
    return {
      trigger,
      sentAt,
      respondedAt: Date.now(),
      headers: {},
      body: new Uint8Array(),
      error: describeFetchError(error),
    };
  }
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

/** undici hides the useful part (ECONNREFUSED…) in `cause`. */
export function describeFetchError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'TimeoutError') return 'no response before the timeout';
  const cause = error.cause;
  if (cause instanceof Error) {
    const code = 'code' in cause && typeof cause.code === 'string' ? `${cause.code}: ` : '';
    return `${code}${cause.message}`;
  }
  return error.message;
}
