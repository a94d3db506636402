import type { IncomingMessage } from 'node:http';

/** How reading a request body ended. */
export type BodyResult =
  | { kind: 'complete'; bytes: Uint8Array }
  /** More than the limit arrived (or was announced by Content-Length); reading stopped. */
  | { kind: 'too-large'; received: number; declared?: number }
  /** The client went away (or the server cut it off) before the body was complete. */
  | { kind: 'aborted'; bytes: Uint8Array };

/**
 * Reads a request body up to `limit` bytes. Stops reading (without consuming the rest) as soon as
 * the limit is passed, so an oversized upload costs at most `limit` bytes of memory.
 * `received` is told of every chunk so a timeout can journal what had arrived.
 * @example const result = await readBody(request, 10 * 1024 * 1024);
 */
export function readBody(
  request: IncomingMessage,
  limit: number,
  received?: (chunks: readonly Buffer[]) => void,
): Promise<BodyResult> {
  const declaredHeader = request.headers['content-length'];
  const declared = declaredHeader === undefined ? undefined : Number(declaredHeader);
  if (declared !== undefined && Number.isFinite(declared) && declared > limit) {
    request.pause();
    return Promise.resolve({ kind: 'too-large', received: 0, declared });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (result: BodyResult): void => {
      if (settled) return;
      settled = true;
      request.off('data', onData);
      resolve(result);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        request.pause();
        settle({ kind: 'too-large', received: size });
        return;
      }
      chunks.push(chunk);
      received?.(chunks);
    };
    request.on('data', onData);
    request.once('end', () => settle({ kind: 'complete', bytes: concat(chunks, size) }));
    request.once('error', () => settle({ kind: 'aborted', bytes: concat(chunks, size) }));
    request.once('close', () => {
      if (!request.complete) settle({ kind: 'aborted', bytes: concat(chunks, size) });
    });
  });
}

/**
 * Copies the chunks into one exact-size array: a chunk is often a view into a much larger socket
 * read buffer, and keeping the view would keep that whole buffer alive for as long as the exchange.
 */
function concat(chunks: readonly Buffer[], size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}
