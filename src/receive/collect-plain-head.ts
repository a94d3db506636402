import type { Socket } from 'node:net';
import { plainHeadComplete } from './plan-plain-http.ts';

/**
 * Reads plain HTTP that arrived at an HTTPS port (see `routeFirstByte`) until its request head
 * is complete, `limit` bytes arrived, the client went silent for `timeoutMs` or closed, then
 * calls `onHead` once with the bytes so far; the body is not waited for.
 * @example collectPlainHead(socket, first, { limit: 65_536, timeoutMs: 10_000 }, (head) => socket.end(planPlainHttp(head, origin).answer))
 */
export function collectPlainHead(
  socket: Socket,
  first: Buffer,
  options: { limit: number; timeoutMs: number },
  onHead: (head: Buffer) => void,
): void {
  const chunks: Buffer[] = [first];
  let size = first.length;
  let finished = false;
  const finish = (): void => {
    if (finished) return;
    finished = true;
    socket.off('data', onData);
    socket.setTimeout(0);
    onHead(Buffer.concat(chunks));
  };
  const onData = (chunk: Buffer): void => {
    chunks.push(chunk);
    size += chunk.length;
    if (plainHeadComplete(Buffer.concat(chunks), options.limit) || size >= options.limit) finish();
  };
  socket.once('close', finish);
  if (plainHeadComplete(first, options.limit)) {
    finish();
    return;
  }
  socket.on('data', onData);
  socket.setTimeout(options.timeoutMs, finish);
  socket.resume();
}
