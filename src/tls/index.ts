export { checkTlsIdentity, type TlsIdentity } from './check-tls-identity.ts';
export { describeTlsFailure } from './describe-tls-failure.ts';
export { readCaFiles } from './read-ca-files.ts';
export { readTlsIdentity } from './read-tls-identity.ts';
export { trustedCas } from './trusted-cas.ts';
