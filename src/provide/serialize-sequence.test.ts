import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSequence } from '../validate/parse-sequence.ts';
import type { SequenceKind } from '../validate/sequence-kind.ts';
import { serializeBody } from './serialize-body.ts';
import { serializeSequence } from './serialize-sequence.ts';

describe('serializeSequence', () => {
  const cases: Array<[SequenceKind, unknown, string]> = [
    ['json-lines', [{ a: 1 }, [2], 'x'], '{"a":1}\n[2]\n"x"\n'],
    ['json-lines', { a: 1 }, '{"a":1}\n'],
    ['json-lines', [], ''],
    ['json-seq', [{ a: 1 }, null], '\u001e{"a":1}\n\u001enull\n'],
    [
      'event-stream',
      [{ event: 'progress', id: '7', retry: 100, data: '{"percent":5}' }, { data: 'two\nlines' }],
      'event: progress\nid: 7\nretry: 100\ndata: {"percent":5}\n\ndata: two\ndata: lines\n\n',
    ],
    ['event-stream', [{ data: { n: 1 } }, 'plain'], 'data: {"n":1}\n\ndata: plain\n\n'],
    ['event-stream', [{ event: 'a\nb' }], 'event: a b\n\n'],
  ];
  for (const [kind, value, want] of cases) {
    it(`${kind}: ${JSON.stringify(value)}`, () =>
      assert.equal(serializeSequence(value, kind), want));
  }

  const roundTrips: Array<[SequenceKind, unknown[]]> = [
    [
      'json-lines',
      [
        { path: '/a', bytes: 1 },
        { path: '/b\nc', bytes: 2 },
      ],
    ],
    ['json-seq', [1, 'two', { three: [3] }]],
    [
      'event-stream',
      [
        { event: 'progress', data: '{"percent":50}' },
        { event: 'done', id: '9', data: 'a\nb' },
      ],
    ],
  ];
  for (const [kind, items] of roundTrips) {
    it(`what it writes for ${kind} reads back as the same items`, () => {
      const parsed = parseSequence(new TextEncoder().encode(serializeSequence(items, kind)), kind);
      assert.equal(parsed.kind, 'items');
      if (parsed.kind !== 'items') return;
      assert.deepEqual(
        parsed.items.map((item) => (item.ok ? item.value : item.reason)),
        items,
      );
    });
  }

  it('serializeBody writes a list for application/x-ndjson as lines, a string as written', () => {
    const decode = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);
    assert.equal(
      decode(serializeBody([{ a: 1 }, { a: 2 }], 'application/x-ndjson').body),
      '{"a":1}\n{"a":2}\n',
    );
    assert.equal(decode(serializeBody('{"a":1}\n', 'application/jsonl').body), '{"a":1}\n');
  });
});
