import { github } from './github.ts';
import { hmacSha256 } from './hmac-sha256.ts';
import type { SignatureScheme } from './signature-scheme.ts';
import type { SchemeAdapter } from './signature-types.ts';
import { standardWebhooks } from './standard-webhooks.ts';
import { stripe } from './stripe.ts';

/** Each scheme's adapter, by name. */
export const schemeAdapters: Readonly<Record<SignatureScheme, SchemeAdapter>> = {
  'standard-webhooks': standardWebhooks,
  github,
  stripe,
  'hmac-sha256': hmacSha256,
};
