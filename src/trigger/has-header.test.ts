import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasHeader } from './has-header.ts';

test('hasHeader: matches names whatever their case', () => {
  const cases: Array<[Record<string, string>, string, boolean]> = [
    [{}, 'content-type', false],
    [{ 'Content-Type': 'a/b' }, 'content-type', true],
    [{ 'content-type': 'a/b' }, 'CONTENT-TYPE', true],
    [{ 'Content-Length': '1' }, 'content-type', false],
  ];
  for (const [headers, name, want] of cases) assert.equal(hasHeader(headers, name), want, name);
});
