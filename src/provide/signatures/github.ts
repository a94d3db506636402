import { sign, verify } from '@octokit/webhooks-methods';
import { hmacDigest } from './hmac-digest.ts';
import { judgeSignature } from './judge-signature.ts';
import { libraryPayload } from './library-payload.ts';
import { readSignatureHeader } from './read-signature-header.ts';
import { requireSecret } from './require-secret.ts';
import { safeEqual } from './safe-equal.ts';
import { signatureFinding } from './signature-finding.ts';
import type { SchemeAdapter } from './signature-types.ts';

const HEADER = 'x-hub-signature-256';
const LABEL = 'X-Hub-Signature-256';
const SECRET_HINT = 'Pass the webhook secret configured on the GitHub side with --secret.';

/**
 * GitHub webhooks: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the body>`, keyed with the
 * secret as UTF-8. Signing and verification go through @octokit/webhooks-methods, GitHub's own
 * (it refuses an empty payload). GitHub signs no timestamp, so there is nothing to be stale.
 */
export const github: SchemeAdapter = {
  async sign(secret, input) {
    requireSecret('github', secret, SECRET_HINT);
    const text = libraryPayload(input.body, { acceptsEmpty: false });
    const signature =
      text === undefined
        ? `sha256=${hmacDigest(secret, '', input.body).toString('hex')}`
        : await sign(secret, text);
    return { [HEADER]: signature };
  },

  async verify(secret, request, options) {
    requireSecret('github', secret, SECRET_HINT);
    const contract = options.contract;
    const header = readSignatureHeader(request, HEADER, LABEL, contract);
    if (typeof header !== 'string') return [header];
    if (!/^sha256=[0-9a-f]{64}$/.test(header)) {
      return [
        signatureFinding(
          'signature.malformed',
          HEADER,
          `${LABEL} must be "sha256=" followed by 64 lower-case hex digits.`,
          { contract, actual: header },
        ),
      ];
    }
    const text = libraryPayload(request.body, { acceptsEmpty: false });
    const matches =
      text === undefined
        ? safeEqual(header, `sha256=${hmacDigest(secret, '', request.body).toString('hex')}`)
        : await verify(secret, text, header);
    const message = `${LABEL} does not match the HMAC-SHA256 of the body with the secret.`;
    return judgeSignature(matches, { header: HEADER, message, actual: header }, { contract });
  },
};
