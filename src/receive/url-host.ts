/**
 * The host to put in a URL for a server (the receiver, the mock provider) bound to `host`: a wildcard address becomes loopback
 * (something a client can call), an IPv6 address gets its brackets.
 * @example urlHost('0.0.0.0') // '127.0.0.1'
 */
export function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}
