import type { LoadedConfig } from '../src/config/index.ts';
import { readCaFiles } from '../src/tls/read-ca-files.ts';
import { readTlsIdentity } from '../src/tls/read-tls-identity.ts';
import { readCaFlags } from './read-ca-flags.ts';
import { readTlsFlags, type TlsFlags } from './read-tls-flags.ts';

/**
 * The receiver's certificate and key and the extra certificate authorities of `run`: from
 * `--tls-cert`/`--tls-key` and `--ca` where given, else from the config file's `tls` and `ca`
 * (each flag group replaces its config key; they are not merged). Problems are UsageError or
 * TlsConfigError (exit 2), naming the flag or the config file.
 * @example const { tls, ca } = await readTlsSettings(flags, await loadConfig({ cwd }));
 */
export async function readTlsSettings(
  flags: TlsFlags & { ca?: readonly string[] },
  loaded: LoadedConfig,
): Promise<{ tls?: { cert: Buffer; key: Buffer }; ca: string[] }> {
  const { config, path } = loaded;
  const source = path ?? 'the config file';
  const fromFlags = flags.tlsCert !== undefined || flags.tlsKey !== undefined;
  const tls = fromFlags
    ? await readTlsFlags(flags)
    : config.tls === undefined
      ? undefined
      : await readTlsIdentity(config.tls.cert, config.tls.key, {
          cert: `${source}: "tls.cert"`,
          key: `${source}: "tls.key"`,
        });
  const ca =
    flags.ca !== undefined && flags.ca.length > 0
      ? await readCaFlags(flags.ca)
      : config.ca === undefined || config.ca.length === 0
        ? []
        : await readCaFiles(config.ca, `${source}: "ca"`);
  return { ...(tls === undefined ? {} : { tls }), ca };
}
