import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readRequestBody } from './read-request-body.ts';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

const rows: Array<{ name: string; body: string; type?: string; want: unknown }> = [
  { name: 'empty', body: '', type: 'application/json', want: undefined },
  { name: 'json', body: '{"id":1}', type: 'application/json; charset=utf-8', want: { id: 1 } },
  { name: '+json', body: '[1]', type: 'application/cloudevents+json', want: [1] },
  { name: 'broken json stays text', body: '{"id":', type: 'application/json', want: '{"id":' },
  {
    name: 'form',
    body: 'a=1&b=2&a=3',
    type: 'application/x-www-form-urlencoded',
    want: { a: ['1', '3'], b: '2' },
  },
  { name: 'text', body: 'hello', type: 'text/plain', want: 'hello' },
  { name: 'no content type', body: '{"id":1}', want: '{"id":1}' },
];

for (const row of rows) {
  test(`readRequestBody: ${row.name}`, () => {
    assert.deepEqual(readRequestBody(bytes(row.body), row.type), row.want);
  });
}
