import type { SequenceKind } from '../validate/sequence-kind.ts';

/**
 * A sequence of items as the text of its sequential media type (OAS 3.2): JSON Lines (one JSON
 * text per line, each ended by a newline), a JSON text sequence (RFC 7464: record separator, JSON
 * text, newline), or server-sent events (an object's `event`, `id` and `retry` fields, then its
 * `data` one `data:` line per line of text, JSON text when it is not a string; a blank line after
 * each event). A value that is not a list is one item.
 *
 * @example
 * serializeSequence([{ a: 1 }, { a: 2 }], 'json-lines') // '{"a":1}\n{"a":2}\n'
 * serializeSequence([{ event: 'done', data: 'ok' }], 'event-stream') // 'event: done\ndata: ok\n\n'
 */
export function serializeSequence(value: unknown, kind: SequenceKind): string {
  const items = Array.isArray(value) ? value : [value];
  if (kind === 'event-stream') return items.map(eventText).join('');
  const prefix = kind === 'json-seq' ? '\u001e' : '';
  return items.map((item) => `${prefix}${JSON.stringify(item ?? null)}\n`).join('');
}

function eventText(item: unknown): string {
  const lines: string[] = [];
  let data: unknown = item;
  if (typeof item === 'object' && item !== null && !Array.isArray(item)) {
    const fields: Record<string, unknown> = { ...item };
    for (const name of ['event', 'id', 'retry']) {
      const field = fields[name];
      if (field !== undefined && field !== null) lines.push(`${name}: ${oneLine(field)}`);
    }
    data = fields.data;
  }
  if (data !== undefined) {
    const text = typeof data === 'string' ? data : JSON.stringify(data);
    for (const line of text.split(/\r\n|\r|\n/)) lines.push(`data: ${line}`);
  }
  return `${lines.join('\n')}\n\n`;
}

/** A field value on one line: an event's fields cannot hold a line break. */
function oneLine(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.replace(/[\r\n]+/g, ' ');
}
