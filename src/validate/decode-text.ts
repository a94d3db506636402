/** Decoded text, or where decoding failed. */
export type DecodedText = { ok: true; text: string } | { ok: false; offset: number };

// One decoder for every body (a whole-body decode keeps no state between calls); the search for
// the first bad byte below streams, so it takes fresh ones.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Decodes bytes in the given charset (UTF-8 when none). UTF-8 is decoded strictly so invalid
 * bytes are found; other charsets are decoded as the platform knows them.
 */
export function decodeText(bytes: Uint8Array, charset: string | undefined): DecodedText {
  const label = (charset ?? 'utf-8').toLowerCase();
  if (label !== 'utf-8' && label !== 'utf8') {
    try {
      return { ok: true, text: new TextDecoder(label).decode(bytes) };
    } catch {
      // An unknown label: fall through to UTF-8, which is what a receiver would assume.
    }
  }
  try {
    return { ok: true, text: strictUtf8.decode(bytes) };
  } catch {
    return { ok: false, offset: firstInvalidByte(bytes) };
  }
}

/** Offset of the first byte that breaks UTF-8 (RFC 3629), found only after decoding failed. */
function firstInvalidByte(bytes: Uint8Array): number {
  // In streaming mode a prefix only fails once it holds a byte that can never be valid, so
  // the longest prefix that does not fail ends just before the first bad byte.
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, middle), { stream: true });
      low = middle;
    } catch {
      high = middle - 1;
    }
  }
  if (low < bytes.length) return sequenceStart(bytes, low);
  // Nothing invalid, only cut short: point at the start of the unfinished sequence.
  let start = bytes.length - 1;
  while (start > 0 && ((bytes[start] ?? 0) & 0xc0) === 0x80) start--;
  return start;
}

/** The lead byte of the sequence that the byte at `offset` broke, or `offset` itself. */
function sequenceStart(bytes: Uint8Array, offset: number): number {
  let lead = offset - 1;
  while (lead >= 0 && lead > offset - 4 && ((bytes[lead] ?? 0) & 0xc0) === 0x80) lead--;
  const byte = bytes[lead] ?? 0;
  const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
  return lead >= 0 && length > offset - lead ? lead : offset;
}
