import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createToken } from './create-token.ts';

test('tokens are 16 bytes of base64url and never repeat, across many refills of the pool', () => {
  const seen = new Set<string>();
  for (let i = 0; i < 2000; i += 1) {
    const token = createToken();
    assert.match(token, /^[A-Za-z0-9_-]{22}$/);
    assert.equal(Buffer.from(token, 'base64url').length, 16);
    seen.add(token);
  }
  assert.equal(seen.size, 2000);
});
