import assert from 'node:assert/strict';
import { it } from 'node:test';
import { decodeText } from './decode-text.ts';
import { parseMediaType } from './media-type.ts';
import { parseBody } from './parse-body.ts';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const same = (value: unknown): unknown => value;
const parse = (type: string, body: Uint8Array, schema?: unknown): ReturnType<typeof parseBody> => {
  const media = parseMediaType(type);
  assert.ok(media);
  return parseBody(body, media, schema, same);
};

it('parses JSON and +json', () => {
  assert.deepEqual(parse('application/json', bytes('{"a":1}')), {
    kind: 'parsed',
    value: { a: 1 },
  });
  assert.deepEqual(parse('application/vnd.x+json', bytes('[true]')), {
    kind: 'parsed',
    value: [true],
  });
});

it('reports malformed JSON', () => {
  const result = parse('application/json', bytes('{"a":'));
  assert.equal(result.kind, 'malformed');
});

it('reports invalid UTF-8 with the offset of the broken sequence', () => {
  assert.deepEqual(parse('application/json', new Uint8Array([0x22, 0xe2, 0x28, 0xa1, 0x22])), {
    kind: 'encoding',
    offset: 1,
  });
  assert.deepEqual(decodeText(new Uint8Array([0x61, 0xff]), undefined), { ok: false, offset: 1 });
  assert.deepEqual(decodeText(new Uint8Array([0x61, 0xe2, 0x82]), undefined), {
    ok: false,
    offset: 1,
  });
});

it('decodes text in the declared charset', () => {
  assert.deepEqual(
    parse('text/plain; charset=iso-8859-1', new Uint8Array([0x63, 0x61, 0x66, 0xe9])),
    {
      kind: 'parsed',
      value: 'café',
    },
  );
});

it('turns a form into an object typed by the schema', () => {
  const schema = {
    type: 'object',
    properties: {
      n: { type: 'integer' },
      ok: { type: 'boolean' },
      tag: { type: 'array', items: { type: 'string' } },
    },
  };
  assert.deepEqual(
    parse('application/x-www-form-urlencoded', bytes('n=2&ok=false&tag=a&tag=b&s=x+y'), schema),
    {
      kind: 'parsed',
      value: { n: 2, ok: false, tag: ['a', 'b'], s: 'x y' },
    },
  );
});

it('reads multipart/form-data fields', () => {
  const body = [
    '--XyZ',
    'Content-Disposition: form-data; name="id"',
    '',
    '42',
    '--XyZ',
    'Content-Disposition: form-data; name="file"; filename="a.txt"',
    'Content-Type: text/plain',
    '',
    'hello',
    '--XyZ--',
    '',
  ].join('\r\n');
  const schema = { type: 'object', properties: { id: { type: 'integer' } } };
  assert.deepEqual(parse('multipart/form-data; boundary=XyZ', bytes(body), schema), {
    kind: 'parsed',
    value: { id: 42, file: 'hello' },
  });
  assert.equal(parse('multipart/form-data', bytes(body)).kind, 'malformed');
});

it('leaves media types it does not read alone', () => {
  assert.deepEqual(parse('application/octet-stream', new Uint8Array([1, 2])), { kind: 'opaque' });
});
