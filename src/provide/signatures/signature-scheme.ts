/** The signature schemes the tool can sign with and verify. */
export type SignatureScheme = 'standard-webhooks' | 'github' | 'stripe' | 'hmac-sha256';

/** Every supported scheme, in the order they are documented. */
export const signatureSchemes: readonly SignatureScheme[] = [
  'standard-webhooks',
  'github',
  'stripe',
  'hmac-sha256',
];

/** True when a value (a flag, a config entry) names a supported scheme. */
export function isSignatureScheme(value: unknown): value is SignatureScheme {
  return typeof value === 'string' && (signatureSchemes as readonly string[]).includes(value);
}

/** The headers each scheme's signature travels in (lower case); only signing can give them a valid value. */
export const signatureHeaders: Readonly<Record<SignatureScheme, readonly string[]>> = {
  'standard-webhooks': ['webhook-signature'],
  github: ['x-hub-signature-256'],
  stripe: ['stripe-signature'],
  'hmac-sha256': ['x-signature'],
};
