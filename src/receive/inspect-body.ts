import type { Finding } from '../validate/finding.ts';
import type { InboundRequest } from './exchange.ts';

/** What the receiver itself learnt about a body before schema validation. */
export interface BodyInspection {
  findings: Finding[];
  /** The body cannot be used as what it claims to be (JSON that does not parse): answer 400. */
  unusable: boolean;
}

function headerValue(request: InboundRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Byte offset where UTF-8 decoding first fails, or -1; the native decoder answers the common case. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return -1;
  } catch {
    return scanUtf8(bytes);
  }
}

/** Linear scan per RFC 3629 (no overlongs, no surrogates, nothing past U+10FFFF). */
function scanUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) need = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      need = 2;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      need = 3;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const next = bytes[i + k];
      const min = k === 1 ? low : 0x80;
      const max = k === 1 ? high : 0xbf;
      if (next === undefined || next < min || next > max) return i;
    }
    i += need + 1;
  }
  return -1;
}

/**
 * Transport-level checks of a received body: bytes that are not UTF-8 where the content type is
 * text, and JSON that does not parse. Malformed JSON (including JSON that is not UTF-8, which
 * RFC 8259 forbids) is unusable and is answered 400 at once; other problems are findings only.
 * `parsedAlready` skips parsing a body the validator has parsed as JSON.
 * @example inspectBody({ method: 'POST', url: '/', headers: { 'content-type': 'application/json' }, body: bytes('{') }).unusable // true
 */
export function inspectBody(
  request: InboundRequest,
  contract?: string,
  options: { parsedAlready?: boolean } = {},
): BodyInspection {
  const findings: Finding[] = [];
  const owner = contract === undefined ? {} : { contract };
  // Empty, or parsed by the validator already (so decoded as UTF-8 and well-formed).
  if (request.body.length === 0 || options.parsedAlready === true) {
    return { findings, unusable: false };
  }
  const contentType = headerValue(request, 'content-type') ?? '';
  const [essence = '', ...params] = contentType.toLowerCase().split(';');
  const mediaType = essence.trim();
  const isJson = mediaType === 'application/json' || mediaType.endsWith('+json');
  const isText =
    isJson ||
    mediaType.startsWith('text/') ||
    mediaType === 'application/x-www-form-urlencoded' ||
    mediaType === 'application/xml' ||
    mediaType.endsWith('+xml');
  const charset = params
    .map((p) => p.trim())
    .find((p) => p.startsWith('charset='))
    ?.slice('charset='.length)
    .replaceAll('"', '');
  const declaresUtf8 = charset === undefined || charset === 'utf-8' || charset === 'utf8';
  if (!isText || !declaresUtf8) return { findings, unusable: false };

  const invalidAt = firstInvalidUtf8(request.body);
  if (invalidAt !== -1) {
    findings.push({
      check: 'body.encoding',
      severity: 'error',
      message: `The body is not valid UTF-8: byte ${invalidAt} (0x${(request.body[invalidAt] ?? 0).toString(16).padStart(2, '0')}) starts no valid sequence, but the content type is ${mediaType}.`,
      where: '/body',
      expected: 'UTF-8',
      actual: `invalid byte at offset ${invalidAt}`,
      ...owner,
    });
    return { findings, unusable: isJson };
  }
  if (isJson) {
    const text = new TextDecoder().decode(request.body);
    try {
      JSON.parse(text);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      findings.push({
        check: 'body.json',
        severity: 'error',
        message: `The body is not valid JSON (${reason}), but the content type is ${mediaType}.`,
        where: '/body',
        expected: 'JSON',
        actual: text.length > 80 ? `${text.slice(0, 80)}…` : text,
        ...owner,
      });
      return { findings, unusable: true };
    }
  }
  return { findings, unusable: false };
}
