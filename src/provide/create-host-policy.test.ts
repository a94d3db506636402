import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UsageError } from '../errors.ts';
import { createHostPolicy } from './create-host-policy.ts';

describe('createHostPolicy', () => {
  const accepted: string[] = [
    'api.example.com',
    '*.example.com',
    'hooks.test:8443',
    '10.0.0.7',
    '10.0.0.7:80',
    '::2',
    '[::2]',
    '[::2]:9000',
    ' spaced.example.com ',
  ];
  for (const entry of accepted) {
    it(`accepts ${JSON.stringify(entry)}`, () => {
      assert.deepEqual(createHostPolicy({ allowHosts: [entry] }), {
        allowHosts: [entry.trim()],
        allowAnyHost: false,
      });
    });
  }

  const refused: Array<{ entry: string; hint: RegExp }> = [
    { entry: '', hint: /one host per --allow-host/ },
    { entry: 'http://foo.example/', hint: /here: --allow-host foo\.example\)/ },
    { entry: 'https://hooks.test:8443/x', hint: /here: --allow-host hooks\.test:8443\)/ },
    { entry: 'a.example,b.example', hint: /repeat the flag/ },
    { entry: 'example.com/hooks', hint: /without scheme or path/ },
    { entry: 'two words', hint: /one host per --allow-host/ },
    { entry: '[not-ipv6]', hint: /one host per --allow-host/ },
  ];
  for (const { entry, hint } of refused) {
    it(`refuses ${JSON.stringify(entry)} with a usage error`, () => {
      assert.throws(
        () => createHostPolicy({ allowHosts: [entry] }),
        (error: unknown) => {
          assert.ok(error instanceof UsageError);
          assert.match(error.message, /is not a host this tool can match/);
          assert.match(error.hint ?? '', hint);
          return true;
        },
      );
    });
  }

  it('defaults to loopback only', () => {
    assert.deepEqual(createHostPolicy({}), { allowHosts: [], allowAnyHost: false });
    assert.equal(createHostPolicy({ allowAnyHost: true }).allowAnyHost, true);
  });
});
