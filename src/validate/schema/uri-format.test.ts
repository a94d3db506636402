import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { isUri } from './uri-format.ts';

const full = (value: string): boolean => {
  const format = fullFormats.uri;
  return typeof format === 'function' && format(value);
};

describe('isUri decides format: uri as ajv-formats full mode does', () => {
  const cases: Array<[string, boolean]> = [
    ['https://api.github.com/orgs/octo-org', true],
    ['http://127.0.0.1:8080/hooks?x=1&y=2#top', true],
    ['https://example.com', true],
    ['https://example.com/a%20b', true],
    ['https://user:pw@example.com/', true],
    ['http://[::1]:80/', true],
    ['mailto:octocat@github.com', true],
    ['urn:isbn:0451450523', true],
    ['https://api.github.com/users/octocat/following{/other_user}', false],
    ['https://exa mple.com', false],
    ['https://example.com/a b', false],
    ['/relative/path', false],
    ['example.com', false],
    ['', false],
    ['http://example.com/%zz', false],
    ['1http://example.com', false],
  ];
  for (const [value, want] of cases) {
    it(`${JSON.stringify(value)} → ${want}`, () => {
      assert.equal(isUri(value), want);
      assert.equal(full(value), want, 'the full grammar agrees');
    });
  }

  it('agrees with the full grammar on 20 000 random URL-like strings', () => {
    const alphabet = "htps:/.?#&=%@[]{}:-_~!$'()*+,;aA0 9é";
    let seed = 42;
    const random = (below: number): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % below;
    };
    for (let round = 0; round < 20_000; round++) {
      const prefix = ['https://', 'http://', 'http:', 'ftp://', ''][random(5)] ?? '';
      let value = prefix;
      for (let length = random(24); length > 0; length--)
        value += alphabet[random(alphabet.length)];
      assert.equal(isUri(value), full(value), value);
    }
  });
});
