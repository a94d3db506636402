import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Exchange } from '../../receive/exchange.ts';
import { formatEvent } from './create-event-hub.ts';
import { trimExchange } from './trim-exchange.ts';

function exchange(body: Uint8Array, parsedBody?: unknown): Exchange {
  return {
    id: 'ex-000001',
    receivedAt: '2026-01-02T03:04:05.600Z',
    request: { method: 'POST', url: '/t/cb/x', headers: {}, body },
    ...(parsedBody === undefined ? {} : { parsedBody }),
    findings: [],
    verdict: 'pass',
  };
}

const text = (value: string): Uint8Array => new TextEncoder().encode(value);

interface Want {
  text?: string | RegExp;
  bytes: number;
  parsed: boolean;
}

const cases: Array<[string, Exchange, number, Want]> = [
  [
    'a small JSON body keeps its text and parsed value',
    exchange(text('{"paid":"yes"}'), { paid: 'yes' }),
    100,
    { text: '{"paid":"yes"}', bytes: 14, parsed: true },
  ],
  [
    'a body at the limit is whole',
    exchange(text('x'.repeat(10)), 'x'),
    10,
    { text: 'x'.repeat(10), bytes: 10, parsed: true },
  ],
  [
    'a longer body is cut, says so, and loses its parsed value',
    exchange(text(`"${'y'.repeat(50)}"`), 'y'),
    10,
    { text: /^"y{9}\n… 42 more characters not shown here/, bytes: 52, parsed: false },
  ],
  [
    'a large binary body has no text and no parsed value',
    exchange(new Uint8Array([0xff, 0xfe, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), 'decoded'),
    10,
    { bytes: 12, parsed: false },
  ],
  ['an empty body', exchange(new Uint8Array(0)), 10, { text: '', bytes: 0, parsed: false }],
];

for (const [name, given, limit, want] of cases) {
  test(`trimExchange: ${name}`, () => {
    const json = trimExchange(given, limit) as {
      request: { body: { bytes: number; text?: string; base64?: string } };
      parsedBody?: unknown;
      id: string;
    };
    assert.equal(json.id, 'ex-000001');
    assert.equal(json.request.body.base64, undefined, 'no base64 copy');
    assert.equal(json.request.body.bytes, want.bytes);
    if (want.text === undefined) assert.equal(json.request.body.text, undefined);
    else if (typeof want.text === 'string') assert.equal(json.request.body.text, want.text);
    else assert.match(json.request.body.text ?? '', want.text);
    assert.equal(json.parsedBody !== undefined, want.parsed);
  });
}

test('formatEvent writes one event with a single data line', () => {
  assert.equal(
    formatEvent(7, 'state', '{"a":"b\\nc"}'),
    'id: 7\nevent: state\ndata: {"a":"b\\nc"}\n\n',
  );
});
