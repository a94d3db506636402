/** One outgoing request to a consumer, fully built: what `deliver` puts on the wire. */
export interface DeliveryRequest {
  /** Absolute http(s) URL. */
  url: string;
  /** Upper- or lower-case; sent upper-case. */
  method: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** Exact body bytes; absent for a request without a body. */
  body?: Uint8Array;
}
