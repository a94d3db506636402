import { isIPv6 } from 'node:net';
import { UsageError } from '../errors.ts';
import type { HostPolicy } from './allowed-hosts.ts';

/** A host name or IPv4 address, optionally `*.`-prefixed, optionally with `:port`. */
const HOST_ENTRY = /^(?:\*\.)?[a-z0-9_](?:[a-z0-9_.-]*[a-z0-9_])?(?::\d{1,5})?$/i;
/** A bracketed IPv6 address, optionally with `:port`. */
const BRACKETED_ENTRY = /^\[([^\]]+)\](?::\d{1,5})?$/;

/**
 * The delivery host policy for the mock provider and `send`, with every allow-list entry checked
 * first: an entry that can never match a URL's host (a URL, a path, several hosts in one, an
 * empty string) would otherwise silently refuse the very host the user meant to allow.
 * Throws `UsageError` naming the entry and what to write instead.
 *
 * @example createHostPolicy({ allowHosts: ['api.example.com', '*.test:8443'] })
 */
export function createHostPolicy(options: {
  allowHosts?: readonly string[] | undefined;
  allowAnyHost?: boolean | undefined;
}): HostPolicy {
  const allowHosts = (options.allowHosts ?? []).map((entry) => entry.trim());
  for (const entry of allowHosts) checkHostEntry(entry);
  return { allowHosts, allowAnyHost: options.allowAnyHost ?? false };
}

function checkHostEntry(entry: string): void {
  if (HOST_ENTRY.test(entry) || isIPv6(entry)) return;
  const bracketed = BRACKETED_ENTRY.exec(entry);
  if (bracketed !== null && isIPv6(bracketed[1] ?? '')) return;
  throw new UsageError(`--allow-host "${entry}" is not a host this tool can match.`, {
    hint: `Give one host per --allow-host: a name (api.example.com), *.domain or host:port, without scheme or path${suggestion(entry)}.`,
  });
}

function suggestion(entry: string): string {
  if (entry.includes(',')) return '; repeat the flag for several hosts';
  try {
    const { host } = new URL(entry);
    return host === '' ? '' : ` (here: --allow-host ${host})`;
  } catch {
    return '';
  }
}
