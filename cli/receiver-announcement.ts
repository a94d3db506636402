import type { Receiver } from '../src/receive/index.ts';
import { sanitiseText } from '../src/report/index.ts';

/**
 * The URLs to give the provider once `listen` is up: the `ready` event of `--json` (one line), or
 * a list for a person.
 * @example for (const line of receiverAnnouncement(receiver, false, undefined)) write(line)
 */
export function receiverAnnouncement(
  receiver: Receiver,
  json: boolean,
  dashboardUrl: string | undefined,
): string[] {
  if (json) {
    const urls = Object.fromEntries(receiver.routes().map((route) => [route.contract, route.url]));
    return [
      JSON.stringify({
        event: 'ready',
        origin: receiver.origin,
        base: `${receiver.origin}/${receiver.token}`,
        urls,
        ...(dashboardUrl === undefined ? {} : { dashboard: dashboardUrl }),
      }),
    ];
  }
  const lines = [
    `Listening on ${receiver.origin} for ${receiver.catalogue.contracts.length} contract(s) of ${receiver.catalogue.document.title}:`,
  ];
  for (const route of receiver.routes()) {
    const tail = route.pattern === '' ? '' : `  (then ${route.pattern})`;
    lines.push(
      `  ${route.method.toUpperCase().padEnd(6)} ${route.contract}\n         ${route.url}${tail}`,
    );
  }
  if (dashboardUrl !== undefined) lines.push(`dashboard: ${dashboardUrl}`);
  // The title and contract ids come from the spec: no raw control characters.
  return lines.map((line) => sanitiseText(line, { multiline: true }));
}
