import type { Server as HttpsServer } from 'node:https';
import type { Socket } from 'node:net';

/** What {@link routeFirstByte} keeps: the connections whose first bytes are still awaited. */
export interface FirstByteRouter {
  /** Closes every connection that has not yet been handed on (the server is shutting down). */
  destroyWaiting(): void;
  /**
   * Closes every connection still open, a TLS handshake in progress included (HTTP's own
   * `closeAllConnections` only knows connections whose handshake is done).
   */
  destroyAll(): void;
}

// Every TLS connection opens with a handshake record, content type 22.
const tlsHandshake = 0x16;

/**
 * Looks at the first byte of each connection to an HTTPS server before TLS takes it over: a
 * TLS handshake goes on to the server as usual; anything else (plain HTTP sent to the HTTPS port)
 * goes to `onPlain` with the bytes so far, so it can be answered in a language the client reads
 * instead of failing as a handshake error. A connection silent for `idleMs` is closed.
 * @example routeFirstByte(server, (socket, first) => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n'), 10_000)
 */
export function routeFirstByte(
  server: HttpsServer,
  onPlain: (socket: Socket, first: Buffer) => void,
  idleMs: number,
): FirstByteRouter {
  const handOn = server.listeners('connection') as Array<(socket: Socket) => void>;
  server.removeAllListeners('connection');
  const waiting = new Set<Socket>();
  const open = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    waiting.add(socket);
    open.add(socket);
    socket.once('close', () => open.delete(socket));
    const silent = (): void => {
      socket.destroy();
    };
    socket.setTimeout(idleMs, silent);
    socket.once('close', () => waiting.delete(socket));
    socket.on('error', () => {
      // A client that resets before it says anything: nothing to record.
    });
    socket.once('data', (first: Buffer) => {
      waiting.delete(socket);
      socket.off('timeout', silent);
      socket.setTimeout(0);
      socket.pause();
      if (first[0] === tlsHandshake) {
        // Handed back unread: TLS wraps the socket and reads the handshake from the start.
        socket.unshift(first);
        for (const listener of handOn) listener.call(server, socket);
        return;
      }
      onPlain(socket, first);
    });
  });
  return {
    destroyWaiting() {
      for (const socket of waiting) socket.destroy();
      waiting.clear();
    },
    destroyAll() {
      for (const socket of open) socket.destroy();
      open.clear();
    },
  };
}
