import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Exchange } from './exchange.ts';
import { parseJournalLine } from './parse-journal-line.ts';
import { serialiseExchange } from './serialise-exchange.ts';

/** The line as JSON.stringify writes it: the shape the journal has always had. */
function reference(exchange: Exchange): string {
  const { id, receivedAt, request, parsedBody: _parsed, ...rest } = exchange;
  const { body, ...head } = request;
  const line = {
    id,
    receivedAt,
    request: { ...head, bodyBase64: Buffer.from(body).toString('base64') },
    ...rest,
  };
  return `${JSON.stringify(line)}\n`;
}

const base: Exchange = {
  id: 'ex-000001',
  receivedAt: '2026-01-01T00:00:00.000Z',
  request: {
    method: 'POST',
    url: '/tok/cb/op/t1/done?x="1"',
    headers: { 'content-type': 'application/json', 'x-multi': ['a', 'b"c'], 'x-unicode': 'é✓' },
    body: new TextEncoder().encode('{"ok":true,"text":"é\\n"}'),
  },
  findings: [],
  answer: { status: 200, headers: { 'content-type': 'application/json' }, body: '{"ok":true}' },
  verdict: 'pass',
};

const bytes = new Uint8Array([0, 255, 1, 2, 3, 250, 10, 13]);
const cases: Array<[string, Exchange]> = [
  [
    'a passing exchange with contract, token and parsed body',
    {
      ...base,
      contract: 'hook/done/post',
      token: 't1',
      parsedBody: { ok: true },
    },
  ],
  [
    'findings with expected and actual values',
    {
      ...base,
      verdict: 'fail',
      findings: [
        {
          check: 'body.schema',
          severity: 'error',
          message: 'a "quoted" \u2028 message',
          expected: ['a'],
          actual: 1,
        },
      ],
    },
  ],
  [
    'an empty body and no answer',
    (() => {
      const { answer: _answer, ...rest } = base;
      return { ...rest, request: { ...base.request, body: new Uint8Array(0) } };
    })(),
  ],
  [
    'binary bytes viewed inside a larger buffer',
    {
      ...base,
      request: { ...base.request, body: new Uint8Array(bytes.buffer, 2, 5) },
    },
  ],
];

for (const [name, exchange] of cases) {
  test(`serialiseExchange writes the same line as JSON.stringify: ${name}`, () => {
    const line = serialiseExchange(exchange);
    assert.equal(line, reference(exchange));
    assert.deepEqual(
      parseJournalLine(line.trimEnd())?.request.body,
      new Uint8Array(exchange.request.body),
    );
  });
}
