import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { buildCatalogue, loadDocument, serialiseParameter } from '../spec/index.ts';
import { createValidator } from './create-validator.ts';
import type { Finding } from './finding.ts';

const dir = await mkdtemp(join(tmpdir(), 'cv-querystring-'));
after(() => rm(dir, { recursive: true, force: true }));
let written = 0;

const selector = {
  type: 'object',
  required: ['path'],
  properties: {
    path: { type: 'string', pattern: '^/' },
    depth: { type: 'integer', minimum: 0 },
    recursive: { type: 'boolean' },
    tag: { type: 'array', items: { type: 'string' } },
  },
  additionalProperties: false,
};

function querystring(mediaType: string, schema: unknown, required = true): object {
  return { name: 'selector', in: 'querystring', required, content: { [mediaType]: { schema } } };
}

/** Findings (errors) for one OAS 3.2 webhook request whose only parameter is `parameter`. */
async function check(parameter: object, query: string): Promise<Finding[]> {
  const path = join(dir, `doc-${++written}.json`);
  await writeFile(
    path,
    JSON.stringify({
      openapi: '3.2.0',
      info: { title: 't', version: '1' },
      webhooks: {
        hook: { post: { parameters: [parameter], responses: { '200': { description: 'ok' } } } },
      },
    }),
  );
  const document = await loadDocument(path);
  const [contract] = buildCatalogue(document).contracts;
  assert.ok(contract);
  const { findings } = createValidator(document).checkRequest(contract, {
    method: 'POST',
    url: query === '' ? '/hook' : `/hook?${query}`,
    headers: {},
    body: new Uint8Array(),
  });
  return findings.filter((finding) => finding.severity === 'error');
}

const form = 'application/x-www-form-urlencoded';
const json = 'application/json';

describe('checkParameters: in: querystring (OAS 3.2)', () => {
  const cases: Array<{
    name: string;
    parameter: object;
    query: string;
    want: Array<[check: string, where: string]>;
  }> = [
    {
      name: 'a form query that fits, values converted to their types',
      parameter: querystring(form, selector),
      query: 'path=%2Fimages&depth=2&recursive=true&tag=a&tag=b',
      want: [],
    },
    {
      name: 'a form query whose values break the schema',
      parameter: querystring(form, selector),
      query: 'path=images&depth=-1',
      want: [
        ['querystring.schema', '/query/path'],
        ['querystring.schema', '/query/depth'],
      ],
    },
    {
      name: 'a form query with a key the schema does not allow',
      parameter: querystring(form, selector),
      query: 'path=%2F&colour=red',
      want: [['querystring.schema', '/query/colour']],
    },
    {
      name: 'a form query missing a required property',
      parameter: querystring(form, selector),
      query: 'depth=1',
      want: [['querystring.schema', '/query/path']],
    },
    {
      name: 'no query string at all for a required querystring',
      parameter: querystring(form, selector),
      query: '',
      want: [['querystring.required', '/query']],
    },
    {
      name: 'no query string for an optional querystring',
      parameter: querystring(form, selector, false),
      query: '',
      want: [],
    },
    {
      name: 'a JSON query string that fits',
      parameter: querystring(json, selector),
      query: encodeURIComponent('{"path":"/a","depth":3}'),
      want: [],
    },
    {
      name: 'a JSON query string that breaks the schema',
      parameter: querystring(json, selector),
      query: encodeURIComponent('{"path":"/a","depth":"3"}'),
      want: [['querystring.schema', '/query/depth']],
    },
    {
      name: 'a query string that is not JSON',
      parameter: querystring(json, selector),
      query: 'path=/a',
      want: [['querystring.malformed', '/query']],
    },
    {
      name: 'a text query string checked as one string',
      parameter: querystring('text/plain', { type: 'string', maxLength: 5 }),
      query: 'abcdefgh',
      want: [['querystring.schema', '/query']],
    },
    {
      name: 'a text query string that is not valid percent-encoding',
      parameter: querystring('text/plain', { type: 'string' }),
      query: '%E0%A4%A',
      want: [['querystring.malformed', '/query']],
    },
  ];
  for (const { name, parameter, query, want } of cases) {
    it(name, async () => {
      const findings = await check(parameter, query);
      assert.deepEqual(
        findings.map((finding) => [finding.check, finding.where]),
        want,
        JSON.stringify(findings),
      );
    });
  }

  const roundTrips: Array<[string, unknown]> = [
    [form, { path: '/a b&c', depth: 0, recursive: false, tag: ['x', 'y z'] }],
    [json, { path: '/ü', depth: 9, tag: [] }],
  ];
  for (const [mediaType, value] of roundTrips) {
    it(`what serialiseParameter writes for ${mediaType} passes the check`, async () => {
      const parameter = querystring(mediaType, selector);
      const text = serialiseParameter(
        { name: 'selector', in: 'querystring', contentMediaType: mediaType },
        value,
      );
      assert.deepEqual(await check(parameter, text), []);
    });
  }
});
