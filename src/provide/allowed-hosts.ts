import { isIPv4, isIPv6 } from 'node:net';
import { HostNotAllowedError, UsageError } from '../errors.ts';

/** Where deliveries may go: loopback always, the listed hosts, or anywhere. */
export interface HostPolicy {
  /** Extra hosts: `api.example.com`, `*.example.com` (any subdomain), or `host:port`. */
  allowHosts: readonly string[];
  /** Lift the restriction entirely. */
  allowAnyHost: boolean;
}

/**
 * Refuses a delivery URL whose host is not allowed, so the tool never sends to a host the user did
 * not name. Loopback (`localhost`, 127.0.0.0/8, `::1`) is always allowed. The host is checked as
 * the URL names it, before any DNS lookup; deliveries never follow redirects, so it cannot change later.
 * Throws `HostNotAllowedError`, or `UsageError` for a URL that is not http(s).
 *
 * @example
 * assertHostAllowed('http://127.0.0.1:3000/hooks', { allowHosts: [], allowAnyHost: false }) // ok
 * assertHostAllowed('https://example.com/hooks', { allowHosts: [], allowAnyHost: false }) // throws
 */
export function assertHostAllowed(url: string | URL, policy: HostPolicy): URL {
  const parsed = parseDeliveryUrl(url);
  if (policy.allowAnyHost || isLoopbackHost(parsed.hostname)) return parsed;
  const host = unbracket(parsed.hostname);
  const port = parsed.port || (parsed.protocol === 'https:' ? '443' : '80');
  if (policy.allowHosts.some((entry) => matchesEntry(entry, host, port))) return parsed;
  throw new HostNotAllowedError(parsed.host);
}

/** True for `localhost`, any 127.0.0.0/8 address, `::1` and IPv4-mapped loopback. */
export function isLoopbackHost(hostname: string): boolean {
  const host = unbracket(hostname).toLowerCase().replace(/\.$/, '');
  if (host === 'localhost') return true;
  if (isIPv4(host)) return host.startsWith('127.');
  if (isIPv6(host)) {
    if (host === '::1' || host === '0:0:0:0:0:0:0:1') return true;
    // WHATWG URLs write IPv4-mapped addresses in hex: [::ffff:7f00:1] is 127.0.0.1.
    const mapped = /^::ffff:(?:7f[0-9a-f]{2}:[0-9a-f]{1,4}|127\.\d+\.\d+\.\d+)$/.exec(host);
    return mapped !== null;
  }
  return false;
}

function parseDeliveryUrl(url: string | URL): URL {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch (cause) {
    throw new UsageError(`"${String(url)}" is not a URL.`, {
      hint: 'Give a full URL such as http://127.0.0.1:3000/webhooks.',
      cause,
    });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new UsageError(`Cannot deliver to ${parsed.protocol} URLs, only http: and https:.`, {
      hint: 'Give a URL such as http://127.0.0.1:3000/webhooks.',
    });
  }
  return parsed;
}

function matchesEntry(entry: string, host: string, port: string): boolean {
  const { host: entryHost, port: entryPort } = splitEntry(entry.trim().toLowerCase());
  if (entryPort !== undefined && entryPort !== port) return false;
  const wanted = host.toLowerCase().replace(/\.$/, '');
  if (entryHost.startsWith('*.')) return wanted.endsWith(entryHost.slice(1));
  return wanted === entryHost;
}

function splitEntry(entry: string): { host: string; port?: string } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed !== null) {
    return bracketed[2] === undefined
      ? { host: bracketed[1] ?? '' }
      : { host: bracketed[1] ?? '', port: bracketed[2] };
  }
  if (isIPv6(entry)) return { host: entry };
  const withPort = /^(.+):(\d+)$/.exec(entry);
  if (withPort !== null) return { host: withPort[1] ?? '', port: withPort[2] ?? '' };
  return { host: entry };
}

function unbracket(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}
