import type { HttpHandler } from 'msw';
import type { Exchange } from '../../receive/exchange.ts';
import type { Finding } from '../../validate/finding.ts';

/** What to do with a request under the base URL that matches no callback or webhook. */
export type UnmatchedStrategy = 'error' | 'warn' | 'bypass' | ((request: Request) => void);

/** Options of {@link callbackHandlers}; every field has a documented default. */
export interface CallbackHandlersOptions {
  /**
   * The URL to give the code under test where the spec's callback keys read their base (for
   * example `callback_url`); default `https://callbacks.test`. Nothing is listening there: the
   * handlers answer in-process.
   */
  baseUrl?: string;
  /** Path prefix of webhooks under `baseUrl`; default `/webhooks`, each at `<prefix>/<name>`. */
  webhookPrefix?: string;
  /**
   * A request under `baseUrl` that matches no contract: `error` (default) records an error
   * finding and answers 404, `warn` records a warning and answers 404, `bypass` leaves it to the
   * next handler, a function is called with the request and then bypasses.
   */
  onUnmatched?: UnmatchedStrategy;
}

/** Options of {@link CallbackCollector.assertConformant}. */
export interface AssertConformantOptions {
  /** Also fail on warnings; default false. */
  strict?: boolean;
  /** Callbacks that must have arrived: a count, or contract ids / callback or webhook names. */
  expect?: number | readonly string[];
}

/** msw handlers for a spec's callbacks and webhooks, and what they collected. */
export interface CallbackCollector {
  /** Pass to `setupServer(...)` or `server.use(...)`. */
  handlers: HttpHandler[];
  /** Resolves once the spec is loaded (rejects with the loading error); immediate for a catalogue. */
  ready: Promise<void>;
  /** Every request the handlers answered, in arrival order. */
  readonly exchanges: Exchange[];
  /** Every finding: those of each exchange, then those about no single request. */
  readonly findings: Finding[];
  /** The URL the code under test should send a contract to (by id or name); needs the spec loaded. */
  urlFor(contract: string): string;
  /** Resolves once `count` requests matched a contract; rejects after `timeoutMs` (default 2 000). */
  waitFor(count?: number, options?: { timeoutMs?: number }): Promise<Exchange[]>;
  /** Throws an `AssertionError` listing every problem when a callback broke the spec. */
  assertConformant(options?: AssertConformantOptions): void;
  /** Forgets every exchange and finding (for `afterEach`). */
  reset(): void;
}
