import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSequence } from './parse-sequence.ts';
import type { SequenceKind } from './sequence-kind.ts';
import { sequenceKind } from './sequence-kind.ts';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('parseSequence', () => {
  const cases: Array<[name: string, kind: SequenceKind, text: string, want: unknown[]]> = [
    [
      'JSON Lines',
      'json-lines',
      '{"a":1}\n{"a":2}\n',
      [
        [true, { a: 1 }, 1],
        [true, { a: 2 }, 2],
      ],
    ],
    [
      'JSON Lines with CRLF, blank lines and no final newline',
      'json-lines',
      '1\r\n\r\n"x"',
      [
        [true, 1, 1],
        [true, 'x', 3],
      ],
    ],
    [
      'a JSON Lines line that is not JSON',
      'json-lines',
      '{"a":1}\n{a:2}\n',
      [
        [true, { a: 1 }, 1],
        [false, 'bad', 2],
      ],
    ],
    ['an empty JSON Lines body', 'json-lines', '\n', []],
    [
      'JSON text sequence',
      'json-seq',
      '\u001e{"a":1}\n\u001e[2]\n',
      [
        [true, { a: 1 }, 1],
        [true, [2], 2],
      ],
    ],
    [
      'a JSON text sequence with text before the first separator',
      'json-seq',
      'x\n\u001e1\n',
      [
        [false, 'bad', 1],
        [true, 1, 2],
      ],
    ],
    [
      'server-sent events',
      'event-stream',
      'event: progress\nid: 1\ndata: {"percent":50}\n\n: keep-alive\n\ndata: a\ndata: b\nretry: 1500\n\n',
      [
        [true, { event: 'progress', id: '1', data: '{"percent":50}' }, 1],
        [true, { retry: 1500, data: 'a\nb' }, 7],
      ],
    ],
    [
      'an event without data, an unknown field, a bad retry, no final blank line',
      'event-stream',
      'event: ping\nfoo: bar\nretry: soon\n\ndata:x',
      [
        [true, { event: 'ping' }, 1],
        [true, { data: 'x' }, 5],
      ],
    ],
    [
      'a field with no colon and CR line ends',
      'event-stream',
      'data\r\r',
      [[true, { data: '' }, 1]],
    ],
  ];
  for (const [name, kind, text, want] of cases) {
    it(name, () => {
      const parsed = parseSequence(bytes(text), kind);
      assert.equal(parsed.kind, 'items');
      if (parsed.kind !== 'items') return;
      assert.deepEqual(
        parsed.items.map((item) =>
          item.ok ? [true, item.value, item.line] : [false, 'bad', item.line],
        ),
        want,
      );
    });
  }

  it('bytes that are not UTF-8 say where', () => {
    assert.deepEqual(parseSequence(new Uint8Array([0x31, 0x0a, 0xff]), 'json-lines'), {
      kind: 'encoding',
      offset: 2,
    });
  });
});

describe('sequenceKind', () => {
  const cases: Array<[string, SequenceKind | undefined]> = [
    ['application/jsonl', 'json-lines'],
    ['application/x-ndjson; charset=utf-8', 'json-lines'],
    ['application/json-seq', 'json-seq'],
    ['application/geo+json-seq', 'json-seq'],
    ['text/event-stream', 'event-stream'],
    ['application/json', undefined],
    ['text/plain', undefined],
    ['nonsense', undefined],
  ];
  for (const [mediaType, want] of cases) {
    it(`${mediaType} → ${want}`, () => assert.equal(sequenceKind(mediaType), want));
  }
});
