import { schemeAdapters } from './scheme-adapters.ts';
import type { SignatureScheme } from './signature-scheme.ts';
import type { SignInput } from './signature-types.ts';

/**
 * Signs a request body as a scheme specifies and returns the headers to send with it
 * (lower-case names). Throws `SignatureConfigError` when the secret cannot be used.
 *
 * @example
 * await signRequest('github', "It's a Secret to Everybody", { body: new TextEncoder().encode('Hello, World!') })
 * // { 'x-hub-signature-256': 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17' }
 */
export function signRequest(
  scheme: SignatureScheme,
  secret: string,
  input: SignInput,
): Promise<Record<string, string>> {
  return schemeAdapters[scheme].sign(secret, input);
}
