import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lookupSource } from './lookup-source.ts';
import type { ExpressionSource, RuntimeContext } from './types.ts';

const context: RuntimeContext = {
  url: 'http://api.example/x',
  method: 'patch',
  statusCode: 202,
  request: {
    headers: { 'X-Hook': 'h', 'x-list': ['a', 'b'], 'x-undefined': undefined },
    query: { cb: ['q1', 'q2'], one: 'q' },
    path: { id: 'p' },
    body: {
      a: { 'b/c': 1, 'd~e': [10, 20] },
      zero: 0,
      no: false,
      nil: null,
      'x.y': 'dot',
      x: { z: 'nested' },
    },
  },
  response: { headers: { LOCATION: 'loc' }, body: [{ id: 'r0' }] },
};

const table: Array<[ExpressionSource, unknown]> = [
  [{ type: 'url' }, 'http://api.example/x'],
  [{ type: 'method' }, 'PATCH'],
  [{ type: 'statusCode' }, 202],
  [{ type: 'header', from: 'request', name: 'x-hook' }, 'h'],
  [{ type: 'header', from: 'request', name: 'X-LIST' }, 'a, b'],
  [{ type: 'header', from: 'request', name: 'x-undefined' }, undefined],
  [{ type: 'header', from: 'response', name: 'Location' }, 'loc'],
  [{ type: 'query', name: 'cb' }, 'q1'],
  [{ type: 'query', name: 'one' }, 'q'],
  [{ type: 'query', name: 'CB' }, undefined],
  [{ type: 'path', name: 'id' }, 'p'],
  [{ type: 'body', from: 'request', pointer: '/a/b~1c' }, 1],
  [{ type: 'body', from: 'request', pointer: '/a/d~0e/1' }, 20],
  [{ type: 'body', from: 'request', pointer: '/a/d~0e/01' }, undefined],
  [{ type: 'body', from: 'request', pointer: '/a/d~0e/length' }, undefined],
  [{ type: 'body', from: 'request', pointer: '/zero' }, 0],
  [{ type: 'body', from: 'request', pointer: '/no' }, false],
  [{ type: 'body', from: 'request', pointer: '/nil' }, undefined],
  [{ type: 'body', from: 'request', pointer: '/x.y' }, 'dot'],
  [{ type: 'body', from: 'request', pointer: '/x.z' }, 'nested'],
  [{ type: 'body', from: 'request', pointer: '/toString' }, undefined],
  [{ type: 'body', from: 'request', pointer: 'no-slash' }, undefined],
  [{ type: 'body', from: 'response', pointer: '/0/id' }, 'r0'],
  [{ type: 'parameter', name: 'one' }, 'q'],
  [{ type: 'parameter', name: 'x-hook' }, 'h'],
  [{ type: 'parameter', name: 'zero' }, 0],
  [{ type: 'unknown', text: 'x' }, undefined],
];

describe('lookupSource', () => {
  for (const [source, want] of table) {
    it(JSON.stringify(source), () => {
      assert.deepEqual(lookupSource(source, context), want);
    });
  }
});
