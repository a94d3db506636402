import { hmacDigest } from './hmac-digest.ts';
import { judgeSignature } from './judge-signature.ts';
import { libraryPayload } from './library-payload.ts';
import { parseUnixSeconds } from './parse-unix-seconds.ts';
import { readSignatureHeader } from './read-signature-header.ts';
import { requireSecret } from './require-secret.ts';
import { safeEqual } from './safe-equal.ts';
import { signatureFinding } from './signature-finding.ts';
import type { SchemeAdapter } from './signature-types.ts';

const HEADER = 'stripe-signature';
const LABEL = 'Stripe-Signature';
const SECRET_HINT = 'Pass the endpoint signing secret (whsec_…) with --secret.';

/**
 * Stripe: `Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`, keyed with the
 * whole `whsec_…` secret as UTF-8. Signing and verification go through the `stripe` package's
 * webhook helpers, which work offline; the package is loaded only when this scheme is used.
 */
export const stripe: SchemeAdapter = {
  async sign(secret, input) {
    requireSecret('stripe', secret, SECRET_HINT);
    const seconds = Math.floor((input.timestamp ?? new Date()).getTime() / 1000);
    const text = libraryPayload(input.body, { acceptsEmpty: true });
    if (text === undefined) {
      return {
        [HEADER]: `t=${seconds},v1=${hmacDigest(secret, `${seconds}.`, input.body).toString('hex')}`,
      };
    }
    const webhooks = await loadWebhooks();
    return {
      [HEADER]: webhooks.generateTestHeaderString({ payload: text, secret, timestamp: seconds }),
    };
  },

  async verify(secret, request, options) {
    requireSecret('stripe', secret, SECRET_HINT);
    const contract = options.contract;
    const header = readSignatureHeader(request, HEADER, LABEL, contract);
    if (typeof header !== 'string') return [header];
    const parsed = parseStripeHeader(header);
    if (parsed === undefined) {
      return [
        signatureFinding(
          'signature.malformed',
          HEADER,
          `${LABEL} must hold "t=<unix seconds>" and at least one "v1=<hex>".`,
          { contract, actual: header },
        ),
      ];
    }
    return judgeSignature(
      await signatureMatches(secret, header, parsed, request.body),
      {
        header: HEADER,
        message: `No v1 signature in ${LABEL} matches the HMAC-SHA256 of "t.body" with the secret.`,
        actual: header,
      },
      { contract, stale: { ...options, timestamp: parsed.timestamp, header: HEADER } },
    );
  },
};

interface StripeHeader {
  timestamp: number;
  signatures: string[];
}

function parseStripeHeader(header: string): StripeHeader | undefined {
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const item of header.split(',')) {
    const separator = item.indexOf('=');
    if (separator < 0) continue;
    const key = item.slice(0, separator).trim();
    const value = item.slice(separator + 1).trim();
    if (key === 't') timestamp = parseUnixSeconds(value);
    if (key === 'v1' && /^[0-9a-f]{64}$/.test(value)) signatures.push(value);
  }
  return timestamp === undefined || signatures.length === 0 ? undefined : { timestamp, signatures };
}

async function signatureMatches(
  secret: string,
  header: string,
  parsed: StripeHeader,
  body: Uint8Array,
): Promise<boolean> {
  // The library's verification refuses an empty payload.
  const text = libraryPayload(body, { acceptsEmpty: false });
  const helper = text === undefined ? null : (await loadWebhooks()).signature;
  if (text === undefined || helper === null) {
    // Bodies the library cannot take: the same HMAC over the raw bytes.
    const expected = hmacDigest(secret, `${parsed.timestamp}.`, body).toString('hex');
    return parsed.signatures.some((candidate) => safeEqual(candidate, expected));
  }
  try {
    // Tolerance 0 turns the library's own age check off: staleness is reported separately,
    // with the tool's tolerance and clock, so a stale but genuine signature is told apart from a forged one.
    return helper.verifyHeader(text, header, secret, 0);
  } catch {
    return false;
  }
}

type StripeWebhooks = typeof import('stripe')['default']['webhooks'];

let webhooksPromise: Promise<StripeWebhooks> | undefined;

function loadWebhooks(): Promise<StripeWebhooks> {
  webhooksPromise ??= import('stripe').then((module) => module.default.webhooks);
  return webhooksPromise;
}
