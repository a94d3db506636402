import { signRequest, verifySignature } from '../provide/signatures/index.ts';
import type { Finding } from '../validate/finding.ts';
import type { InboundRequest } from './exchange.ts';
import type { SignatureVerification } from './types.ts';

/**
 * Throws `SignatureConfigError` when a verification's secret cannot be used, so a receiver refuses
 * to start rather than judging every request with a key it does not have.
 * @example await assertUsableSecret({ scheme: 'github', secret: '' }) // throws
 */
export async function assertUsableSecret(verification: SignatureVerification): Promise<void> {
  await signRequest(verification.scheme, verification.secret, { body: new Uint8Array(0) });
}

/**
 * The signature findings of one matched request, judged against the time it arrived (not the
 * time the check ran), so a slow receiver never makes a fresh signature stale.
 * @example await checkSignature(verification, request, 'webhook/orderShipped/post', receivedAt) // []
 */
export function checkSignature(
  verification: SignatureVerification,
  request: InboundRequest,
  contract: string,
  receivedAt: string,
): Promise<Finding[]> {
  return verifySignature(verification.scheme, verification.secret, request, {
    contract,
    now: new Date(receivedAt),
    ...(verification.toleranceSeconds === undefined
      ? {}
      : { toleranceSeconds: verification.toleranceSeconds }),
  });
}
