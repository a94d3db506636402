import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ParameterSpec } from '../spec/contract.ts';
import { sameUrlBesideDeclaredQuery } from './same-url-beside-declared-query.ts';

function parameter(name: string, location: ParameterSpec['in']): ParameterSpec {
  return { name, in: location, required: false, examples: [], pointer: '' };
}

const querystring = [parameter('selector', 'querystring')];
const query = [parameter('token', 'query'), parameter('X-Id', 'header')];

describe('sameUrlBesideDeclaredQuery', () => {
  const cases: Array<[string, string, string, ParameterSpec[], boolean]> = [
    [
      'a querystring adds the whole query',
      'http://h/cb/cache?path=%2Fa&r=1',
      'http://h/cb/cache',
      querystring,
      true,
    ],
    [
      'a querystring does not excuse another path',
      'http://h/cb/other?path=%2Fa',
      'http://h/cb/cache',
      querystring,
      false,
    ],
    [
      'a querystring does not excuse another host',
      'http://x/cb/cache?a=1',
      'http://h/cb/cache',
      querystring,
      false,
    ],
    ['a declared query parameter may be added', 'http://h/cb?token=t1', 'http://h/cb', query, true],
    [
      'beside the query the key writes',
      'http://h/cb?id=7&token=t1',
      'http://h/cb?id=7',
      query,
      true,
    ],
    [
      'an undeclared pair is still a difference',
      'http://h/cb?token=t1&extra=1',
      'http://h/cb',
      query,
      false,
    ],
    [
      'a pair the key writes must keep its value',
      'http://h/cb?id=8&token=t1',
      'http://h/cb?id=7',
      query,
      false,
    ],
    [
      'a header parameter excuses nothing',
      'http://h/cb?X-Id=1',
      'http://h/cb',
      [parameter('X-Id', 'header')],
      false,
    ],
    ['no declared query: never the same here', 'http://h/cb?token=t1', 'http://h/cb', [], false],
    ['text that is not a URL', 'not a url', 'http://h/cb', querystring, false],
  ];
  for (const [name, actual, expected, parameters, want] of cases) {
    it(name, () => assert.equal(sameUrlBesideDeclaredQuery(actual, expected, parameters), want));
  }
});
