import { readFile } from 'node:fs/promises';
import { TlsConfigError } from '../errors.ts';
import { checkTlsIdentity } from './check-tls-identity.ts';

async function readPem(flag: string, path: string, what: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new TlsConfigError(`${flag} ${path} cannot be read (${code}).`, {
      hint: `Pass the PEM file of the ${what}, e.g. one made with \`mkcert 127.0.0.1 localhost\` or openssl.`,
      cause: error,
    });
  }
}

/**
 * Reads a receiver's certificate and private key (PEM files) and checks that they make a usable
 * pair; an unreadable file, a file that is not PEM or a key that does not belong to the
 * certificate is a `TlsConfigError` (CV_TLS_CONFIG) that says which; `names` say where the
 * paths came from (default the flags).
 * @example const tls = await readTlsIdentity('cert.pem', 'key.pem'); await createReceiver(catalogue, { tls });
 */
export async function readTlsIdentity(
  certPath: string,
  keyPath: string,
  names: { cert: string; key: string } = { cert: '--tls-cert', key: '--tls-key' },
): Promise<{ cert: Buffer; key: Buffer }> {
  // Both read at once, but when both fail the certificate's problem is the one told, every time.
  const [cert, key] = await Promise.allSettled([
    readPem(names.cert, certPath, 'certificate (chain)'),
    readPem(names.key, keyPath, 'private key'),
  ]);
  if (cert.status === 'rejected') throw cert.reason;
  if (key.status === 'rejected') throw key.reason;
  const identity = { cert: cert.value, key: key.value };
  checkTlsIdentity(identity, { cert: certPath, key: keyPath });
  return identity;
}
