import type { Finding } from '../validate/finding.ts';

/** Header map with lower-case names, as Node gives them. */
export type HeaderMap = Record<string, string | string[] | undefined>;

/** An inbound request exactly as received. */
export interface InboundRequest {
  method: string;
  /** Path and query as received, e.g. `/cb/Xy12/invoices/42?x=1`. */
  url: string;
  headers: HeaderMap;
  /** Raw body bytes as received (empty when there was none). */
  body: Uint8Array;
}

/** What the receiver answered. */
export interface ReceiverAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Set when the receiver dropped the connection on purpose (scripted fault). */
  dropped?: boolean;
}

/** One received request with its matched contract, findings and answer. */
export interface Exchange {
  /** Unique within a run, increasing: `ex-000001`. */
  id: string;
  /** ISO 8601 arrival time. */
  receivedAt: string;
  request: InboundRequest;
  /** Matched contract id; absent for an unexpected callback. */
  contract?: string;
  /**
   * Other contracts whose URL and method the request matches just as well (a callback key and
   * method declared twice) and whose checks it passes too; a run counts the delivery for
   * whichever of them is still expected.
   */
  alsoConformsTo?: string[];
  /** Trigger correlation token found in the URL, when the URL carried one. */
  token?: string;
  /** The request body parsed per its content type, when it could be. */
  parsedBody?: unknown;
  findings: Finding[];
  answer?: ReceiverAnswer;
  verdict: 'pass' | 'fail';
}
