import { sign, verify } from '@octokit/webhooks-methods';
import { SignatureConfigError } from '../../errors.ts';
import {
  exactUtf8,
  hmacDigest,
  readHeader,
  safeEqual,
  signatureFinding,
} from './signature-support.ts';
import type { SchemeAdapter } from './signature-types.ts';

const HEADER = 'x-hub-signature-256';

/**
 * GitHub webhooks: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the body>`, keyed with the
 * secret as UTF-8. Signing and verification go through @octokit/webhooks-methods, GitHub's own.
 * GitHub signs no timestamp, so there is nothing to be stale.
 */
export const github: SchemeAdapter = {
  async sign(secret, input) {
    requireSecret(secret);
    const text = exactUtf8(input.body);
    // The library refuses an empty payload; the HMAC of nothing is still well defined.
    const signature =
      text !== undefined && text !== ''
        ? await sign(secret, text)
        : `sha256=${hmacDigest(secret, '', input.body).toString('hex')}`;
    return { [HEADER]: signature };
  },

  async verify(secret, request, options) {
    requireSecret(secret);
    const contract = options.contract;
    const header = readHeader(request.headers, HEADER);
    if (header === undefined || header === '') {
      return [
        signatureFinding('signature.missing', HEADER, 'X-Hub-Signature-256 is missing.', {
          contract,
        }),
      ];
    }
    if (!/^sha256=[0-9a-f]{64}$/.test(header)) {
      return [
        signatureFinding(
          'signature.malformed',
          HEADER,
          'X-Hub-Signature-256 must be "sha256=" followed by 64 lower-case hex digits.',
          { contract, actual: header },
        ),
      ];
    }
    const text = exactUtf8(request.body);
    const matches =
      text !== undefined && text !== ''
        ? await verify(secret, text, header)
        : safeEqual(header, `sha256=${hmacDigest(secret, '', request.body).toString('hex')}`);
    return matches
      ? []
      : [
          signatureFinding(
            'signature.mismatch',
            HEADER,
            'X-Hub-Signature-256 does not match the HMAC-SHA256 of the body with the secret.',
            { contract, actual: header },
          ),
        ];
  },
};

function requireSecret(secret: string): void {
  if (secret === '') {
    throw new SignatureConfigError('The github signature scheme needs a non-empty secret.', {
      hint: 'Pass the webhook secret configured on the GitHub side with --secret.',
    });
  }
}
