import type { Receiver } from '../receive/types.ts';

/**
 * Environment variables that tell a provider started by `--provider-cmd` where the receiver is,
 * for callbacks it does not read from the trigger request (webhooks set up out of band):
 * `CALLBACK_VERIFY_RECEIVER` (origin and run token) and, when the spec has webhooks,
 * `CALLBACK_VERIFY_WEBHOOK_BASE` (each webhook is served at `<base>/<webhook name>`).
 *
 * @example
 * receiverEnvironment(receiver).CALLBACK_VERIFY_WEBHOOK_BASE // 'http://127.0.0.1:4010/q3F0…/webhooks'
 */
export function receiverEnvironment(receiver: Receiver): Record<string, string> {
  const environment: Record<string, string> = {
    CALLBACK_VERIFY_RECEIVER: `${receiver.origin}/${receiver.token}`,
  };
  const webhook = receiver.routes().find((route) => route.kind === 'webhook');
  if (webhook !== undefined) {
    environment.CALLBACK_VERIFY_WEBHOOK_BASE = webhook.url.slice(0, webhook.url.lastIndexOf('/'));
  }
  return environment;
}
