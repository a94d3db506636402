import type { HeaderMap } from '../../receive/exchange.ts';
import type { Finding } from '../../validate/finding.ts';

/** What gets signed: the exact body bytes, and optionally a fixed message id and time. */
export interface SignInput {
  body: Uint8Array;
  /** Message id for schemes that sign one (Standard Webhooks); random when absent. */
  id?: string;
  /** Signing time for schemes that sign one (Standard Webhooks, Stripe); now when absent. */
  timestamp?: Date;
}

/** A received request as far as signatures are concerned: headers and the raw body bytes. */
export interface SignedRequest {
  headers: HeaderMap;
  body: Uint8Array;
}

/** Options of signature verification. */
export interface VerifyOptions {
  /** Largest accepted distance between the signed timestamp and now, in seconds; default 300. */
  toleranceSeconds?: number;
  /** The time to compare the signed timestamp with; default the current time. */
  now?: Date;
  /** Contract id put on the findings. */
  contract?: string;
}

/** One scheme's signing and verification. */
export interface SchemeAdapter {
  sign(secret: string, input: SignInput): Promise<Record<string, string>>;
  verify(
    secret: string,
    request: SignedRequest,
    options: Required<Pick<VerifyOptions, 'toleranceSeconds' | 'now'>> & VerifyOptions,
  ): Promise<Finding[]>;
}
