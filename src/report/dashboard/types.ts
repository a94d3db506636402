import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Exchange } from '../../receive/exchange.ts';
import type { Report } from '../report.ts';

/** Something that changed in a dashboard's source. */
export interface DashboardChange {
  /** The exchange that just arrived, when that is the change. */
  exchange?: Exchange;
  /** The whole state was replaced (e.g. a run finished): pages reload the snapshot. */
  replaced?: boolean;
}

/**
 * Where a dashboard reads its state: a snapshot as a {@link Report} (contracts with their
 * verdicts and receiver URLs, counts, exchanges) and a feed of changes.
 */
export interface DashboardSource {
  /** The state now; called on every connection and after changes (coalesced). */
  snapshot(): Report;
  /** Calls `listener` on every change; returns the function that stops it. */
  subscribe(listener: (change: DashboardChange) => void): () => void;
}

/** Options of `createDashboard`; every field has a documented default. */
export interface DashboardOptions {
  /** Secret path segment guarding the page (use the receiver's token); required. */
  token: string;
  /** Path the handler is mounted at; default `/__callback-verify/dashboard`. */
  mountPath?: string;
  /** Exchanges sent in a snapshot and kept by the page; the newest are kept; default 200. */
  maxExchanges?: number;
  /** Characters of a body sent to the page; longer bodies are cut (the reports keep them); default 32 768. */
  maxBodyChars?: number;
  /** Event-stream clients served at once; more are answered 503; default 32. */
  maxClients?: number;
  /** Bytes a client may leave unread (before the next event) before it is dropped as too slow; default 1 MiB. */
  maxBufferedBytes?: number;
  /** Milliseconds between heartbeat comments on the event stream; default 15 000. */
  heartbeatMs?: number;
  /** Milliseconds the browser waits before reconnecting (the stream's `retry:`); default 2 000. */
  retryMs?: number;
  /** Milliseconds over which changes are coalesced into one `state` event; default 100. */
  coalesceMs?: number;
}

/** A dashboard: a Node request handler for its mount path and the means to stop it. */
export interface Dashboard {
  /** Path of the page, with the token and a trailing slash, e.g. `/__callback-verify/dashboard/<token>/`. */
  readonly path: string;
  /** Handles every request under the mount path (the receiver's `extraRoutes` handler). */
  handle(request: IncomingMessage, response: ServerResponse): void;
  /** The page URL on a server, e.g. `urlFor(receiver.origin)`. */
  urlFor(origin: string): string;
  /** Event-stream clients connected now. */
  clients(): number;
  /** Ends every event stream (with an `end` event) and stops listening to the source. */
  close(): void;
}
