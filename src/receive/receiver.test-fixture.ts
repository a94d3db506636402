import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Catalogue } from '../spec/contract.ts';
import { buildCatalogue, loadDocument } from '../spec/index.ts';

/** The receiver tests' own small document: a callback with a tail, a fixed-host callback, a webhook. */
export const fixtureSpec: string = fileURLToPath(
  new URL('./fixtures/receiver.yaml', import.meta.url),
);

/** The catalogue of {@link fixtureSpec}. */
export async function loadFixtureCatalogue(): Promise<Catalogue> {
  return buildCatalogue(await loadDocument(fixtureSpec));
}

/**
 * Sends raw bytes over a plain TCP socket (pieces written `gapMs` apart, the socket left open)
 * and resolves with everything the server wrote before it closed the connection.
 */
export function rawExchange(
  port: number,
  pieces: ReadonlyArray<string | Uint8Array>,
  options: { gapMs?: number; giveUpMs?: number } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const received: Buffer[] = [];
    const giveUp = setTimeout(() => {
      socket.destroy();
      reject(
        new Error(`no close within ${options.giveUpMs ?? 5000} ms; got ${Buffer.concat(received)}`),
      );
    }, options.giveUpMs ?? 5000);
    socket.on('data', (chunk) => received.push(chunk));
    socket.on('error', () => {
      // A reset after the answer is expected when the server cuts an upload short.
    });
    socket.on('close', () => {
      clearTimeout(giveUp);
      resolve(Buffer.concat(received).toString('latin1'));
    });
    socket.on('connect', async () => {
      for (const piece of pieces) {
        if (socket.destroyed) break;
        socket.write(piece);
        if (options.gapMs) await new Promise((r) => setTimeout(r, options.gapMs));
      }
    });
  });
}
