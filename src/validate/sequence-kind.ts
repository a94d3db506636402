import { parseMediaType } from './media-type.ts';

/** How a sequential media type (OAS 3.2) separates its items. */
export type SequenceKind = 'json-lines' | 'json-seq' | 'event-stream';

const jsonLines = new Set([
  'application/jsonl',
  'application/x-jsonl',
  'application/jsonlines',
  'application/x-jsonlines',
  'application/x-ndjson',
  'application/ndjson',
]);

/**
 * The sequence a media type carries: JSON Lines / NDJSON (one JSON text per line), JSON text
 * sequences (RFC 7464: each JSON text after a record separator, `application/json-seq` and
 * `+json-seq`), or server-sent events (`text/event-stream`); `undefined` for any other type.
 *
 * @example
 * sequenceKind('application/x-ndjson') // 'json-lines'
 * sequenceKind('application/json')     // undefined
 */
export function sequenceKind(mediaType: string): SequenceKind | undefined {
  const media = parseMediaType(mediaType);
  if (media === undefined) return undefined;
  if (jsonLines.has(media.essence)) return 'json-lines';
  if (media.essence === 'application/json-seq' || media.suffix === 'json-seq') return 'json-seq';
  if (media.essence === 'text/event-stream') return 'event-stream';
  return undefined;
}
