import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type MockFlags, parseMockFlags } from './mock-options.ts';

const defaults: MockFlags = {
  host: '127.0.0.1',
  port: '4010',
  delay: '100',
  order: 'declared',
  deliveryTimeout: '10',
};

test('parseMockFlags: the defaults become provider options', () => {
  const settings = parseMockFlags(defaults, {});
  assert.deepEqual(
    { ...settings.provider, toolVersion: undefined },
    {
      host: '127.0.0.1',
      port: 4010,
      delayMs: 100,
      order: 'declared',
      dynamic: false,
      allowHosts: [],
      allowAnyHost: false,
      deliveryTimeoutMs: 10_000,
      toolVersion: undefined,
    },
  );
  assert.equal(settings.json, false);
  assert.deepEqual(settings.reporters, []);
  assert.equal(settings.timeoutMs, undefined);
  assert.equal(settings.expect, undefined);
});

test('parseMockFlags: signing takes the secret from --secret or CALLBACK_VERIFY_SECRET', () => {
  const fromFlag = parseMockFlags({ ...defaults, sign: 'github', secret: 's1' }, {});
  assert.deepEqual(fromFlag.provider.sign, { scheme: 'github', secret: 's1' });
  const fromEnv = parseMockFlags({ ...defaults, sign: 'github' }, { CALLBACK_VERIFY_SECRET: 's2' });
  assert.deepEqual(fromEnv.provider.sign, { scheme: 'github', secret: 's2' });
});

test('parseMockFlags: each bad flag is a coded error naming it', () => {
  const cases: Array<{ flags: Partial<MockFlags>; code: string; message: RegExp }> = [
    {
      flags: { order: 'random' },
      code: 'CV_USAGE',
      message: /--order must be declared or reverse/,
    },
    { flags: { port: 'abc' }, code: 'CV_USAGE', message: /--port/ },
    { flags: { delay: '-1' }, code: 'CV_USAGE', message: /--delay/ },
    { flags: { deliveryTimeout: '0' }, code: 'CV_USAGE', message: /--delivery-timeout/ },
    { flags: { timeout: 'soon' }, code: 'CV_USAGE', message: /--timeout/ },
    { flags: { expect: '0' }, code: 'CV_USAGE', message: /--expect/ },
    { flags: { reporter: ['pdf'] }, code: 'CV_USAGE', message: /Unknown reporter "pdf"/ },
    { flags: { sign: 'github' }, code: 'CV_SIGNATURE_CONFIG', message: /needs a secret/ },
    { flags: { secret: 's' }, code: 'CV_USAGE', message: /--secret is only used with --sign/ },
  ];
  for (const { flags, code, message } of cases) {
    assert.throws(() => parseMockFlags({ ...defaults, ...flags }, {}), { code, message }, code);
  }
});
