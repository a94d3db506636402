import { decodeText } from '../validate/decode-text.ts';
import type { Finding } from '../validate/finding.ts';
import { isJsonMediaType, parseMediaType } from '../validate/media-type.ts';
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
  // The validator's reading of the content type, so both agree on what is JSON and what is text.
  const media = parseMediaType(headerValue(request, 'content-type') ?? '');
  if (media === undefined) return { findings, unusable: false };
  const mediaType = media.essence;
  const isJson = isJsonMediaType(media);
  const isText =
    isJson ||
    media.type === 'text' ||
    mediaType === 'application/x-www-form-urlencoded' ||
    mediaType === 'application/xml' ||
    media.suffix === 'xml';
  const charset = media.parameters.charset?.toLowerCase();
  const declaresUtf8 = charset === undefined || charset === 'utf-8' || charset === 'utf8';
  if (!isText || !declaresUtf8) return { findings, unusable: false };

  const decoded = decodeText(request.body, 'utf-8');
  if (!decoded.ok) {
    const invalidAt = decoded.offset;
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
    const { text } = decoded;
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
