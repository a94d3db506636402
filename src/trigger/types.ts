import type { OperationConfig } from '../config/types.ts';
import type { SignatureScheme } from '../provide/signatures/index.ts';
import type { Receiver, ReceiverBehaviour } from '../receive/types.ts';
import type { TriggerOperation } from '../spec/contract.ts';
import type { ExpressionSource, UrlTemplate } from '../spec/runtime-expression/types.ts';
import type { Finding } from '../validate/finding.ts';

/** Which trigger operations and contracts a run covers; empty lists mean all. */
export interface RunFilters {
  /** operationId or `METHOD /path`. */
  operations: string[];
  tags: string[];
  /** Contract ids; a trigger is kept when it declares one of them, and only those are checked. */
  contracts: string[];
}

/** How to check signatures on every callback (the run's receiver checks each as it arrives). */
export interface SignatureCheck {
  scheme: SignatureScheme;
  secret: string;
}

/** Progress of a run, for a console or a dashboard. */
export type RunProgressEvent =
  | { type: 'receiver-ready'; origin: string }
  | {
      type: 'trigger-sent';
      trigger: string;
      method: string;
      url: string;
      status?: number;
      /** Contracts this trigger expects callbacks from. */
      expects?: string[];
    }
  | { type: 'callback-received'; trigger?: string; contract?: string; exchange: string }
  | { type: 'waiting'; outstanding: number; remainingMs: number }
  | { type: 'done' };

/** Every option of {@link runConformance}, resolved (see `resolveRunOptions`). */
export interface RunOptions {
  /** Base URL of the provider under test, e.g. `http://127.0.0.1:8000`. */
  provider: string;
  filters: RunFilters;
  /** Headers sent with every trigger request. */
  headers: Record<string, string>;
  /** Milliseconds to wait for each expected callback after its trigger's response. */
  timeoutMs: number;
  /** Milliseconds to keep listening after every expected callback arrived, to catch duplicates. */
  graceMs: number;
  /** Milliseconds to keep listening past the deadline, so late callbacks are told from missing ones. */
  lateWindowMs: number;
  /** Triggers sent side by side. */
  concurrency: number;
  /** Triggers per operation, each with its own token; default 1 (config `repeat` wins). */
  repeat?: number;
  /** Per-operation settings by operationId or `METHOD /path`. */
  operations: Record<string, OperationConfig>;
  /** Scripted receiver answers by contract id (or `*`). */
  behaviours: Record<string, ReceiverBehaviour>;
  /** Base URL the provider calls instead of a fixed callback host. */
  callbackBase?: string;
  /** Receiver bind address when the run starts its own. */
  receiverHost: string;
  receiverPort: number;
  /** Serve the receiver over HTTPS with this PEM certificate and key (its URLs are then `https://…`). */
  receiverTls?: { cert: string | Buffer; key: string | Buffer };
  /** Extra certificate authorities (PEM) trusted for https triggers and readiness checks. */
  ca?: readonly string[];
  /**
   * A receiver to use instead of starting one (the caller closes it); start it with
   * `runReceiverOptions(options)` so it binds where asked and checks `signature`.
   */
  receiver?: Receiver;
  signature?: SignatureCheck;
  /** Provider start command and output, copied into the report. */
  providerCommand?: string;
  providerOutput?: () => string;
  onProgress?: (event: RunProgressEvent) => void;
  /** Version written into the report's `tool` field. */
  toolVersion?: string;
  /** Stops waiting early (e.g. on Ctrl-C); the report is still built. */
  signal?: AbortSignal;
}

/** Where a receiver URL goes in a trigger request. */
export interface Injection {
  contract: string;
  source: ExpressionSource;
  /** JSON pointer into the request as findings speak of it: `/query/callback_url`, `/body/a/b`. */
  where: string;
  value: string;
}

/** One callback contract a trigger is expected to cause. */
export interface PlannedExpectation {
  contract: string;
  /** Callbacks expected; `0` means none may arrive. */
  count: number;
  template?: UrlTemplate;
  /** Fixed-host callbacks only: the origin written in the spec and the one the provider calls instead. */
  fixedOrigin?: { written: string; actual: string };
  /**
   * Its callbacks carry no trigger token (fixed-host callbacks, webhooks): they are matched to
   * triggers by contract, in the order the triggers were sent.
   */
  tokenless?: boolean;
  /** The exact URL when it is known before sending (webhooks: the receiver's URL for them). */
  url?: string;
  /** Lint or planning problems (e.g. a fixed host with no `--callback-base`). */
  findings: Finding[];
  /** False when nothing can be checked (e.g. a fixed host with no `--callback-base`). */
  checkable: boolean;
}

/** A trigger request ready to send, with everything needed to check its callbacks. */
export interface PlannedTrigger {
  /** `createInvoice#1`. */
  id: string;
  /** The unguessable trigger part of the receiver URLs injected into this request. */
  token: string;
  operation: TriggerOperation;
  /** operationId, else `METHOD /path`. */
  operationKey: string;
  method: string;
  /** Full URL including the query string. */
  url: string;
  /** Path parameter values as sent, decoded (what `$request.path.N` reads). */
  pathParams: Record<string, string>;
  /** The query as sent, decoded; a name sent more than once has the list of its values. */
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  /** The body as a value (what `$request.body#/…` reads). */
  body?: unknown;
  /** The body bytes as sent. */
  bodyBytes?: Uint8Array;
  contentType?: string;
  injections: Injection[];
  expectations: PlannedExpectation[];
  /** Contracts of this operation left out by `--contract`: their callbacks are neither expected nor unexpected. */
  ignoredContracts: string[];
  timeoutMs: number;
  /** Receiver behaviours this operation asks for. */
  behaviours: Record<string, ReceiverBehaviour>;
}
