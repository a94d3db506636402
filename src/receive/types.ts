import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SignatureScheme } from '../provide/signatures/signature-scheme.ts';
import type { Catalogue } from '../spec/contract.ts';
import type { Validator } from '../validate/create-validator.ts';
import type { Exchange } from './exchange.ts';

/**
 * A handler mounted next to the receivers under the reserved prefix `/__callback-verify/`
 * (e.g. a live dashboard); it gets the raw Node request and response.
 */
export type ExtraRouteHandler = (request: IncomingMessage, response: ServerResponse) => void;

/** Scripted answer of one contract's receiver. */
export interface ReceiverBehaviour {
  /** Statuses to answer in turn, the last one repeating: `[503, 503, 200]` exercises retries. */
  statuses?: number[];
  /** Milliseconds to wait before answering. */
  delayMs?: number;
  /** Drop the connection instead of answering (after `delayMs`). */
  drop?: boolean;
}

/** How a receiver checks the signature of every request that matches a contract. */
export interface SignatureVerification {
  scheme: SignatureScheme;
  secret: string;
  /** Largest accepted distance between the signed timestamp and the arrival time, in seconds; default 300. */
  toleranceSeconds?: number;
}

/** Options of {@link createReceiver}; every field has a documented default. */
export interface ReceiverOptions {
  /** Interface to bind; default `127.0.0.1`. */
  host?: string;
  /** Port; default `0` (any free port). */
  port?: number;
  /** Largest request body accepted, in bytes; default 10 MB (10 * 1024 * 1024). Larger: 413. */
  maxBodyBytes?: number;
  /** Milliseconds a client may take to send its request; default 30 000. */
  requestTimeoutMs?: number;
  /** Status for a request that matches no contract; default 404. */
  unmatchedStatus?: number;
  /** Path prefix for webhooks, default `/webhooks`; each webhook at `<prefix>/<name>`. */
  webhookPrefix?: string;
  /** Per-contract scripted answers, by contract id (or `*` for all). */
  behaviours?: Record<string, ReceiverBehaviour>;
  /** JSON Lines journal file; every request is appended before it is answered. */
  journalPath?: string;
  /** Called with every exchange once it is answered. */
  onExchange?: (exchange: Exchange) => void;
  /** Milliseconds a client may take to send its request headers; default 10 000 (at most `requestTimeoutMs`). */
  headersTimeoutMs?: number;
  /** Exchanges kept in memory for {@link Receiver.exchanges}; default 1 000 (the journal keeps all). */
  maxExchanges?: number;
  /** Request-body bytes kept in memory across those exchanges; default 16 MB (oldest dropped first). */
  maxExchangeBytes?: number;
  /** Secret path segment in every receiver URL; default 16 random bytes, base64url. */
  token?: string;
  /** Milliseconds {@link Receiver.close} waits for in-flight requests before cutting connections; default 2 000. */
  closeGraceMs?: number;
  /**
   * Extra handlers under `/__callback-verify/<name>` (same port, no token), e.g. a dashboard.
   * The key is the first path segment after the prefix.
   */
  extraRoutes?: Record<string, ExtraRouteHandler>;
  /**
   * Validator of the catalogue's document, when the caller already has one; default
   * `createValidator(catalogue.document)`. Its `warmUp()` runs right after start-up.
   */
  validator?: Validator;
  /**
   * Checks each matched request's signature over its raw body bytes as it arrives; a missing,
   * malformed, wrong or stale signature is a finding of that exchange. Default: no check.
   */
  verifySignature?: SignatureVerification;
  /**
   * Serve HTTPS with this certificate (chain) and private key, PEM; every receiver URL is then
   * `https://…`. Plain HTTP sent to the port is answered 400 and journaled as `request.not-tls`.
   * Default: plain HTTP.
   */
  tls?: { cert: string | Buffer; key: string | Buffer };
}

/** Where one contract is served: what {@link Receiver.routes} lists. */
export interface ReceiverRoute {
  contract: string;
  kind: 'callback' | 'webhook';
  method: string;
  /** `expression`, `fixed`, `relative` or `none` for callbacks (see the URL template base); `webhook` for webhooks. */
  base: 'expression' | 'fixed' | 'relative' | 'none' | 'webhook';
  /** The URL to give the provider (same as `urlFor(contract)`). */
  url: string;
  /** What the receiver matches after `url`, e.g. `/invoices/{$request.body#/id}`; '' when nothing. */
  pattern: string;
}

/** A running receiver hosting every contract of a catalogue. */
export interface Receiver {
  /** `http://host:port`, or `https://host:port` with {@link ReceiverOptions.tls}. */
  readonly origin: string;
  readonly catalogue: Catalogue;
  /**
   * The URL to give the provider for a contract. For a callback this is the value to put where
   * the expression reads its base (query parameter, header, body field…); for a webhook the full URL.
   * `trigger` names one trigger so its callbacks can be told apart (`run` passes a fresh one per trigger).
   */
  urlFor(contractId: string, trigger?: string): string;
  /** Change a contract's scripted answer while running. */
  setBehaviour(contractId: string, behaviour: ReceiverBehaviour): void;
  /** Subscribe to exchanges; returns the unsubscribe function. */
  subscribe(listener: (exchange: Exchange) => void): () => void;
  /** Exchanges so far (bounded: the oldest are dropped past a limit; the journal keeps all). */
  exchanges(): readonly Exchange[];
  /** Stop accepting, finish in-flight requests, flush the journal. */
  close(): Promise<void>;
  /** The secret token that every receiver URL carries. */
  readonly token: string;
  /** Every contract's route, in catalogue order. */
  routes(): readonly ReceiverRoute[];
  /** Counts over every exchange since start (not bounded like {@link Receiver.exchanges}). */
  stats(): ReceiverStats;
  /** The validator judging its requests; `run` checks trigger responses with it too, so one is built per document. */
  readonly validator: Validator;
}

/** Counts over every exchange a receiver has seen. */
export interface ReceiverStats {
  exchanges: number;
  passed: number;
  failed: number;
  /** Requests that matched no contract. */
  unexpected: number;
  /** Per matched contract id. */
  byContract: Record<string, { passed: number; failed: number }>;
}
