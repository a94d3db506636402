/** A set of subscribers, each told of every event; one that throws cannot stop the others or the sender. */
export interface Listeners<Event> {
  /** Adds a listener; returns the function that removes it. */
  subscribe(listener: (event: Event) => void): () => void;
  /** Calls every listener with the event, in subscription order, isolating failures. */
  notify(event: Event): void;
  /** How many are subscribed. */
  size(): number;
}

/**
 * The subscribe/notify pair behind the receiver, the mock provider and the dashboard sources.
 * A listener is a caller's code (a CLI line printer, a page feed): if it throws, the server that
 * notifies it must keep serving and the other listeners must still hear of the event.
 * @example
 * const listeners = createListeners<Exchange>();
 * const stop = listeners.subscribe((exchange) => console.log(exchange.verdict));
 * listeners.notify(exchange); stop();
 */
export function createListeners<Event>(): Listeners<Event> {
  const listeners = new Set<(event: Event) => void>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    notify(event) {
      for (const listener of listeners) {
        try {
          listener(event);
        } catch {
          // A failing listener is the caller's problem, not the server's.
        }
      }
    },
    size: () => listeners.size,
  };
}
