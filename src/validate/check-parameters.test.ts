import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { HeaderMap } from '../receive/exchange.ts';
import type { ParameterSpec } from '../spec/contract.ts';
import { buildCatalogue, loadDocument, serialiseParameter } from '../spec/index.ts';
import { createValidator } from './create-validator.ts';
import type { Finding } from './finding.ts';

type Location = Exclude<ParameterSpec['in'], 'path'>;

const dir = await mkdtemp(join(tmpdir(), 'cv-parameters-'));
after(() => rm(dir, { recursive: true, force: true }));
let written = 0;

/** Findings for one webhook request whose only parameter is `parameter` (written as in a document). */
async function check(
  parameter: Record<string, unknown>,
  sent: { query?: string; headers?: HeaderMap },
): Promise<Finding[]> {
  // Written to a file: an in-memory document must fit openapi-types, which these cases bend.
  const path = join(dir, `doc-${++written}.json`);
  await writeFile(
    path,
    JSON.stringify({
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      webhooks: {
        hook: { post: { parameters: [parameter], responses: { '200': { description: 'ok' } } } },
      },
    }),
  );
  const document = await loadDocument(path);
  const [contract] = buildCatalogue(document).contracts;
  assert.ok(contract);
  const query = sent.query === undefined || sent.query === '' ? '' : `?${sent.query}`;
  const { findings } = createValidator(document).checkRequest(contract, {
    method: 'POST',
    url: `/hook${query}`,
    headers: sent.headers ?? {},
    body: new Uint8Array(),
  });
  return findings.filter((finding) => finding.severity === 'error');
}

/** The request parts that carry `text`, the serialised value of a parameter in `location`. */
function carrying(location: Location, text: string): { query?: string; headers?: HeaderMap } {
  if (location === 'query') return { query: text };
  if (location === 'header') return { headers: { color: text } };
  return { headers: { cookie: text } };
}

const kinds: Array<[string, object, unknown]> = [
  ['string', { type: 'string', enum: ['blue'] }, 'blue'],
  ['integer', { type: 'integer', minimum: 1 }, 7],
  ['array', { type: 'array', items: { type: 'string' }, minItems: 3 }, ['blue', 'black', 'brown']],
  ['array of integers', { type: 'array', items: { type: 'integer' } }, [1, 2, 3]],
  [
    'object',
    {
      type: 'object',
      properties: { R: { type: 'integer' }, G: { type: 'integer' }, B: { type: 'integer' } },
      required: ['R', 'G', 'B'],
      additionalProperties: false,
    },
    { R: 100, G: 200, B: 150 },
  ],
  ['values with delimiters', { type: 'array', items: { type: 'string' } }, ['a b', 'c|d', 'é']],
];

const styles: Array<[Location, string, boolean]> = [
  ['query', 'form', true],
  ['query', 'form', false],
  ['query', 'spaceDelimited', false],
  ['query', 'pipeDelimited', false],
  ['query', 'deepObject', true],
  ['header', 'simple', false],
  ['header', 'simple', true],
  ['cookie', 'form', true],
  ['cookie', 'form', false],
];

describe('checkParameters reads what serialiseParameter writes', () => {
  for (const [location, style, explode] of styles) {
    for (const [kind, schema, value] of kinds) {
      // A delimiter inside a value cannot be told from the delimiter itself.
      if (kind === 'values with delimiters' && !explode && style !== 'form') continue;
      if (kind === 'values with delimiters' && location === 'header') continue;
      it(`${location} ${style}, explode ${explode}: ${kind}`, async () => {
        const parameter = { name: 'color', in: location, required: true, style, explode, schema };
        const text = serialiseParameter({ name: 'color', in: location, style, explode }, value);
        assert.deepEqual(await check(parameter, carrying(location, text)), []);
      });
    }
  }
  for (const location of ['query', 'header', 'cookie'] as const) {
    it(`${location}: JSON content`, async () => {
      const schema: object = {
        type: 'object',
        properties: { ids: { type: 'array', items: { type: 'integer' } }, q: { type: 'string' } },
        required: ['ids'],
      };
      const parameter = {
        name: 'color',
        in: location,
        required: true,
        content: { 'application/json': { schema } },
      };
      const value = { ids: [1, 2], q: 'a, b; c' };
      const text = serialiseParameter(
        { name: 'color', in: location, contentMediaType: 'application/json' },
        value,
      );
      assert.deepEqual(await check(parameter, carrying(location, text)), []);
    });
  }
});

describe('checkParameters finds what does not fit', () => {
  const object: object = {
    type: 'object',
    properties: { R: { type: 'integer' }, G: { type: 'integer' } },
  };
  const json = { 'application/json': { schema: { type: 'object', required: ['a'] } } };
  const cases: Array<{
    name: string;
    parameter: Record<string, unknown>;
    sent: { query?: string; headers?: HeaderMap };
    want: Array<Pick<Finding, 'check' | 'where'> & { message?: string }>;
  }> = [
    {
      name: 'a comma list where form explodes',
      parameter: {
        name: 'ids',
        in: 'query',
        schema: { type: 'array', items: { type: 'integer' } },
      },
      sent: { query: 'ids=1,2' },
      want: [{ check: 'query.schema', where: '/query/ids/0' }],
    },
    {
      name: 'an exploded form object property of the wrong type',
      parameter: { name: 'color', in: 'query', schema: object },
      sent: { query: 'R=1&G=x' },
      want: [{ check: 'query.schema', where: '/query/color/G' }],
    },
    {
      name: 'an exploded form object with none of its properties is missing',
      parameter: { name: 'color', in: 'query', required: true, schema: object },
      sent: { query: 'other=1' },
      want: [{ check: 'query.required', where: '/query/color' }],
    },
    {
      name: 'a deepObject property of the wrong type',
      parameter: { name: 'f', in: 'query', style: 'deepObject', explode: true, schema: object },
      sent: { query: 'f%5BR%5D=1&f[G]=x' },
      want: [{ check: 'query.schema', where: '/query/f/G' }],
    },
    {
      name: 'an exploded header object property of the wrong type',
      parameter: { name: 'X-C', in: 'header', explode: true, schema: object },
      sent: { headers: { 'x-c': 'R=1,G=x' } },
      want: [{ check: 'header.schema', where: '/headers/x-c/G' }],
    },
    {
      name: 'JSON content that is not JSON',
      parameter: { name: 'filter', in: 'query', content: json },
      sent: { query: 'filter=a,1' },
      want: [
        {
          check: 'query.malformed',
          where: '/query/filter',
          message:
            'The query parameter "filter" is not valid JSON (its content is application/json): Unexpected token \'a\', "a,1" is not valid JSON',
        },
      ],
    },
    {
      name: 'a JSON header that is not JSON',
      parameter: { name: 'X-Filter', in: 'header', content: json },
      sent: { headers: { 'x-filter': '{a:1}' } },
      want: [{ check: 'header.malformed', where: '/headers/x-filter' }],
    },
    {
      name: 'JSON content that does not fit its schema',
      parameter: { name: 'c', in: 'cookie', content: json },
      sent: { headers: { cookie: `c=${encodeURIComponent('{"b":1}')}` } },
      want: [{ check: 'cookie.schema', where: '/cookie/c/a' }],
    },
  ];
  for (const { name, parameter, sent, want } of cases) {
    it(name, async () => {
      const findings = await check(parameter, sent);
      assert.deepEqual(
        findings.map((finding) => ({
          check: finding.check,
          where: finding.where,
          ...(want.some((item) => item.message !== undefined) ? { message: finding.message } : {}),
        })),
        want,
      );
    });
  }
});
