import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeMissing } from './describe-missing.ts';
import { sentTrigger } from './sent-trigger.test-fixture.ts';

test('describeMissing: a failed or refused trigger explains the silence better than the timeout', () => {
  const cases: Array<[string, Parameters<typeof sentTrigger>[1], RegExp]> = [
    ['answered', {}, /^No callback arrived within 1 s of the trigger response \(HTTP 200\)\.$/],
    [
      'failed',
      { error: 'connect ECONNREFUSED' },
      /^No callback arrived: the trigger request itself failed \(connect ECONNREFUSED\)\.$/,
    ],
    ['refused', { status: 401 }, /answered HTTP 401, so the provider may have had no reason/],
    ['no status', { status: undefined }, /\(HTTP —\)\.$/],
  ];
  for (const [name, overrides, want] of cases) {
    assert.match(describeMissing(sentTrigger('t', overrides)), want, name);
  }
});
