import type { Finding } from '../../validate/finding.ts';
import { schemeAdapters } from './scheme-adapters.ts';
import type { SignatureScheme } from './signature-scheme.ts';
import type { SignedRequest, VerifyOptions } from './signature-types.ts';

/** Default distance allowed between a signed timestamp and now: five minutes, as every scheme suggests. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/**
 * Checks a received request's signature over its raw body bytes, in constant time, with a timestamp
 * tolerance. A missing, malformed, wrong or stale signature comes back as a finding
 * (`signature.missing`, `signature.malformed`, `signature.mismatch`, `signature.stale`); an empty list
 * means the signature is good. Throws `SignatureConfigError` only when the secret cannot be used.
 *
 * @example
 * const findings = await verifySignature('standard-webhooks', 'whsec_…', { headers, body })
 */
export function verifySignature(
  scheme: SignatureScheme,
  secret: string,
  request: SignedRequest,
  options: VerifyOptions = {},
): Promise<Finding[]> {
  return schemeAdapters[scheme].verify(secret, request, {
    ...options,
    toleranceSeconds: options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS,
    now: options.now ?? new Date(),
  });
}
