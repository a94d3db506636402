import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inspectBody } from './inspect-body.ts';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

const cases: Array<{
  name: string;
  contentType?: string;
  body: Uint8Array;
  checks: string[];
  unusable: boolean;
}> = [
  {
    name: 'valid JSON',
    contentType: 'application/json',
    body: utf8('{"a":1}'),
    checks: [],
    unusable: false,
  },
  {
    name: 'malformed JSON',
    contentType: 'application/json',
    body: utf8('{"a":'),
    checks: ['body.json'],
    unusable: true,
  },
  {
    name: 'malformed +json',
    contentType: 'application/cloudevents+json; charset=utf-8',
    body: utf8('nope'),
    checks: ['body.json'],
    unusable: true,
  },
  {
    name: 'malformed text/json (JSON to the validator too)',
    contentType: 'text/json',
    body: utf8('{"a":'),
    checks: ['body.json'],
    unusable: true,
  },
  {
    name: 'quoted, upper-case UTF-8 charset',
    contentType: 'text/plain; charset="UTF-8"',
    body: new Uint8Array([0x61, 0xc3, 0x28]),
    checks: ['body.encoding'],
    unusable: false,
  },
  {
    name: 'JSON that is not UTF-8',
    contentType: 'application/json',
    body: new Uint8Array([0x22, 0xff, 0x22]),
    checks: ['body.encoding'],
    unusable: true,
  },
  {
    name: 'text that is not UTF-8',
    contentType: 'text/plain',
    body: new Uint8Array([0x61, 0xc3, 0x28]),
    checks: ['body.encoding'],
    unusable: false,
  },
  {
    name: 'overlong encoding',
    contentType: 'text/plain',
    body: new Uint8Array([0xc0, 0xaf]),
    checks: ['body.encoding'],
    unusable: false,
  },
  {
    name: 'surrogate code point',
    contentType: 'text/plain',
    body: new Uint8Array([0xed, 0xa0, 0x80]),
    checks: ['body.encoding'],
    unusable: false,
  },
  {
    name: 'latin-1 text declared as such',
    contentType: 'text/plain; charset=iso-8859-1',
    body: new Uint8Array([0xe9]),
    checks: [],
    unusable: false,
  },
  {
    name: 'binary content type',
    contentType: 'application/octet-stream',
    body: new Uint8Array([0xff]),
    checks: [],
    unusable: false,
  },
  {
    name: 'empty body',
    contentType: 'application/json',
    body: new Uint8Array(),
    checks: [],
    unusable: false,
  },
  {
    name: 'multi-byte UTF-8',
    contentType: 'application/json',
    body: utf8('"€ 𝄞"'),
    checks: [],
    unusable: false,
  },
];

for (const { name, contentType, body, checks, unusable } of cases) {
  test(`inspectBody: ${name}`, () => {
    const headers = contentType === undefined ? {} : { 'content-type': contentType };
    const result = inspectBody({ method: 'POST', url: '/', headers, body }, 'c/id/post');
    assert.deepEqual(
      result.findings.map((f) => f.check),
      checks,
    );
    assert.equal(result.unusable, unusable);
    for (const finding of result.findings) assert.equal(finding.contract, 'c/id/post');
  });
}

test('inspectBody names the offset of the first invalid byte', () => {
  const body = new Uint8Array([0x7b, 0x22, 0x61, 0xff]);
  const [finding] = inspectBody({
    method: 'POST',
    url: '/',
    headers: { 'content-type': 'application/json' },
    body,
  }).findings;
  assert.match(finding?.message ?? '', /byte 3 \(0xff\)/);
});
