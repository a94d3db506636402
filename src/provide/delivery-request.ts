/** One outgoing request to a consumer, fully built: what `deliver` puts on the wire. */
export interface DeliveryRequest {
  /** Absolute http(s) URL. */
  url: string;
  /** A fixed method in lower case is sent upper-case; any other (an `additionalOperations` key) as written. */
  method: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** Exact body bytes; absent for a request without a body. */
  body?: Uint8Array;
}
