import { hmacDigest } from './hmac-digest.ts';
import { judgeSignature } from './judge-signature.ts';
import { readSignatureHeader } from './read-signature-header.ts';
import { requireSecret } from './require-secret.ts';
import { safeEqual } from './safe-equal.ts';
import { signatureFinding } from './signature-finding.ts';
import type { SchemeAdapter } from './signature-types.ts';

const HEADER = 'x-signature';
const LABEL = 'X-Signature';
const SECRET_HINT = 'Pass the shared secret with --secret.';

/**
 * A generic scheme many providers use: `X-Signature: sha256=<hex HMAC-SHA256 of the raw body>`,
 * keyed with the secret as UTF-8. node:crypto is the well-kept library here; no package adds anything.
 */
export const hmacSha256: SchemeAdapter = {
  async sign(secret, input) {
    requireSecret('hmac-sha256', secret, SECRET_HINT);
    return { [HEADER]: `sha256=${hmacDigest(secret, '', input.body).toString('hex')}` };
  },

  async verify(secret, request, options) {
    requireSecret('hmac-sha256', secret, SECRET_HINT);
    const contract = options.contract;
    const header = readSignatureHeader(request, HEADER, LABEL, contract);
    if (typeof header !== 'string') return [header];
    const match = /^sha256=([0-9a-fA-F]{64})$/.exec(header);
    if (match === null) {
      return [
        signatureFinding(
          'signature.malformed',
          HEADER,
          `${LABEL} must be "sha256=" followed by 64 hex digits.`,
          { contract, actual: header },
        ),
      ];
    }
    const expected = hmacDigest(secret, '', request.body).toString('hex');
    const matches = safeEqual((match[1] ?? '').toLowerCase(), expected);
    const message = `${LABEL} does not match the HMAC-SHA256 of the body with the secret.`;
    return judgeSignature(matches, { header: HEADER, message, actual: header }, { contract });
  },
};
