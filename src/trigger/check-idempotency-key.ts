import type { Exchange } from '../receive/exchange.ts';
import type { Finding } from '../validate/finding.ts';

/** Headers providers use to let receivers drop copies of one delivery, lower-case. */
const idempotencyHeaders: readonly string[] = [
  'webhook-id',
  'svix-id',
  'idempotency-key',
  'x-idempotency-key',
  'x-request-id',
  'x-webhook-id',
  'x-github-delivery',
];

/**
 * Checks that every attempt of one delivery carries the idempotency key its first attempt sent
 * (`retry.idempotency-key-changed`). Nothing to check when the first attempt sent none.
 *
 * @example
 * checkIdempotencyKey([first, retry], 'createInvoice/invoicePaid/post') // [] when webhook-id is stable
 */
export function checkIdempotencyKey(attempts: readonly Exchange[], contract: string): Finding[] {
  const [first, ...retries] = attempts;
  if (first === undefined || retries.length === 0) return [];
  const findings: Finding[] = [];
  for (const name of idempotencyHeaders) {
    const original = headerValue(first, name);
    if (original === undefined) continue;
    for (const retry of retries) {
      const again = headerValue(retry, name);
      if (again === original) continue;
      findings.push({
        check: 'retry.idempotency-key-changed',
        severity: 'error',
        contract,
        where: `/headers/${name}`,
        message:
          again === undefined
            ? `The first attempt carried ${name}: ${original}, but retry ${retry.id} carried none; a receiver cannot tell it is the same delivery.`
            : `${name} changed between attempts (${original} → ${again}); a retry must carry the same key so the receiver can drop copies.`,
        expected: original,
        actual: again ?? null,
      });
    }
  }
  return findings;
}

function headerValue(exchange: Exchange, name: string): string | undefined {
  const value = exchange.request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}
