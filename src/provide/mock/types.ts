import type { ExtraRouteHandler } from '../../receive/types.ts';
import type { DeliveryResult, Report, TriggerResult } from '../../report/report.ts';
import type { TlsIdentity } from '../../tls/check-tls-identity.ts';
import type { Finding } from '../../validate/finding.ts';
import type { SignatureScheme } from '../signatures/signature-scheme.ts';

/** Options of `startMockProvider`; every field has a documented default. */
export interface MockProviderOptions {
  /** Interface to bind; default `127.0.0.1`. */
  host?: string;
  /** Port; default `0` (any free port). */
  port?: number;
  /** Answer with values generated from the schemas instead of the declared examples; default false. */
  dynamic?: boolean;
  /** Named example to send as callback payload where a callback declares it; default the first example. */
  example?: string;
  /** Milliseconds between the mock's answer and the first callback it fires; default 100. */
  delayMs?: number;
  /** Order of an operation's callbacks: as declared (default) or reversed. */
  order?: 'declared' | 'reverse';
  /** Sign every callback with this scheme and secret. */
  sign?: { scheme: SignatureScheme; secret: string };
  /** Hosts besides loopback that callbacks may go to: `name`, `*.domain`, `host:port`; default none. */
  allowHosts?: readonly string[];
  /** Send callbacks to any host; default false. */
  allowAnyHost?: boolean;
  /** Time allowed for each callback delivery, in ms; default 10 000. */
  deliveryTimeoutMs?: number;
  /**
   * Serve HTTPS with this certificate (chain) and private key, PEM; default plain HTTP. Plain
   * HTTP sent to the port is answered 400 with the https URL. A bad pair is a `TlsConfigError`.
   */
  tls?: TlsIdentity;
  /** Extra certificate authorities (PEM) trusted for deliveries to an https consumer, besides the default ones. */
  ca?: readonly string[];
  /** Largest request body the mock reads, in bytes; default 10 MB. Larger: 413. */
  maxBodyBytes?: number;
  /** Package version written into reports; default `0.0.0`. */
  toolVersion?: string;
  /**
   * Extra handlers under `/__callback-verify/<name>` (same port), e.g. a dashboard; the key is
   * the first path segment after the prefix. Requests there never reach the mocked API and are
   * not recorded as the consumer's.
   */
  extraRoutes?: Record<string, ExtraRouteHandler>;
}

/** What the mock provider reports while it runs, in the order it happens. */
export type MockEvent =
  /** The mock answered a request from the consumer. */
  | { type: 'request'; request: TriggerResult; callbacks: string[] }
  /** A callback was delivered (or refused, or failed); `delivery.verdict` says how it went. */
  | { type: 'delivery'; delivery: DeliveryResult }
  /** A callback could not be sent at all (URL not resolvable, payload not buildable). */
  | { type: 'skipped'; contract: string; finding: Finding };

/** A running mock provider. */
export interface MockProvider {
  /** `http://host:port` (`https://` with `tls`): the base URL the consumer calls. */
  readonly origin: string;
  /** Calls `listener` with every event; returns the function that stops it. */
  subscribe(listener: (event: MockEvent) => void): () => void;
  /** Requests answered so far. */
  requests(): TriggerResult[];
  /** Deliveries made so far, in the order they finished. */
  deliveries(): DeliveryResult[];
  /** Findings that belong to no delivery: callbacks that could not be sent, cancelled ones. */
  findings(): Finding[];
  /** Resolves once every callback scheduled so far has been delivered (or has failed). */
  idle(): Promise<void>;
  /** The report of everything so far (command `mock`). */
  report(): Report;
  /**
   * Stops accepting requests, cancels callbacks still waiting for their delay (each becomes a
   * finding), and waits for the requests and deliveries in flight; the report is final from
   * then on. Extra routes stay served until {@link MockProvider.close}, so a dashboard can
   * show the final report before its streams end.
   */
  stop(): Promise<void>;
  /** {@link MockProvider.stop}, then closes every connection (extra routes' too) and the server. */
  close(): Promise<void>;
}
