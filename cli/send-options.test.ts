import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSendFlags, type SendFlags } from './send-options.ts';

const base: SendFlags = { to: 'http://127.0.0.1:4000/hooks', timeout: '10' };

test('parseSendFlags: flags become sendDeliveries options', () => {
  assert.deepEqual(
    parseSendFlags(
      'orderShipped',
      {
        ...base,
        timeout: '2.5',
        header: ['X-Trace: abc', 'Authorization:  Bearer t '],
        allowHost: ['hooks.test'],
        invalid: true,
        example: 'shipped',
      },
      {},
    ),
    {
      to: 'http://127.0.0.1:4000/hooks',
      all: false,
      invalid: true,
      headers: { 'x-trace': 'abc', authorization: 'Bearer t' },
      allowHosts: ['hooks.test'],
      allowAnyHost: false,
      timeoutMs: 2500,
      contract: 'orderShipped',
      example: 'shipped',
    },
  );
});

test('parseSendFlags: the signing secret comes from --secret, else CALLBACK_VERIFY_SECRET', () => {
  const fromFlag = parseSendFlags(undefined, { ...base, sign: 'github', secret: 'a' }, {});
  assert.deepEqual([fromFlag.sign, fromFlag.secret], ['github', 'a']);
  const fromEnv = parseSendFlags(
    undefined,
    { ...base, sign: 'github' },
    { CALLBACK_VERIFY_SECRET: 'b' },
  );
  assert.deepEqual([fromEnv.sign, fromEnv.secret], ['github', 'b']);
});

test('parseSendFlags: each bad flag is a CV_USAGE naming it', () => {
  const cases: Array<[Partial<SendFlags>, RegExp]> = [
    [{ example: 'a', body: 'b.json' }, /--example and --body both choose the payload/],
    [{ timeout: 'soon' }, /--timeout must be a positive number of seconds/],
    [{ header: ['no colon'] }, /--header takes "Name: value", got "no colon"/],
    [{ header: ['bad name: x'] }, /--header takes "Name: value"/],
    [{ sign: 'pgp' }, /Unknown signature scheme "pgp"/],
  ];
  for (const [flags, message] of cases) {
    assert.throws(() => parseSendFlags(undefined, { ...base, ...flags }, {}), {
      code: 'CV_USAGE',
      message,
    });
  }
});
