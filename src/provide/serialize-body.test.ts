import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UsageError } from '../errors.ts';
import type { MediaTypeSpec } from '../spec/contract.ts';
import { buildCatalogue, loadDocument, type OpenApiDocument } from '../spec/index.ts';
import { parseMultipart } from '../validate/parse-multipart.ts';
import { isBinaryContentType, serializeBody } from './serialize-body.ts';

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
    { value: '<a/>', mediaType: 'text/xml', body: '<a/>', contentType: 'text/xml' },
    {
      value: { id: 1 },
      mediaType: 'application/atom+xml',
      body: '<?xml version="1.0" encoding="UTF-8"?>\n<root>\n  <id>1</id>\n</root>\n',
      contentType: 'application/atom+xml',
    },
    { value: 'GIF89a', mediaType: 'image/gif', body: 'GIF89a', contentType: 'image/gif' },
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

  it('sends a multipart example written as text as written, with its own boundary', () => {
    const written = '--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--xyz--\r\n';
    const serialized = serializeBody(written, 'multipart/form-data');
    assert.equal(text(serialized.body), written);
    assert.equal(serialized.contentType, 'multipart/form-data; boundary=xyz');
    assert.equal(
      serializeBody('no delimiter', 'multipart/form-data; boundary=b1').contentType,
      'multipart/form-data; boundary=b1',
    );
    assert.throws(() => serializeBody('no delimiter', 'multipart/form-data'), UsageError);
  });

  it('generates the same few bytes for a binary type with no value', () => {
    const first = serializeBody(undefined, 'application/octet-stream');
    assert.deepEqual([...first.body.slice(0, 4)], [0, 1, 2, 3]);
    assert.equal(first.body.length, 32);
    assert.deepEqual(serializeBody(undefined, 'application/octet-stream').body, first.body);
    assert.equal(first.contentType, 'application/octet-stream');
  });

  it('refuses what it cannot encode, pointing at --body', () => {
    assert.throws(
      () => serializeBody({ a: 1 }, 'application/octet-stream'),
      (error: unknown) =>
        error instanceof UsageError &&
        error.message ===
          'Cannot build a body of type application/octet-stream from an object: a binary body is sent from a string example, as its bytes.' &&
        /--body/.test(error.hint ?? ''),
    );
    assert.throws(() => serializeBody([1], 'application/x-www-form-urlencoded'), UsageError);
    assert.throws(() => serializeBody([1], 'multipart/form-data'), UsageError);
  });
});

describe('isBinaryContentType', () => {
  const cases: Array<[string, boolean]> = [
    ['application/octet-stream', true],
    ['image/png', true],
    ['application/pdf', true],
    ['application/json', false],
    ['application/cloudevents+json', false],
    ['application/xml', false],
    ['application/soap+xml', false],
    ['text/plain', false],
    ['multipart/form-data', false],
    ['application/x-www-form-urlencoded', false],
    ['*/*', false],
    ['not a media type', false],
  ];
  for (const [mediaType, want] of cases) {
    it(`${mediaType} → ${want}`, () => assert.equal(isBinaryContentType(mediaType), want));
  }
});

describe('serializeBody with the media type object', () => {
  const source: OpenApiDocument = {
    openapi: '3.1.0',
    info: { title: 'parts', version: '1' },
    paths: {},
    webhooks: {
      upload: {
        post: {
          requestBody: {
            content: {
              'multipart/form-data': {
                schema: { $ref: '#/components/schemas/Upload' },
                encoding: {
                  meta: { contentType: 'application/vnd.meta+json' },
                  photo: {
                    contentType: 'image/png, image/jpeg',
                    headers: {
                      'X-Rate-Limit-Limit': { schema: { type: 'integer', example: 100 } },
                      'Content-Type': { schema: { type: 'string', example: 'text/plain' } },
                    },
                  },
                },
              },
              'application/xml': { schema: { $ref: '#/components/schemas/Upload' } },
            },
          },
          responses: { '200': { description: 'ok' } },
        },
      },
    },
    components: {
      schemas: {
        Upload: {
          type: 'object',
          xml: { name: 'upload' },
          properties: {
            id: { type: 'integer', xml: { attribute: true } },
            tags: { type: 'array', items: { type: 'string' } },
            meta: { type: 'object' },
            photo: { type: 'string', contentMediaType: 'image/png' },
            scan: { type: 'string', format: 'binary' },
          },
        },
      },
    },
  };

  async function mediaOf(
    mediaType: string,
  ): Promise<{ spec: Parameters<typeof serializeBody>[2] }> {
    const document = await loadDocument(source);
    const contract = buildCatalogue(document).contracts[0];
    const media = contract?.operation.requestBody?.content.find(
      (item: MediaTypeSpec) => item.mediaType === mediaType,
    );
    assert.ok(media);
    return { spec: { document, media } };
  }

  const value = { id: 7, tags: ['a', 'b'], meta: { k: 1 }, photo: 'PNG', scan: 'PDF' };

  it('multipart: one part per property and per array item, encoding honoured', async () => {
    const { spec } = await mediaOf('multipart/form-data');
    const serialized = serializeBody(value, 'multipart/form-data', spec);
    const boundary = /^multipart\/form-data; boundary=(callback-verify-[0-9a-f]{24})$/.exec(
      serialized.contentType,
    )?.[1];
    assert.ok(boundary, serialized.contentType);
    const body = text(serialized.body);
    const parts = body.split(`--${boundary}`).slice(1, -1);
    assert.deepEqual(
      parts.map((part) => part.split('\r\n\r\n')[0]?.trim()),
      [
        'Content-Disposition: form-data; name="id"',
        'Content-Disposition: form-data; name="tags"',
        'Content-Disposition: form-data; name="tags"',
        'Content-Disposition: form-data; name="meta"\r\nContent-Type: application/vnd.meta+json',
        'Content-Disposition: form-data; name="photo"; filename="photo.png"\r\nContent-Type: image/png\r\nX-Rate-Limit-Limit: 100',
        'Content-Disposition: form-data; name="scan"; filename="scan.bin"\r\nContent-Type: application/octet-stream',
      ],
    );
    assert.ok(body.endsWith(`--${boundary}--\r\n`));
    assert.deepEqual(
      [...(parseMultipart(serialized.body, boundary) ?? [])],
      [
        ['id', ['7']],
        ['tags', ['a', 'b']],
        ['meta', ['{"k":1}']],
        ['photo', ['PNG']],
        ['scan', ['PDF']],
      ],
    );
  });

  it('XML: shaped by the referenced schema and its xml objects', async () => {
    const { spec } = await mediaOf('application/xml');
    const serialized = serializeBody(value, 'application/xml', spec);
    assert.equal(
      text(serialized.body),
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<upload id="7">',
        '  <tags>a</tags>',
        '  <tags>b</tags>',
        '  <meta>',
        '    <k>1</k>',
        '  </meta>',
        '  <photo>PNG</photo>',
        '  <scan>PDF</scan>',
        '</upload>',
        '',
      ].join('\n'),
    );
  });
});
