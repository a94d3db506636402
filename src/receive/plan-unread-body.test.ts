import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planUnreadBody, type UnreadBody } from './plan-unread-body.ts';

test('planUnreadBody: an aborted body is dropped, an oversized one answered 413 saying how it was seen', () => {
  const cases: Array<[string, UnreadBody, number, boolean, string, RegExp]> = [
    [
      'aborted',
      { kind: 'aborted', bytes: new Uint8Array(3) },
      10,
      true,
      'request.aborted',
      /closed the connection after 3 body bytes/,
    ],
    [
      'announced too large',
      { kind: 'too-large', received: 0, declared: 20 },
      10,
      false,
      'body.too-large',
      /limit of 10 bytes \(Content-Length announces 20 bytes\)/,
    ],
    [
      'grew too large',
      { kind: 'too-large', received: 11 },
      10,
      false,
      'body.too-large',
      /limit of 10 bytes \(more than 10 bytes arrived\)/,
    ],
  ];
  for (const [name, body, max, dropped, check, message] of cases) {
    const planned = planUnreadBody(body, max);
    assert.equal(planned.answer.dropped === true, dropped, name);
    assert.equal(planned.answer.status, dropped ? 0 : 413, name);
    assert.equal(planned.findings.length, 1, name);
    assert.equal(planned.findings[0]?.check, check, name);
    assert.equal(planned.findings[0]?.severity, 'error', name);
    assert.match(planned.findings[0]?.message ?? '', message, name);
  }
  assert.equal(planUnreadBody({ kind: 'too-large', received: 11 }, 10).findings[0]?.actual, 11);
  assert.equal(
    planUnreadBody({ kind: 'too-large', received: 0, declared: 20 }, 10).answer.headers.connection,
    'close',
  );
});
