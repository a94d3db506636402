import { readFile } from 'node:fs/promises';
import { createSecureContext } from 'node:tls';
import { TlsConfigError } from '../errors.ts';

/**
 * Reads `--ca` files: PEM bundles of certificate authorities to trust besides the default ones.
 * A file that cannot be read or holds no usable PEM certificate is a `TlsConfigError` (CV_TLS_CONFIG);
 * `label` says where the paths came from (default the flag).
 * @example const ca = await readCaFiles(['rootCA.pem']); await sendDeliveries(catalogue, { to, ca });
 */
export async function readCaFiles(paths: readonly string[], label = '--ca'): Promise<string[]> {
  const bundles: string[] = [];
  for (const path of paths) {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
      throw new TlsConfigError(`${label} ${path} cannot be read (${code}).`, {
        hint: 'Pass a PEM file of the certificate authority that signed the server certificate (mkcert: `mkcert -CAROOT` names its folder; the file is rootCA.pem).',
        cause: error,
      });
    }
    if (!text.includes('-----BEGIN CERTIFICATE-----')) {
      throw new TlsConfigError(`${label} ${path} holds no PEM certificate.`, {
        hint: 'Pass PEM certificates ("-----BEGIN CERTIFICATE-----"), not a key or a DER file (convert with `openssl x509 -inform der -in ca.der -out ca.pem`).',
      });
    }
    try {
      createSecureContext({ ca: text });
    } catch (error) {
      throw new TlsConfigError(
        `${label} ${path} cannot be used: ${error instanceof Error ? error.message : String(error)}.`,
        { hint: 'Pass a PEM bundle of CA certificates.', cause: error },
      );
    }
    bundles.push(text);
  }
  return bundles;
}
