import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UsageError } from '../src/errors.ts';
import { parseSignatureFlags } from './parse-signature-flags.ts';

test('parseSignatureFlags: a known scheme with --secret, else CALLBACK_VERIFY_SECRET', () => {
  const env = { CALLBACK_VERIFY_SECRET: 'from-env' };
  const cases: Array<{
    scheme?: string;
    secret?: string;
    env: NodeJS.ProcessEnv;
    want: ReturnType<typeof parseSignatureFlags>;
  }> = [
    { env, want: undefined },
    { secret: 's', env, want: undefined },
    { scheme: 'github', secret: 'flag', env, want: { scheme: 'github', secret: 'flag' } },
    { scheme: 'stripe', env, want: { scheme: 'stripe', secret: 'from-env' } },
    { scheme: 'hmac-sha256', env: {}, want: { scheme: 'hmac-sha256' } },
    {
      scheme: 'standard-webhooks',
      secret: '',
      env,
      want: { scheme: 'standard-webhooks', secret: '' },
    },
  ];
  for (const { scheme, secret, env: given, want } of cases) {
    assert.deepEqual(parseSignatureFlags(scheme, secret, given), want, `${scheme} ${secret}`);
  }
});

test('parseSignatureFlags: an unknown scheme is a UsageError listing the known ones', () => {
  assert.throws(
    () => parseSignatureFlags('md5', 's', {}),
    (error) =>
      error instanceof UsageError &&
      error.message === 'Unknown signature scheme "md5".' &&
      /standard-webhooks, github, stripe, hmac-sha256/.test(error.hint ?? ''),
  );
});
