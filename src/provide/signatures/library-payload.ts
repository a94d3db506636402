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
