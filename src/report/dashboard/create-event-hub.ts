import type { ServerResponse } from 'node:http';

/** Limits of an {@link EventHub}. */
export interface EventHubOptions {
  maxClients: number;
  maxBufferedBytes: number;
  heartbeatMs: number;
}

/** The open server-sent-event streams of one dashboard. */
export interface EventHub {
  /** Adopts a response as a stream and writes `first` to it; false when the hub is full. */
  add(response: ServerResponse, first: string): boolean;
  /** Writes one event to every stream, dropping streams that stopped reading. */
  broadcast(text: string): void;
  size(): number;
  /** Writes `last` to every stream and ends them all. */
  close(last: string): void;
}

/**
 * One server-sent event: `id`, `event` and a single `data` line (`data` must hold no line
 * break, which JSON.stringify guarantees).
 * @example formatEvent(3, 'state', '{"a":1}') // 'id: 3\nevent: state\ndata: {"a":1}\n\n'
 */
export function formatEvent(id: number, event: string, data: string): string {
  return `id: ${id}\nevent: ${event}\ndata: ${data}\n\n`;
}

/**
 * A bounded set of event streams: at most `maxClients`, each dropped once it leaves more
 * than `maxBufferedBytes` of earlier events unread (a stalled tab must not make the process hold every event),
 * and a heartbeat comment so proxies and the browser keep idle streams open.
 * @example const hub = createEventHub({ maxClients: 32, maxBufferedBytes: 1 << 20, heartbeatMs: 15_000 });
 */
export function createEventHub(options: EventHubOptions): EventHub {
  const clients = new Set<ServerResponse>();
  let heartbeat: NodeJS.Timeout | undefined;

  function drop(response: ServerResponse): void {
    clients.delete(response);
    if (!response.destroyed) response.destroy();
    if (clients.size === 0 && heartbeat !== undefined) {
      clearInterval(heartbeat);
      heartbeat = undefined;
    }
  }

  function send(response: ServerResponse, text: string): void {
    if (response.destroyed || response.writableEnded) {
      drop(response);
      return;
    }
    // Judged on what is still unread from earlier events, so one large event (a snapshot)
    // never drops a client that keeps up; the bound is the limit plus one event.
    if (response.writableLength > options.maxBufferedBytes) {
      drop(response);
      return;
    }
    response.write(text);
  }

  function broadcast(text: string): void {
    for (const response of [...clients]) send(response, text);
  }

  return {
    add(response, first) {
      if (clients.size >= options.maxClients) return false;
      clients.add(response);
      response.on('close', () => drop(response));
      if (heartbeat === undefined) {
        heartbeat = setInterval(() => broadcast(': heartbeat\n\n'), options.heartbeatMs);
        heartbeat.unref();
      }
      send(response, first);
      return true;
    },
    broadcast,
    size: () => clients.size,
    close(last) {
      for (const response of [...clients]) {
        clients.delete(response);
        if (!response.destroyed && !response.writableEnded) response.end(last);
      }
      if (heartbeat !== undefined) clearInterval(heartbeat);
      heartbeat = undefined;
    },
  };
}
