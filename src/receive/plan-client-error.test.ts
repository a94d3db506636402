import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type ClientErrorInput, planClientError } from './plan-client-error.ts';

const limits = { headersTimeoutMs: 100, requestTimeoutMs: 300, errorMessage: 'Parse Error' };
const partial = {
  method: 'POST',
  url: '/t/cb',
  headers: { 'content-length': '10' },
  body: new Uint8Array(4),
};

test('planClientError: status, reason, check and message for each kind of client error', () => {
  const cases: Array<[string, ClientErrorInput, number, string, string, RegExp, string]> = [
    [
      'headers never complete',
      { ...limits, code: 'ERR_HTTP_REQUEST_TIMEOUT' },
      408,
      'Request Timeout',
      'request.timeout',
      /complete request headers within 100 ms/,
      '/',
    ],
    [
      'body never complete',
      { ...limits, code: 'ERR_HTTP_REQUEST_TIMEOUT', request: partial },
      408,
      'Request Timeout',
      'request.timeout',
      /complete request within 300 ms \(4 body bytes arrived\)/,
      '/body',
    ],
    [
      'headers too large',
      { ...limits, code: 'HPE_HEADER_OVERFLOW' },
      431,
      'Request Header Fields Too Large',
      'request.malformed',
      /headers are larger than the receiver accepts/,
      '/',
    ],
    [
      'not HTTP',
      { ...limits, code: 'HPE_INVALID_METHOD' },
      400,
      'Bad Request',
      'request.malformed',
      /not valid HTTP \(HPE_INVALID_METHOD: Parse Error\)/,
      '/',
    ],
  ];
  for (const [name, input, status, reason, check, message, where] of cases) {
    const plan = planClientError(input);
    assert.equal(plan.status, status, name);
    assert.equal(plan.reason, reason, name);
    assert.equal(plan.planned.answer.status, status, name);
    assert.equal(plan.planned.findings[0]?.check, check, name);
    assert.match(plan.planned.findings[0]?.message ?? '', message, name);
    assert.equal(plan.planned.findings[0]?.where, where, name);
  }
});

test('planClientError: keeps what arrived, and the raw bytes of an unparseable request but not of a timeout', () => {
  const raw = new TextEncoder().encode('GARBAGE\r\n');
  assert.equal(
    planClientError({ ...limits, code: 'ERR_HTTP_REQUEST_TIMEOUT', request: partial }).request,
    partial,
  );
  assert.deepEqual(
    planClientError({ ...limits, code: 'HPE_INVALID_METHOD', rawPacket: raw }).request.body,
    raw,
  );
  assert.equal(
    planClientError({ ...limits, code: 'ERR_HTTP_REQUEST_TIMEOUT', rawPacket: raw }).request.body
      .length,
    0,
  );
});
