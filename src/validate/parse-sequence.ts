import { decodeText } from './decode-text.ts';
import type { SequenceKind } from './sequence-kind.ts';

/** One item of a sequence: its value, or why it could not be read; `line` is 1-based. */
export type SequenceItem =
  | { ok: true; value: unknown; line: number }
  | { ok: false; reason: string; line: number };

/** A sequential body split into items, or where its bytes stop being UTF-8. */
export type ParsedSequence =
  | { kind: 'items'; items: SequenceItem[] }
  | { kind: 'encoding'; offset: number };

const recordSeparator = '\u001e';

/**
 * Splits a sequential body into its items (OAS 3.2 sequential media types):
 * - JSON Lines / NDJSON: one JSON text per line; blank lines are skipped;
 * - JSON text sequences (RFC 7464): each JSON text follows a record separator (0x1E);
 * - server-sent events: each event (lines up to a blank line) becomes an object with the fields
 *   it sets, as the OAS models it: `data` (its lines joined with `\n`), `event`, `id`, and
 *   `retry` as an integer (a `retry` that is not digits is ignored, as a browser ignores it);
 *   comments (`:` lines) and unknown fields are left out, and a last event with no blank line
 *   after it still counts.
 *
 * @example
 * parseSequence(bytes('{"a":1}\n{"a":2}\n'), 'json-lines')
 * // { kind: 'items', items: [{ ok: true, value: { a: 1 }, line: 1 }, { ok: true, value: { a: 2 }, line: 2 }] }
 */
export function parseSequence(bytes: Uint8Array, kind: SequenceKind): ParsedSequence {
  const decoded = decodeText(bytes, undefined);
  if (!decoded.ok) return { kind: 'encoding', offset: decoded.offset };
  const text = decoded.text;
  if (kind === 'event-stream') return { kind: 'items', items: readEvents(text) };
  if (kind === 'json-seq') return { kind: 'items', items: readJsonSeq(text) };
  return { kind: 'items', items: readJsonLines(text) };
}

function readJsonLines(text: string): SequenceItem[] {
  const items: SequenceItem[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') return;
    items.push(readJson(line, index + 1));
  });
  return items;
}

function readJsonSeq(text: string): SequenceItem[] {
  const items: SequenceItem[] = [];
  let line = 1;
  const records = text.split(recordSeparator);
  records.forEach((record, index) => {
    const at = line;
    line += countLines(record);
    // Text before the first separator is not a record; an empty record (two separators) neither.
    if (index === 0) {
      if (record.trim() !== '') {
        items.push({
          ok: false,
          reason: 'text before the first record separator (0x1E)',
          line: at,
        });
      }
      return;
    }
    if (record.trim() === '') return;
    items.push(readJson(record, at));
  });
  return items;
}

function readEvents(text: string): SequenceItem[] {
  const items: SequenceItem[] = [];
  let event: Record<string, unknown> = {};
  let data: string[] | undefined;
  let fields = 0;
  let start = 1;
  const dispatch = (): void => {
    if (fields > 0) {
      items.push({
        ok: true,
        value: data === undefined ? event : { ...event, data: data.join('\n') },
        line: start,
      });
    }
    event = {};
    data = undefined;
    fields = 0;
  };
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    if (line === '') {
      dispatch();
      start = index + 2;
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const name = colon < 0 ? line : line.slice(0, colon);
    const raw = colon < 0 ? '' : line.slice(colon + 1);
    const value = raw.startsWith(' ') ? raw.slice(1) : raw;
    if (name === 'data') {
      data = [...(data ?? []), value];
      fields++;
    } else if (name === 'event' || (name === 'id' && !value.includes('\u0000'))) {
      event[name] = value;
      fields++;
    } else if (name === 'retry' && /^\d+$/.test(value)) {
      event.retry = Number(value);
      fields++;
    }
  });
  dispatch();
  return items;
}

function readJson(text: string, line: number): SequenceItem {
  try {
    const value: unknown = JSON.parse(text);
    return { ok: true, value, line };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error), line };
  }
}

function countLines(text: string): number {
  let count = 0;
  for (const char of text) if (char === '\n') count++;
  return count;
}
