import { createHmac } from 'node:crypto';

/** HMAC-SHA256 over `prefix` followed by the raw body bytes. */
export function hmacDigest(key: Uint8Array | string, prefix: string, body: Uint8Array): Buffer {
  return createHmac('sha256', key).update(prefix).update(body).digest();
}
