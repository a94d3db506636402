import { getCACertificates } from 'node:tls';

/**
 * The certificate authorities an HTTPS client trusts when extra ones are given: Node's default
 * set (its bundled roots, plus NODE_EXTRA_CA_CERTS and the system store when Node is told to use
 * them) and the extra ones. Undefined without extra ones, so Node's own default applies.
 * @example new https.Agent({ keepAlive: true, ca: trustedCas(await readCaFiles(['rootCA.pem'])) })
 */
export function trustedCas(extra: readonly string[] | undefined): string[] | undefined {
  if (extra === undefined || extra.length === 0) return undefined;
  // Passing `ca` replaces the default set instead of adding to it: keep the defaults.
  return [...getCACertificates('default'), ...extra];
}
