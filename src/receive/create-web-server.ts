import { createServer, type RequestListener, type Server, type ServerOptions } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Socket } from 'node:net';
import type { TlsIdentity } from '../tls/check-tls-identity.ts';
import { type FirstByteRouter, routeFirstByte } from './route-first-byte.ts';

/** A server from {@link createWebServer}, and with TLS the router that sorts its connections. */
export interface WebServer {
  server: Server;
  /** Set with TLS: connections still waiting for their first byte (destroy them on close). */
  router?: FirstByteRouter;
}

/**
 * A `node:http` server, or with `tls` a `node:https` one on which a connection that opens with
 * plain HTTP is handed to `onPlain` (so it can be told to use https) instead of failing the
 * handshake. A failed handshake carries no request: the socket is closed and the client sees its
 * own TLS error. The receiver and the mock provider are both served this way.
 * @example const { server, router } = createWebServer(options, onRequest, tls, onPlain, 10_000);
 */
export function createWebServer(
  options: ServerOptions,
  onRequest: RequestListener,
  tls: TlsIdentity | undefined,
  onPlain: (socket: Socket, first: Buffer) => void,
  handshakeTimeoutMs: number,
): WebServer {
  if (tls === undefined) return { server: createServer(options, onRequest) };
  const secure = createHttpsServer(
    { ...options, cert: tls.cert, key: tls.key, handshakeTimeout: handshakeTimeoutMs },
    onRequest,
  );
  secure.on('tlsClientError', (_error: Error, socket: { destroy(): void }) => {
    socket.destroy();
  });
  return { server: secure, router: routeFirstByte(secure, onPlain, handshakeTimeoutMs) };
}
