import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { SignatureConfigError } from '../../errors.ts';
import { hmacDigest } from './hmac-digest.ts';
import { judgeSignature } from './judge-signature.ts';
import { libraryPayload } from './library-payload.ts';
import { parseUnixSeconds } from './parse-unix-seconds.ts';
import { readHeader } from './read-header.ts';
import { safeEqual } from './safe-equal.ts';
import { signatureFinding } from './signature-finding.ts';
import type { SchemeAdapter, SignInput } from './signature-types.ts';

const SECRET_PREFIX = 'whsec_';
const HEADERS = ['webhook-id', 'webhook-timestamp', 'webhook-signature'] as const;

/**
 * Standard Webhooks (standardwebhooks.com): `webhook-id`, `webhook-timestamp` and
 * `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">`, keyed with the base64
 * secret (optionally prefixed `whsec_`). Signing goes through the reference library.
 */
export const standardWebhooks: SchemeAdapter = {
  async sign(secret, input) {
    const id = input.id ?? `msg_${randomUUID().replaceAll('-', '')}`;
    const timestamp = input.timestamp ?? new Date();
    return {
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
      'webhook-signature': computeSignature(secret, id, timestamp, input),
    };
  },

  async verify(secret, request, options) {
    const contract = options.contract;
    const missing = HEADERS.filter((name) => !readHeader(request.headers, name));
    if (missing.length > 0) {
      return [
        signatureFinding(
          'signature.missing',
          missing[0] ?? 'webhook-signature',
          `Standard Webhooks header${missing.length > 1 ? 's' : ''} ${missing.join(', ')} missing.`,
          { contract },
        ),
      ];
    }
    const id = readHeader(request.headers, 'webhook-id') ?? '';
    const timestampText = readHeader(request.headers, 'webhook-timestamp') ?? '';
    const signatureText = readHeader(request.headers, 'webhook-signature') ?? '';
    const timestamp = parseUnixSeconds(timestampText);
    if (timestamp === undefined) {
      return [
        signatureFinding(
          'signature.malformed',
          'webhook-timestamp',
          `webhook-timestamp must be Unix seconds, got "${timestampText}".`,
          { contract, actual: timestampText },
        ),
      ];
    }
    const candidates = signatureText
      .split(' ')
      .filter((entry) => entry !== '')
      .map((entry) => entry.split(','));
    const v1 = candidates
      .filter((parts) => parts.length === 2 && parts[0] === 'v1' && parts[1] !== '')
      .map((parts) => parts[1] ?? '');
    if (v1.length === 0) {
      return [
        signatureFinding(
          'signature.malformed',
          'webhook-signature',
          'webhook-signature holds no "v1,<base64>" signature.',
          { contract, actual: signatureText },
        ),
      ];
    }
    const expected = computeSignature(secret, id, new Date(timestamp * 1000), request).slice(3);
    return judgeSignature(
      v1.some((candidate) => safeEqual(candidate, expected)),
      {
        header: 'webhook-signature',
        message:
          'No v1 signature in webhook-signature matches the body, webhook-id and webhook-timestamp signed with the secret.',
        actual: signatureText,
      },
      { contract, stale: { ...options, timestamp, header: 'webhook-timestamp' } },
    );
  },
};

function computeSignature(secret: string, id: string, timestamp: Date, input: SignInput): string {
  const key = secretKey(secret);
  const text = libraryPayload(input.body, { acceptsEmpty: true });
  if (text !== undefined) return new Webhook(secret).sign(id, timestamp, text);
  const seconds = Math.floor(timestamp.getTime() / 1000);
  return `v1,${hmacDigest(key, `${id}.${seconds}.`, input.body).toString('base64')}`;
}

function secretKey(secret: string): Uint8Array {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  if (encoded === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(encoded) || encoded.length % 4 !== 0) {
    throw new SignatureConfigError(
      'A Standard Webhooks secret must be base64, optionally prefixed "whsec_".',
      {
        hint: 'Use the secret exactly as the provider shows it, e.g. whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw.',
      },
    );
  }
  return Buffer.from(encoded, 'base64');
}
