export { signRequest } from './sign-request.ts';
export {
  isSignatureScheme,
  type SignatureScheme,
  signatureHeaders,
  signatureSchemes,
} from './signature-scheme.ts';
export type { SignedRequest, SignInput, VerifyOptions } from './signature-types.ts';
export { DEFAULT_TOLERANCE_SECONDS, verifySignature } from './verify-signature.ts';
