import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { samplePattern } from './sample-pattern.ts';

describe('samplePattern', () => {
  const matching = [
    '^\\d{2}:\\d{2}:\\d{2}$',
    'HH:mm:SS',
    '^[A-Z]{3}$',
    '^[a-f0-9]{40}$',
    '^\\+?[1-9]\\d{1,14}$',
    '^\\w+@\\w+\\.com$',
    '^[a-z]+(-[a-z]+)*$',
    '^(?:[A-Z]{2})?$',
    '^(ab|cd){2}-x$',
    '^v[0-9]+(\\.[0-9]+){2}$',
    '^[\\w.-]+$',
    'x|y',
  ];
  for (const pattern of matching) {
    it(`gives a string matching ${pattern}`, () => {
      const sampled = samplePattern(pattern);
      assert.equal(typeof sampled, 'string');
      assert.match(String(sampled), new RegExp(pattern, 'u'));
    });
  }

  it('gives the same string for the same pattern on every call', () => {
    assert.equal(samplePattern('^[a-z]{12}$'), samplePattern('^[a-z]{12}$'));
  });

  it('gives nothing for a pattern that is not a regular expression', () => {
    assert.equal(samplePattern('(['), undefined);
  });
});
