import { createServer } from 'node:http';

/** One request as the recording receiver saw it. */
export interface RecordedRequest {
  method: string;
  /** Path and query. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** `performance.now()` at arrival. */
  at: number;
  /** The status it was answered with. */
  status: number;
}

/** A bare HTTP receiver that records every request. */
export interface RecordingReceiver {
  origin: string;
  requests: RecordedRequest[];
  /** Resolves once `count` requests arrived; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<RecordedRequest[]>;
  close(): Promise<void>;
}

/**
 * Starts a receiver on 127.0.0.1 that answers `statuses` in turn (the last one repeating).
 *
 * @example
 * const receiver = await startRecordingReceiver([503, 503, 200]);
 */
export async function startRecordingReceiver(
  statuses: number[] = [200],
): Promise<RecordingReceiver> {
  const requests: RecordedRequest[] = [];
  const waiters = new Set<() => void>();
  const server = createServer(async (request, response) => {
    let body = '';
    for await (const chunk of request) body += String(chunk);
    const status = statuses[Math.min(requests.length, statuses.length - 1)] ?? 200;
    requests.push({
      method: request.method ?? '',
      url: request.url ?? '',
      headers: request.headers,
      body,
      at: performance.now(),
      status,
    });
    response.writeHead(status, { 'content-type': 'application/json' }).end('{"ok":true}');
    for (const wake of waiters) wake();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    requests,
    waitFor(count, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          if (requests.length < count) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve([...requests]);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`expected ${count} requests, got ${requests.length}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
