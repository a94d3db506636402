import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UsageError } from '../errors.ts';
import { serializeBody } from './serialize-body.ts';

const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

describe('serializeBody', () => {
  const cases: Array<{ value: unknown; mediaType: string; body: string; contentType: string }> = [
    {
      value: { id: 1 },
      mediaType: 'application/json',
      body: '{"id":1}',
      contentType: 'application/json',
    },
    {
      value: { id: 1 },
      mediaType: 'application/cloudevents+json; charset=utf-8',
      body: '{"id":1}',
      contentType: 'application/cloudevents+json; charset=utf-8',
    },
    {
      value: [1, 'a'],
      mediaType: 'application/*+json',
      body: '[1,"a"]',
      contentType: 'application/json',
    },
    { value: 'x', mediaType: '*/*', body: '"x"', contentType: 'application/json' },
    {
      value: undefined,
      mediaType: 'application/json',
      body: 'null',
      contentType: 'application/json',
    },
    {
      value: { a: 'b c', tags: ['x', 'y'], n: 2, nested: { k: 1 } },
      mediaType: 'application/x-www-form-urlencoded',
      body: 'a=b+c&tags=x&tags=y&n=2&nested=%7B%22k%22%3A1%7D',
      contentType: 'application/x-www-form-urlencoded',
    },
    { value: 'hello', mediaType: 'text/plain', body: 'hello', contentType: 'text/plain' },
    { value: 42, mediaType: 'text/*', body: '42', contentType: 'text/plain' },
    { value: { a: 1 }, mediaType: 'text/plain', body: '{"a":1}', contentType: 'text/plain' },
    { value: '<a/>', mediaType: 'application/xml', body: '<a/>', contentType: 'application/xml' },
  ];
  for (const { value, mediaType, body, contentType } of cases) {
    it(`${JSON.stringify(value)} as ${mediaType}`, () => {
      const serialized = serializeBody(value, mediaType);
      assert.equal(text(serialized.body), body);
      assert.equal(serialized.contentType, contentType);
    });
  }

  it('passes bytes through untouched', () => {
    const bytes = Uint8Array.from([0xff, 0x00]);
    assert.equal(serializeBody(bytes, 'application/octet-stream').body, bytes);
  });

  it('refuses what it cannot encode, pointing at --body', () => {
    assert.throws(
      () => serializeBody({ a: 1 }, 'multipart/form-data'),
      (error: unknown) =>
        error instanceof UsageError &&
        error.message ===
          "Cannot build a body of type multipart/form-data: only JSON, application/x-www-form-urlencoded and text bodies are built from the document's examples and schemas." &&
        /--body/.test(error.hint ?? ''),
    );
    assert.throws(() => serializeBody([1], 'application/x-www-form-urlencoded'), UsageError);
  });
});
