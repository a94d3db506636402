import { randomBytes } from 'node:crypto';

/**
 * A fresh unguessable URL segment (16 random bytes, base64url) so strangers cannot post into a run.
 * @example createToken() // 'q3F0Zk1xUjVkN2hMc0E'
 */
export function createToken(): string {
  return randomBytes(16).toString('base64url');
}
