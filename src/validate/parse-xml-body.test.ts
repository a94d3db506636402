import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseMediaType } from './media-type.ts';
import { parseBody } from './parse-body.ts';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const same = (value: unknown): unknown => value;
const schema = {
  type: 'object',
  properties: { id: { type: 'integer', xml: { attribute: true } }, name: { type: 'string' } },
};

function parse(type: string, body: Uint8Array | string): ReturnType<typeof parseBody> {
  const media = parseMediaType(type);
  assert.ok(media);
  return parseBody(typeof body === 'string' ? bytes(body) : body, media, schema, same);
}

describe('parseBody reads XML bodies', () => {
  for (const type of ['application/xml', 'text/xml; charset=utf-8', 'application/vnd.acme+xml']) {
    it(`as ${type}`, () => {
      assert.deepEqual(parse(type, '<?xml version="1.0"?>\n<pet id="7"><name>Rex</name></pet>'), {
        kind: 'parsed',
        value: { id: 7, name: 'Rex' },
      });
    });
  }

  it('in the encoding its declaration names when the content type gives no charset', () => {
    const head = bytes('<?xml version="1.0" encoding="ISO-8859-1"?><pet><name>caf');
    const body = new Uint8Array([...head, 0xe9, ...bytes('</name></pet>')]);
    assert.deepEqual(parse('application/xml', body), {
      kind: 'parsed',
      value: { name: 'café' },
    });
  });

  it('as the document text when its schema is a string (the document itself)', () => {
    const media = parseMediaType('application/xml');
    assert.ok(media);
    const text = '<?xml version="1.0"?>\n<pet><name>Rex</name></pet>';
    assert.deepEqual(parseBody(bytes(text), media, { type: 'string', maxLength: 9 }, same), {
      kind: 'parsed',
      value: text,
    });
    assert.equal(parseBody(bytes('<pet>'), media, { type: 'string' }, same).kind, 'malformed');
  });

  it('reports bytes that are not UTF-8 where they are', () => {
    const body = new Uint8Array([...bytes('<pet><name>'), 0xff, ...bytes('</name></pet>')]);
    assert.deepEqual(parse('application/xml', body), { kind: 'encoding', offset: 11 });
  });
});

const malformed: Array<{ name: string; body: string; reason: RegExp }> = [
  {
    name: 'a tag closed by the wrong end tag, with its line and column',
    body: '<pet>\n  <name>Rex</pet>',
    reason: /Expected closing tag 'name'.*\(line 2, column \d+\)$/,
  },
  { name: 'not XML at all', body: '{"id": 1}', reason: /\(line 1, column 1\)$/ },
  {
    name: 'text after a self-closed root',
    body: '<pet/>\n junk',
    reason: /^text after the root element \(line 2, column 2\)$/,
  },
  { name: 'two root elements', body: '<a/><b/>', reason: /^2 root elements \(<a>, <b>\)/ },
  {
    name: 'only a declaration',
    body: '<?xml version="1.0"?>',
    reason: /^Start tag expected\. \(line 1\)$/,
  },
  {
    name: 'an external entity (never fetched)',
    body: '<!DOCTYPE pet [<!ENTITY x SYSTEM "file:///etc/passwd">]><pet><name>&x;</name></pet>',
    reason: /External entities are not supported/,
  },
];

describe('parseBody: XML that is not a well-formed document is malformed', () => {
  for (const { name, body, reason } of malformed) {
    it(name, () => {
      const result = parse('application/xml', body);
      assert.equal(result.kind, 'malformed');
      assert.match(result.kind === 'malformed' ? result.reason : '', reason);
    });
  }
});

describe('parseBody: DOCTYPE entities are never expanded', () => {
  it('an internal entity stays a reference (no billion laughs)', () => {
    const laughs = [
      '<!DOCTYPE pet [',
      '<!ENTITY a "lol">',
      '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">',
      ']>',
      '<pet><name>&a;&b;</name></pet>',
    ].join('\n');
    assert.deepEqual(parse('application/xml', laughs), {
      kind: 'parsed',
      value: { name: '&a;&b;' },
    });
  });
});
