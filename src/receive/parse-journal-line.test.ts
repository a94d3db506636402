import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Exchange } from './exchange.ts';
import { parseJournalLine } from './parse-journal-line.ts';
import { serialiseExchange } from './serialise-exchange.ts';

test('a journal line keeps the raw bytes and reads back to the same exchange', () => {
  const exchange: Exchange = {
    id: 'ex-000001',
    receivedAt: '2026-01-01T00:00:00.000Z',
    request: {
      method: 'POST',
      url: '/tok/cb/x?y=1',
      headers: { 'content-type': 'application/json', 'x-many': ['a', 'b'] },
      body: new Uint8Array([0x7b, 0xff, 0x00, 0x7d]),
    },
    contract: 'x/y/post',
    token: 'trigger-1',
    parsedBody: { ignored: true },
    findings: [{ check: 'body.json', severity: 'error', message: 'bad', where: '/body' }],
    answer: { status: 400, headers: { 'content-type': 'text/plain' }, body: 'bad\n' },
    verdict: 'fail',
  };
  const line = serialiseExchange(exchange);
  assert.ok(line.endsWith('\n'));
  assert.equal(line.indexOf('\n'), line.length - 1, 'exactly one line');
  assert.match(line, /^\{"id":"ex-000001","receivedAt":/);
  assert.ok(line.includes('"bodyBase64":"e/8AfQ=="'));
  const back = parseJournalLine(line);
  const { parsedBody: _dropped, ...expected } = exchange;
  assert.deepEqual(back, expected);
});

const junk = ['', 'not json', '{"id":1}', '[1,2]', '{"id":"ex-1"}'];
for (const line of junk) {
  test(`parseJournalLine ignores ${JSON.stringify(line)}`, () => {
    assert.equal(parseJournalLine(line), undefined);
  });
}
