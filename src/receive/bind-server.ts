import type { Server } from 'node:http';
import { ListenError } from '../errors.ts';

/**
 * Binds a server (the receiver, the mock provider) and turns a failure into a `ListenError` that
 * says what to do: `CV_PORT_IN_USE` for a port that is taken, `CV_LISTEN_FAILED` otherwise.
 * `what` names the server in the message: `receiver`, `mock provider`.
 *
 * @example
 * await bindServer(server, '127.0.0.1', 4010, 'mock provider');
 */
export async function bindServer(
  server: Server,
  host: string,
  port: number,
  what: string,
): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = (): void => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') {
      throw new ListenError(
        'CV_PORT_IN_USE',
        host,
        port,
        `Port ${port} on ${host} is already in use, so the ${what} cannot start.`,
        {
          hint: `Stop whatever listens on port ${port}, choose another with --port <n>, or pass --port 0 to use any free port.`,
          cause: error,
        },
      );
    }
    throw new ListenError(
      'CV_LISTEN_FAILED',
      host,
      port,
      `The ${what} cannot listen on ${host}:${port} (${error.code ?? error.message}).`,
      {
        hint: 'Check --host names an address of this machine and that the port is allowed (ports below 1024 need privileges).',
        cause: error,
      },
    );
  });
}
