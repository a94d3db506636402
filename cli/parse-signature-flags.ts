import { UsageError } from '../src/errors.ts';
import { isSignatureScheme, type SignatureScheme, signatureSchemes } from '../src/provide/index.ts';

/** A scheme flag (`--sign`, `--verify-signature`) checked, with the secret that goes with it. */
export interface SignatureFlags {
  scheme: SignatureScheme;
  /** `--secret`, else `CALLBACK_VERIFY_SECRET`; undefined when neither is set. */
  secret?: string;
}

/**
 * Reads a signature scheme flag and its secret; an unknown scheme is a UsageError. The secret may
 * come from the environment so it stays out of shell history and process lists.
 * @example parseSignatureFlags('github', undefined, { CALLBACK_VERIFY_SECRET: 's' }) // { scheme: 'github', secret: 's' }
 */
export function parseSignatureFlags(
  scheme: string | undefined,
  secret: string | undefined,
  env: NodeJS.ProcessEnv,
): SignatureFlags | undefined {
  if (scheme === undefined) return undefined;
  if (!isSignatureScheme(scheme)) {
    throw new UsageError(`Unknown signature scheme "${scheme}".`, {
      hint: `Use one of: ${signatureSchemes.join(', ')}.`,
    });
  }
  const found = secret ?? env.CALLBACK_VERIFY_SECRET;
  return found === undefined ? { scheme } : { scheme, secret: found };
}
