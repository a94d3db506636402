import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { HttpMethod } from './contract.ts';
import { isAdditionalMethod } from './path-item.ts';
import { isSameMethod, wireMethod } from './wire-method.ts';

function method(key: string): HttpMethod {
  if (key === 'post' || key === 'query') return key;
  if (isAdditionalMethod(key)) return key;
  throw new Error(`not a method: ${key}`);
}

describe('wireMethod', () => {
  const cases: Array<[string, string]> = [
    ['post', 'POST'],
    ['query', 'QUERY'],
    ['PURGE', 'PURGE'],
    ['purge', 'purge'],
    ['Link', 'Link'],
  ];
  for (const [given, want] of cases) {
    test(`${given} → ${want}`, () => assert.equal(wireMethod(given), want));
  }
});

describe('isSameMethod', () => {
  const cases: Array<[received: string, declared: string, want: boolean]> = [
    ['POST', 'post', true],
    ['post', 'post', true],
    ['QUERY', 'query', true],
    ['GET', 'post', false],
    ['PURGE', 'PURGE', true],
    ['purge', 'PURGE', false],
    ['PURGE', 'purge', false],
    ['POST', 'PURGE', false],
  ];
  for (const [received, declared, want] of cases) {
    test(`${received} against ${declared} → ${want}`, () =>
      assert.equal(isSameMethod(received, method(declared)), want));
  }
});
