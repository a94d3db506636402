import { SignatureConfigError } from '../../errors.ts';
import type { Finding } from '../../validate/finding.ts';
import {
  checkTimestamp,
  exactUtf8,
  hmacDigest,
  parseUnixSeconds,
  readHeader,
  safeEqual,
  signatureFinding,
} from './signature-support.ts';
import type { SchemeAdapter } from './signature-types.ts';

const HEADER = 'stripe-signature';

/**
 * Stripe: `Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`, keyed with the
 * whole `whsec_…` secret as UTF-8. Signing and verification go through the `stripe` package's
 * webhook helpers, which work offline; the package is loaded only when this scheme is used.
 */
export const stripe: SchemeAdapter = {
  async sign(secret, input) {
    requireSecret(secret);
    const seconds = Math.floor((input.timestamp ?? new Date()).getTime() / 1000);
    const text = exactUtf8(input.body);
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
    requireSecret(secret);
    const contract = options.contract;
    const header = readHeader(request.headers, HEADER);
    if (header === undefined || header === '') {
      return [
        signatureFinding('signature.missing', HEADER, 'Stripe-Signature is missing.', { contract }),
      ];
    }
    const parsed = parseStripeHeader(header);
    if (parsed === undefined) {
      return [
        signatureFinding(
          'signature.malformed',
          HEADER,
          'Stripe-Signature must hold "t=<unix seconds>" and at least one "v1=<hex>".',
          { contract, actual: header },
        ),
      ];
    }
    const findings: Finding[] = [];
    if (!(await signatureMatches(secret, header, parsed, request.body))) {
      findings.push(
        signatureFinding(
          'signature.mismatch',
          HEADER,
          'No v1 signature in Stripe-Signature matches the HMAC-SHA256 of "t.body" with the secret.',
          { contract, actual: header },
        ),
      );
    }
    const stale = checkTimestamp(parsed.timestamp, HEADER, options);
    if (stale !== undefined) findings.push(stale);
    return findings;
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
  const text = exactUtf8(body);
  const helper = text === undefined || text === '' ? null : (await loadWebhooks()).signature;
  if (text === undefined || helper === null) {
    // Bodies the library cannot take (not UTF-8, or empty): the same HMAC over the raw bytes.
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

function requireSecret(secret: string): void {
  if (secret === '') {
    throw new SignatureConfigError('The stripe signature scheme needs a non-empty secret.', {
      hint: 'Pass the endpoint signing secret (whsec_…) with --secret.',
    });
  }
}
