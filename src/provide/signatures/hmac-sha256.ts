import { SignatureConfigError } from '../../errors.ts';
import { hmacDigest, readHeader, safeEqual, signatureFinding } from './signature-support.ts';
import type { SchemeAdapter } from './signature-types.ts';

const HEADER = 'x-signature';

/**
 * A generic scheme many providers use: `X-Signature: sha256=<hex HMAC-SHA256 of the raw body>`,
 * keyed with the secret as UTF-8. node:crypto is the well-kept library here; no package adds anything.
 */
export const hmacSha256: SchemeAdapter = {
  async sign(secret, input) {
    requireSecret(secret);
    return { [HEADER]: `sha256=${hmacDigest(secret, '', input.body).toString('hex')}` };
  },

  async verify(secret, request, options) {
    requireSecret(secret);
    const contract = options.contract;
    const header = readHeader(request.headers, HEADER);
    if (header === undefined || header === '') {
      return [
        signatureFinding('signature.missing', HEADER, 'X-Signature is missing.', { contract }),
      ];
    }
    const match = /^sha256=([0-9a-fA-F]{64})$/.exec(header);
    if (match === null) {
      return [
        signatureFinding(
          'signature.malformed',
          HEADER,
          'X-Signature must be "sha256=" followed by 64 hex digits.',
          { contract, actual: header },
        ),
      ];
    }
    const expected = hmacDigest(secret, '', request.body).toString('hex');
    return safeEqual((match[1] ?? '').toLowerCase(), expected)
      ? []
      : [
          signatureFinding(
            'signature.mismatch',
            HEADER,
            'X-Signature does not match the HMAC-SHA256 of the body with the secret.',
            { contract, actual: header },
          ),
        ];
  },
};

function requireSecret(secret: string): void {
  if (secret === '') {
    throw new SignatureConfigError('The hmac-sha256 signature scheme needs a non-empty secret.', {
      hint: 'Pass the shared secret with --secret.',
    });
  }
}
