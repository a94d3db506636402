import { SignatureConfigError } from '../../errors.ts';

/** Throws `SignatureConfigError` for an empty secret, which no HMAC scheme can use. */
export function requireSecret(scheme: string, secret: string, hint: string): void {
  if (secret === '') {
    throw new SignatureConfigError(`The ${scheme} signature scheme needs a non-empty secret.`, {
      hint,
    });
  }
}
