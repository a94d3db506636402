import { createHmac, timingSafeEqual } from 'node:crypto';
import { SignatureConfigError } from '../../errors.ts';
import type { HeaderMap } from '../../receive/exchange.ts';
import type { Finding } from '../../validate/finding.ts';
import type { SignedRequest } from './signature-types.ts';

/** Stable check ids of signature findings. */
export type SignatureCheck =
  | 'signature.missing'
  | 'signature.malformed'
  | 'signature.mismatch'
  | 'signature.stale';

const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The body as a string when, and only when, encoding that string as UTF-8 gives back the exact
 * same bytes. The scheme libraries take strings; for any other body the tool computes the HMAC
 * over the raw bytes itself so a signature always covers exactly what travels on the wire.
 */
function exactUtf8(body: Uint8Array): string | undefined {
  try {
    return strictDecoder.decode(body);
  } catch {
    return undefined;
  }
}

/**
 * The body as a scheme library takes it, or undefined when the tool computes the HMAC over the raw
 * bytes itself: the body is not exact UTF-8, or it is empty and the library refuses empty payloads
 * (the HMAC of nothing is still well defined).
 */
export function libraryPayload(
  body: Uint8Array,
  options: { acceptsEmpty: boolean },
): string | undefined {
  const text = exactUtf8(body);
  return text === '' && !options.acceptsEmpty ? undefined : text;
}

/** HMAC-SHA256 over `prefix` followed by the raw body bytes. */
export function hmacDigest(key: Uint8Array | string, prefix: string, body: Uint8Array): Buffer {
  return createHmac('sha256', key).update(prefix).update(body).digest();
}

/** Constant-time string comparison; a length difference is not secret and ends it early. */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** A header's value; the first one when the header was sent more than once. */
export function readHeader(headers: HeaderMap, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted) continue;
    return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

/** Throws `SignatureConfigError` for an empty secret, which no HMAC scheme can use. */
export function requireSecret(scheme: string, secret: string, hint: string): void {
  if (secret === '') {
    throw new SignatureConfigError(`The ${scheme} signature scheme needs a non-empty secret.`, {
      hint,
    });
  }
}

/**
 * The value of a scheme's one signature header, or the `signature.missing` finding when it is
 * absent or empty; `label` is the header as the scheme's documentation writes it.
 */
export function readSignatureHeader(
  request: SignedRequest,
  header: string,
  label: string,
  contract: string | undefined,
): string | Finding {
  const value = readHeader(request.headers, header);
  if (value !== undefined && value !== '') return value;
  return signatureFinding('signature.missing', header, `${label} is missing.`, { contract });
}

/**
 * The findings of a well-formed signature header: `signature.mismatch` unless it matched, then
 * `signature.stale` when a signed timestamp is out of tolerance; a forged and stale delivery gets both.
 */
export function judgeSignature(
  matches: boolean,
  mismatch: { header: string; message: string; actual: string },
  options: {
    contract?: string;
    stale?: { timestamp: number; header: string; toleranceSeconds: number; now: Date };
  },
): Finding[] {
  const findings: Finding[] = [];
  if (!matches) {
    findings.push(
      signatureFinding('signature.mismatch', mismatch.header, mismatch.message, {
        contract: options.contract,
        actual: mismatch.actual,
      }),
    );
  }
  const stale =
    options.stale === undefined
      ? undefined
      : checkTimestamp(options.stale.timestamp, options.stale.header, {
          toleranceSeconds: options.stale.toleranceSeconds,
          now: options.stale.now,
          ...(options.contract === undefined ? {} : { contract: options.contract }),
        });
  if (stale !== undefined) findings.push(stale);
  return findings;
}

/** Builds one signature finding (always of error severity). */
export function signatureFinding(
  check: SignatureCheck,
  header: string,
  message: string,
  options: { contract?: string; actual?: unknown } = {},
): Finding {
  const finding: Finding = {
    check,
    severity: 'error',
    message,
    where: `/headers/${header.toLowerCase()}`,
  };
  if (options.contract !== undefined) finding.contract = options.contract;
  if (options.actual !== undefined) finding.actual = options.actual;
  return finding;
}

/**
 * A `signature.stale` finding when a signed Unix timestamp (seconds) is further than the
 * tolerance from now, in either direction (a timestamp from the future is as suspect as an old one).
 */
export function checkTimestamp(
  timestamp: number,
  header: string,
  options: { toleranceSeconds: number; now: Date; contract?: string },
): Finding | undefined {
  const nowSeconds = Math.floor(options.now.getTime() / 1000);
  const age = nowSeconds - timestamp;
  if (Math.abs(age) <= options.toleranceSeconds) return undefined;
  const when = age > 0 ? `${age} s old` : `${-age} s in the future`;
  return signatureFinding(
    'signature.stale',
    header,
    `The signed timestamp ${timestamp} is ${when}; the tolerance is ${options.toleranceSeconds} s (replayed or delayed delivery, or a clock out of sync).`,
    { contract: options.contract, actual: timestamp },
  );
}

/** Parses a whole-seconds Unix timestamp written as decimal digits. */
export function parseUnixSeconds(text: string): number | undefined {
  return /^\d{1,12}$/.test(text.trim()) ? Number.parseInt(text.trim(), 10) : undefined;
}
