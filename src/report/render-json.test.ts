import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderJson } from './render-json.ts';
import type { Report } from './report.ts';
import { conformantRun, failingRun, sendReport } from './sample-reports.test-fixture.ts';

const reportKeys = [
  'tool',
  'command',
  'spec',
  'startedAt',
  'finishedAt',
  'contracts',
  'triggers',
  'expectations',
  'deliveries',
  'exchanges',
  'findings',
  'provider',
  'summary',
];

// Payloads and headers are data: their own key order is kept, so they are left alone.
const dataKeys = new Set([
  'requestBody',
  'responseBody',
  'parsedBody',
  'headers',
  'expected',
  'actual',
]);

/** The same report with the keys of every model object in reverse order. */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, item]) => [key, dataKeys.has(key) ? item : reversed(item)]),
  );
}

describe('renderJson', () => {
  const cases: Array<{ name: string; given: Report; want: { keys: string[] } }> = [
    {
      name: 'conformant run (no provider)',
      given: conformantRun,
      want: { keys: reportKeys.filter((k) => k !== 'provider') },
    },
    { name: 'failing run', given: failingRun, want: { keys: reportKeys } },
    { name: 'send', given: sendReport, want: { keys: reportKeys.filter((k) => k !== 'provider') } },
  ];
  for (const { name, given, want } of cases) {
    it(`${name}: keys in model order, 2-space indent, summary intact`, () => {
      const text = renderJson(given);
      assert.ok(text.endsWith('}\n'));
      assert.match(text, /^\{\n {2}"tool": \{\n {4}"name": "callback-verify",/);
      const parsed = JSON.parse(text) as Record<string, unknown>;
      assert.deepEqual(Object.keys(parsed), want.keys);
      assert.deepEqual(parsed.summary, given.summary);
      assert.equal(renderJson(reversed(given) as Report), text, 'input key order does not matter');
    });
  }

  it('writes raw bodies as bytes, base64 and text; findings keep their fields in order', () => {
    const parsed = JSON.parse(renderJson(failingRun));
    const first = parsed.exchanges[0];
    assert.deepEqual(Object.keys(first), [
      'id',
      'receivedAt',
      'request',
      'contract',
      'parsedBody',
      'findings',
      'answer',
      'verdict',
    ]);
    assert.deepEqual(first.request.body, {
      bytes: 27,
      base64: Buffer.from('{"id":"inv-1","paid":"yes"}').toString('base64'),
      text: '{"id":"inv-1","paid":"yes"}',
    });
    assert.deepEqual(Object.keys(first.findings[0]), [
      'check',
      'severity',
      'message',
      'contract',
      'where',
      'spec',
      'expected',
      'actual',
    ]);
    assert.equal(parsed.exchanges[3].request.body.text, 'bell\u0007 & <b>bold</b> ]]>');
  });

  it('leaves text out for bodies that are not UTF-8, and copes with odd values', () => {
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    const report: Report = {
      ...conformantRun,
      exchanges: conformantRun.exchanges.map((exchange) => ({
        ...exchange,
        request: { ...exchange.request, body: new Uint8Array([0xff, 0xfe, 0x00]) },
        parsedBody: {
          big: 10n,
          bytes: new Uint8Array([104, 105]),
          nan: Number.NaN,
          cyclic,
          gone: undefined,
        },
      })),
    };
    const parsed = JSON.parse(renderJson(report));
    assert.deepEqual(parsed.exchanges[0].request.body, { bytes: 3, base64: '//4A' });
    assert.deepEqual(parsed.exchanges[0].parsedBody, {
      big: '10',
      bytes: { bytes: 2, base64: 'aGk=', text: 'hi' },
      nan: null,
      cyclic: { name: 'loop', self: '[Circular]' },
    });
  });
});
