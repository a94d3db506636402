import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError } from '../errors.ts';
import { parseConfig } from './parse-config.ts';

test('parseConfig reads every documented key', () => {
  const config = parseConfig(
    {
      provider: 'http://127.0.0.1:8000',
      headers: { Authorization: 'Bearer t', 'X-Num': 3 },
      timeout: 2.5,
      concurrency: 4,
      callbackBase: 'http://127.0.0.1:4999',
      respond: { '*': [503, 200] },
      operations: {
        createInvoice: {
          parameters: { callback_url: 'x', limit: 2 },
          body: { id: 'inv-1' },
          headers: { 'X-Tenant': 'a' },
          expect: { contracts: ['createInvoice/invoicePaid/post'], count: 2 },
          timeout: 1,
          respond: {
            'createInvoice/invoicePaid/post': { statuses: [500], delayMs: 10, drop: false },
          },
        },
        'POST /orders': { skip: true, body: null },
      },
    },
    'cv.yaml',
  );
  assert.deepEqual(config, {
    provider: 'http://127.0.0.1:8000',
    headers: { Authorization: 'Bearer t', 'X-Num': '3' },
    timeout: 2.5,
    concurrency: 4,
    callbackBase: 'http://127.0.0.1:4999',
    respond: { '*': { statuses: [503, 200] } },
    operations: {
      createInvoice: {
        parameters: { callback_url: 'x', limit: 2 },
        body: { id: 'inv-1' },
        headers: { 'X-Tenant': 'a' },
        expect: { contracts: ['createInvoice/invoicePaid/post'], count: 2 },
        timeout: 1,
        respond: {
          'createInvoice/invoicePaid/post': { statuses: [500], delayMs: 10, drop: false },
        },
      },
      'POST /orders': { skip: true, body: null },
    },
  });
});

const bad: Array<{ name: string; value: unknown; message: RegExp }> = [
  { name: 'not an object', value: [1], message: /"\(root\)" must be an object/ },
  { name: 'unknown top-level key', value: { timeuot: 3 }, message: /unknown key "timeuot"/ },
  {
    name: 'negative timeout',
    value: { timeout: -1 },
    message: /"timeout" must be a positive number/,
  },
  {
    name: 'provider not a URL',
    value: { provider: 'localhost' },
    message: /"provider" must be an http\(s\) URL/,
  },
  {
    name: 'unknown operation key',
    value: { operations: { op: { bodyy: 1 } } },
    message: /unknown key "operations\.op\.bodyy"/,
  },
  {
    name: 'status out of range',
    value: { operations: { op: { respond: { '*': [503, 999] } } } },
    message: /"operations\.op\.respond\.\*\[1\]" must be an HTTP status/,
  },
  {
    name: 'expect count not whole',
    value: { operations: { op: { expect: { count: 1.5 } } } },
    message: /"operations\.op\.expect\.count" must be a whole number/,
  },
  {
    name: 'header not a string',
    value: { headers: { A: { b: 1 } } },
    message: /"headers\.A" must be a string/,
  },
  {
    name: 'tls not an object',
    value: { tls: 'cert.pem' },
    message: /"tls" must be an object/,
  },
  {
    name: 'tls without its key',
    value: { tls: { cert: 'cert.pem' } },
    message: /"tls" needs both "cert" and "key", "key" is missing/,
  },
  {
    name: 'tls without its certificate',
    value: { tls: { key: 'key.pem' } },
    message: /"tls" needs both "cert" and "key", "cert" is missing/,
  },
  {
    name: 'an unknown tls key',
    value: { tls: { cert: 'c.pem', key: 'k.pem', ca: 'ca.pem' } },
    message: /unknown key "tls\.ca"/,
  },
  {
    name: 'tls.cert not a path',
    value: { tls: { cert: 3, key: 'key.pem' } },
    message: /"tls\.cert" must be a file path, got 3/,
  },
  {
    name: 'ca a single path',
    value: { ca: 'rootCA.pem' },
    message: /"ca" must be a list of PEM file paths/,
  },
  {
    name: 'an empty ca entry',
    value: { ca: ['rootCA.pem', ''] },
    message: /"ca\[1\]" must be a file path/,
  },
  {
    name: 'concurrency zero',
    value: { concurrency: 0 },
    message: /"concurrency" must be a whole number of at least 1/,
  },
];

const paths: Array<{ name: string; value: unknown; source: string; want: unknown }> = [
  {
    name: 'relative paths against the config file folder',
    value: { tls: { cert: 'tls/cert.pem', key: '../key.pem' }, ca: ['rootCA.pem'] },
    source: '/srv/app/callback-verify.config.yaml',
    want: {
      tls: { cert: '/srv/app/tls/cert.pem', key: '/srv/key.pem' },
      ca: ['/srv/app/rootCA.pem'],
    },
  },
  {
    name: 'absolute paths as given',
    value: { tls: { cert: '/etc/cv/cert.pem', key: '/etc/cv/key.pem' }, ca: ['/a.pem', 'b.pem'] },
    source: '/srv/app/cv.json',
    want: {
      tls: { cert: '/etc/cv/cert.pem', key: '/etc/cv/key.pem' },
      ca: ['/a.pem', '/srv/app/b.pem'],
    },
  },
  { name: 'an empty ca list', value: { ca: [] }, source: '/srv/cv.json', want: { ca: [] } },
];

for (const { name, value, source, want } of paths) {
  test(`parseConfig reads tls and ca: ${name}`, () => {
    assert.deepEqual(parseConfig(value, source), want);
  });
}

for (const { name, value, message } of bad) {
  test(`parseConfig rejects ${name}`, () => {
    assert.throws(
      () => parseConfig(value, 'cv.json'),
      (error: unknown) =>
        error instanceof ConfigError &&
        error.code === 'CV_CONFIG_INVALID' &&
        message.test(error.message),
    );
  });
}
