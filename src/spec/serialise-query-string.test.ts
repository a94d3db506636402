import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { serialiseParameter, serialiseQueryString } from './serialise-parameter.ts';

describe('serialiseQueryString (OAS 3.2 in: querystring)', () => {
  const cases: Array<[mediaType: string | undefined, value: unknown, want: string]> = [
    [
      'application/x-www-form-urlencoded',
      { path: '/images', recursive: true },
      'path=%2Fimages&recursive=true',
    ],
    ['application/x-www-form-urlencoded; charset=utf-8', { q: 'a b&c' }, 'q=a%20b%26c'],
    ['application/x-www-form-urlencoded', { tag: ['x', 'y'], n: null }, 'tag=x&tag=y&n='],
    ['application/x-www-form-urlencoded', { nested: { a: 1 } }, 'nested=%7B%22a%22%3A1%7D'],
    [undefined, { a: 1 }, 'a=1'],
    ['application/json', { a: 1 }, '%7B%22a%22%3A1%7D'],
    ['application/vnd.api+json', [1, 'x'], '%5B1%2C%22x%22%5D'],
    ['text/plain', 'a b?', 'a%20b%3F'],
    ['application/x-www-form-urlencoded', 'plain', 'plain'],
  ];
  for (const [mediaType, value, want] of cases) {
    it(`${mediaType ?? '(none)'}: ${JSON.stringify(value)} → ${want}`, () => {
      assert.equal(serialiseQueryString(mediaType, value), want);
    });
  }

  it('serialiseParameter hands a querystring parameter to it, ignoring the name', () => {
    assert.equal(
      serialiseParameter(
        { name: 'ignored', in: 'querystring', contentMediaType: 'application/json' },
        { a: true },
      ),
      '%7B%22a%22%3Atrue%7D',
    );
  });
});
