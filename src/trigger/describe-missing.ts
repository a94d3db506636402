import { formatSeconds } from './format-seconds.ts';
import type { SentTrigger } from './send-trigger.ts';

/**
 * Why no callback arrived, as far as the trigger exchange tells.
 * @example describeMissing(sent) // 'No callback arrived within 10 s of the trigger response (HTTP 201).'
 */
export function describeMissing(sent: SentTrigger): string {
  if (sent.error !== undefined) {
    return `No callback arrived: the trigger request itself failed (${sent.error}).`;
  }
  const within = `No callback arrived within ${formatSeconds(sent.trigger.timeoutMs)} of the trigger response`;
  if (sent.status !== undefined && sent.status >= 400) {
    // A refused trigger explains the silence better than the timeout does.
    return `${within}; the trigger was answered HTTP ${sent.status}, so the provider may have had no reason to call back: check the request (config body and parameters, --header for credentials).`;
  }
  return `${within} (HTTP ${sent.status ?? '—'}).`;
}
