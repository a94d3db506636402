import { readCaFiles } from '../src/tls/read-ca-files.ts';

/**
 * Reads every `--ca <file>` (repeatable): extra certificate authorities for the HTTPS requests a
 * command makes; none given, none read. An unreadable or non-PEM file is a TlsConfigError (exit 2).
 * @example const ca = await readCaFlags(['rootCA.pem']); // PEM texts for the `ca` option
 */
export async function readCaFlags(paths: readonly string[] | undefined): Promise<string[]> {
  return paths === undefined || paths.length === 0 ? [] : readCaFiles(paths);
}
