import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UsageError } from '../errors.ts';
import { buildMultipart } from './build-multipart.ts';

const same = (schema: unknown): unknown => schema;
const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

/** The body as one string, with the fixed boundary `B`. */
function build(value: unknown, schema: unknown = {}, encoding?: unknown): string {
  const built = buildMultipart(value, schema, { resolve: same, encoding, boundary: 'B' });
  assert.equal(built.contentType, 'multipart/form-data; boundary=B');
  return text(built.body);
}

describe('buildMultipart', () => {
  const cases: Array<{
    name: string;
    value: unknown;
    schema?: unknown;
    encoding?: unknown;
    want: string;
  }> = [
    {
      name: 'a scalar is a plain text part, with no Content-Type',
      value: { n: 1 },
      want: '--B\r\nContent-Disposition: form-data; name="n"\r\n\r\n1\r\n--B--\r\n',
    },
    {
      name: 'an object is a JSON part; null and undefined properties',
      value: { o: { a: [1] }, gone: undefined, empty: null },
      want: '--B\r\nContent-Disposition: form-data; name="o"\r\nContent-Type: application/json\r\n\r\n{"a":[1]}\r\n--B\r\nContent-Disposition: form-data; name="empty"\r\n\r\n\r\n--B--\r\n',
    },
    {
      name: 'an encoding JSON type serialises a string as JSON',
      value: { s: 'x' },
      encoding: { s: { contentType: 'application/json' } },
      want: '--B\r\nContent-Disposition: form-data; name="s"\r\nContent-Type: application/json\r\n\r\n"x"\r\n--B--\r\n',
    },
    {
      name: 'a wildcard encoding type is sent as a binary file part',
      value: { f: 'bytes' },
      encoding: { f: { contentType: 'image/*' } },
      want: '--B\r\nContent-Disposition: form-data; name="f"; filename="f.bin"\r\nContent-Type: application/octet-stream\r\n\r\nbytes\r\n--B--\r\n',
    },
    {
      name: 'array items of a binary schema are file parts each',
      value: { files: ['a', 'b'] },
      schema: {
        properties: { files: { type: 'array', items: { type: 'string', format: 'binary' } } },
      },
      want: '--B\r\nContent-Disposition: form-data; name="files"; filename="files.bin"\r\nContent-Type: application/octet-stream\r\n\r\na\r\n--B\r\nContent-Disposition: form-data; name="files"; filename="files.bin"\r\nContent-Type: application/octet-stream\r\n\r\nb\r\n--B--\r\n',
    },
    {
      name: 'quotes and line breaks in a name are escaped as browsers do',
      value: { 'a"b\r\nc': 'v' },
      want: '--B\r\nContent-Disposition: form-data; name="a%22b%0D%0Ac"\r\n\r\nv\r\n--B--\r\n',
    },
    {
      name: 'an empty object is only the closing delimiter',
      value: {},
      want: '--B--\r\n',
    },
  ];
  for (const { name, value, schema, encoding, want } of cases) {
    it(name, () => assert.equal(build(value, schema, encoding), want));
  }

  it('a random boundary by default', () => {
    const one = buildMultipart({}, {}, { resolve: same }).contentType;
    const two = buildMultipart({}, {}, { resolve: same }).contentType;
    assert.match(one, /^multipart\/form-data; boundary=callback-verify-[0-9a-f]{24}$/);
    assert.notEqual(one, two);
  });

  it('refuses a payload that is not an object', () => {
    for (const value of [[1], 'text', null]) {
      assert.throws(() => buildMultipart(value, {}, { resolve: same }), UsageError);
    }
  });
});
