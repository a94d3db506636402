import type { ReceiverBehaviour } from '../receive/types.ts';

/** What to expect after one trigger: which contracts call back, and how many times each. */
export interface ExpectConfig {
  /** Contract ids expected to call back; default every callback the operation declares. */
  contracts?: string[];
  /** Callbacks expected per contract; default 1. `0` means none may arrive. */
  count?: number;
}

/** Per-operation settings of a `run`, keyed by operationId or `METHOD /path`. */
export interface OperationConfig {
  /** Parameter values by name (path, query, header or cookie; the spec says which). */
  parameters?: Record<string, unknown>;
  /** The request body to send instead of the spec's example. */
  body?: unknown;
  /** Extra request headers (e.g. auth) for this operation only. */
  headers?: Record<string, string>;
  expect?: ExpectConfig;
  /** Seconds to wait for this operation's callbacks. */
  timeout?: number;
  /** Scripted receiver answers by contract id (or `*`). */
  respond?: Record<string, ReceiverBehaviour>;
  /** Leave this operation out of the run. */
  skip?: boolean;
  /** Send this trigger this many times, each with its own token (load and concurrency checks). */
  repeat?: number;
}

/** The shape of `callback-verify.config.{json,yaml}`. */
export interface CallbackVerifyConfig {
  /** Base URL of the provider under test. */
  provider?: string;
  /** Headers sent with every trigger request. */
  headers?: Record<string, string>;
  /** Seconds to wait for each expected callback; default 10. */
  timeout?: number;
  /** Triggers sent side by side; default 1. */
  concurrency?: number;
  /** Base URL the provider is configured to call for fixed-host callback URLs. */
  callbackBase?: string;
  /** Scripted receiver answers by contract id (or `*`), for every operation. */
  respond?: Record<string, ReceiverBehaviour>;
  /** The receiver serves HTTPS with this PEM certificate and key (like `--tls-cert`/`--tls-key`); paths resolved against the config file's folder. */
  tls?: { cert: string; key: string };
  /** PEM files of extra certificate authorities to trust (like `--ca`); paths resolved against the config file's folder. */
  ca?: string[];
  operations?: Record<string, OperationConfig>;
}

/** A config file as loaded: its contents and where it came from. */
export interface LoadedConfig {
  /** Absolute path of the file, or undefined when no file was found. */
  path?: string;
  config: CallbackVerifyConfig;
}
