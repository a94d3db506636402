import type { IncomingMessage } from 'node:http';

/**
 * Reads a request body whole, or gives `undefined` once it grows past `limit` bytes (the rest is
 * read and discarded, so the client can still be answered 413).
 *
 * @example
 * const bytes = await readLimitedBody(request, 10 * 1024 * 1024);
 */
export async function readLimitedBody(
  request: IncomingMessage,
  limit: number,
): Promise<Uint8Array | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const chunk of request) {
    if (!(chunk instanceof Buffer)) continue;
    size += chunk.length;
    if (size > limit) tooLarge = true;
    if (!tooLarge) chunks.push(chunk);
  }
  return tooLarge ? undefined : new Uint8Array(Buffer.concat(chunks));
}
