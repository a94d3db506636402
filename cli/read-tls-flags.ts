import { UsageError } from '../src/errors.ts';
import { readTlsIdentity } from '../src/tls/read-tls-identity.ts';

/** `--tls-cert` and `--tls-key` as commander hands them over. */
export interface TlsFlags {
  tlsCert?: string;
  tlsKey?: string;
}

/**
 * Reads the certificate and key of the server (`server`: the receiver unless told otherwise)
 * when both `--tls-cert` and `--tls-key` are given (undefined when neither is); one without the
 * other is a UsageError, an unreadable or mismatched pair a TlsConfigError (both exit 2).
 * @example const tls = await readTlsFlags({ tlsCert: 'cert.pem', tlsKey: 'key.pem' });
 */
export async function readTlsFlags(
  flags: TlsFlags,
  server = 'receiver',
): Promise<{ cert: Buffer; key: Buffer } | undefined> {
  const { tlsCert, tlsKey } = flags;
  if (tlsCert === undefined && tlsKey === undefined) return undefined;
  if (tlsCert === undefined || tlsKey === undefined) {
    throw new UsageError(
      `${tlsCert === undefined ? '--tls-key' : '--tls-cert'} needs ${tlsCert === undefined ? '--tls-cert' : '--tls-key'} too: the ${server} serves HTTPS with both or plain HTTP with neither.`,
      {
        hint: 'e.g. `mkcert 127.0.0.1 localhost` makes both: --tls-cert 127.0.0.1+1.pem --tls-key 127.0.0.1+1-key.pem',
      },
    );
  }
  return readTlsIdentity(tlsCert, tlsKey);
}
