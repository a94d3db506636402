import type { Exchange } from '../receive/exchange.ts';
import { decodeComponent } from '../spec/decode-component.ts';

/**
 * The trigger token an exchange belongs to: the receiver's reading, else a path segment equal to
 * a token this run handed out. A callback sent to a wrong path still carries its trigger's token
 * (tokens are unguessable, so a segment equal to one is no accident).
 *
 * @example
 * findTriggerToken(exchange, new Set(['q3F0Zk1x'])) // 'q3F0Zk1x' for /r/cb/op/q3F0Zk1x/invoice/1
 */
export function findTriggerToken(
  exchange: Exchange,
  tokens: { has(token: string): boolean },
): string | undefined {
  if (exchange.token !== undefined) return exchange.token;
  const path = exchange.request.url.split('?')[0] ?? '';
  for (const segment of path.split('/')) {
    if (segment === '') continue;
    const decoded = decodeComponent(segment);
    if (tokens.has(decoded)) return decoded;
  }
  return undefined;
}
