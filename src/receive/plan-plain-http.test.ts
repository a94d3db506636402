import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { plainHeadComplete, planPlainHttp } from './plan-plain-http.ts';

const origin = 'https://127.0.0.1:8443';
const bytes = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'latin1'));

describe('planPlainHttp', () => {
  const cases: Array<{
    name: string;
    given: string;
    want: { method: string; url: string; headers: Record<string, unknown>; body: string };
    message: RegExp;
  }> = [
    {
      name: 'a POST with headers and the body bytes that came with its head',
      given: 'POST /t/cb/x HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n\r\n{"a":1}',
      want: {
        method: 'POST',
        url: '/t/cb/x',
        headers: { host: 'a', 'content-type': 'application/json' },
        body: '{"a":1}',
      },
      message:
        /^POST \/t\/cb\/x came as plain HTTP, .* must call https:\/\/127\.0\.0\.1:8443\/t\/cb\/x\.$/,
    },
    {
      name: 'a repeated header is kept as a list',
      given: 'GET / HTTP/1.0\r\nX-A: 1\r\nx-a: 2\r\n\r\n',
      want: { method: 'GET', url: '/', headers: { 'x-a': ['1', '2'] }, body: '' },
      message: /^GET \/ came as plain HTTP/,
    },
    {
      name: 'a head cut short keeps what arrived',
      given: 'PUT /p HTTP/1.1\r\nHost: a',
      want: { method: 'PUT', url: '/p', headers: { host: 'a' }, body: '' },
      message: /^PUT \/p came as plain HTTP/,
    },
    {
      name: 'bytes that are not HTTP are kept whole as the body',
      given: 'HELLO\r\n\r\n',
      want: { method: '', url: '', headers: {}, body: 'HELLO\r\n\r\n' },
      message: /neither TLS nor HTTP/,
    },
  ];
  for (const { name, given, want, message } of cases) {
    test(name, () => {
      const plan = planPlainHttp(bytes(given), origin);
      const { method, url, headers, body } = plan.request;
      assert.deepEqual({ method, url, headers, body: Buffer.from(body).toString('latin1') }, want);
      const [finding] = plan.planned.findings;
      assert.equal(finding?.check, 'request.not-tls');
      assert.equal(finding?.severity, 'error');
      assert.match(finding?.message ?? '', message);
      assert.equal(plan.planned.answer.status, 400);
      assert.match(plan.answer, /^HTTP\/1\.1 400 Bad Request\r\n/);
      const [head = '', text = ''] = plan.answer.split('\r\n\r\n');
      assert.match(head, new RegExp(`Content-Length: ${Buffer.byteLength(text)}`));
      assert.equal(text, `This receiver speaks HTTPS only: use ${origin}.\n`);
    });
  }
});

describe('plainHeadComplete', () => {
  const cases: Array<[string, number, boolean]> = [
    ['GET / HTTP/1.1\r\n\r\n', 1024, true],
    ['GET / HTTP/1.1\r\nHost: a\r\n', 1024, false],
    ['GET / HTTP/1.1\r\nHost: a\r\n', 10, true],
  ];
  for (const [given, limit, want] of cases) {
    test(`${JSON.stringify(given)} (limit ${limit}) → ${want}`, () => {
      assert.equal(plainHeadComplete(bytes(given), limit), want);
    });
  }
});
