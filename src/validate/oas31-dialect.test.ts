import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { HeaderMap } from '../receive/exchange.ts';
import type { Contract } from '../spec/contract.ts';
import type { LoadedDocument } from '../spec/document.ts';
import { buildCatalogue, loadDocument } from '../spec/index.ts';
import { createValidator } from './create-validator.ts';
import type { Finding } from './finding.ts';

const encode = (value: unknown): Uint8Array =>
  value instanceof Uint8Array
    ? value
    : new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));

const order = {
  kind: 'order',
  id: 'o-1',
  note: null,
  legacy: null,
  lines: [{ sku: 'a' }],
  coords: [1, 2],
  pet: { petType: 'Dog', bark: true },
};
const cloudEvent: HeaderMap = { 'content-type': 'application/cloudevents+json' };

interface Case {
  name: string;
  headers?: HeaderMap;
  body: unknown;
  /** `check where :: message` of each error finding, in order. */
  want: string[];
}

const cases: Case[] = [
  { name: 'a conformant webhook', body: order, want: [] },
  { name: 'a type array accepts each listed type', body: { ...order, id: 7, note: 'n' }, want: [] },
  {
    name: 'type array, const, prefixItems, items: false, $defs and unevaluatedProperties',
    body: { ...order, kind: 'invoice', id: true, coords: [1, 'a', 3], lines: [{}], extra: 1 },
    want: [
      'body.schema /body/kind :: body.kind must be "order", got "invoice"',
      'body.schema /body/id :: body.id must be string or integer, got boolean true',
      'body.schema /body/lines/0/sku :: body.lines[0] is missing required property "sku"',
      'body.schema /body/coords/1 :: body.coords[1] must be number, got string "a"',
      'body.schema /body/coords :: body.coords must have at most 2 items (those listed in prefixItems), got 3',
      'body.schema /body/extra :: body has unexpected property "extra"',
    ],
  },
  {
    name: 'discriminator without mapping selects by schema name',
    body: { ...order, pet: { petType: 'Cat', bark: true } },
    want: ['body.schema /body/pet/meow :: body.pet is missing required property "meow"'],
  },
  {
    name: 'missing discriminator property',
    body: { ...order, pet: { bark: true } },
    want: [
      'body.schema /body/pet/petType :: body.pet is missing discriminator property "petType" (one of "Dog", "Cat")',
    ],
  },
  {
    name: '+json suffix matches application/*+json',
    headers: { 'content-type': 'application/vnd.shop.order+json; charset=utf-8' },
    body: order,
    want: [],
  },
  {
    name: 'text/* matches any text type and the body is a string',
    headers: { 'content-type': 'text/csv' },
    body: 'a,b',
    want: [],
  },
  {
    name: 'a content type matching no declared media type',
    headers: { 'content-type': 'application/xml' },
    body: '<order/>',
    want: [
      'content-type.unexpected /headers/content-type :: Content-Type "application/xml" is not declared; expected application/*+json or text/*',
    ],
  },
];

describe('createValidator on an OAS 3.1 document (JSON Schema 2020-12)', () => {
  let document: LoadedDocument;
  let contracts: Contract[];
  before(async () => {
    document = await loadDocument(new URL('./fixtures/orders-3.1.yaml', import.meta.url).pathname);
    contracts = buildCatalogue(document).contracts;
  });
  const contract = (id: string): Contract => {
    const found = contracts.find((item) => item.id === id);
    assert.ok(found);
    return found;
  };
  const errors = (findings: Finding[]): string[] =>
    findings
      .filter((finding) => finding.severity === 'error')
      .map((finding) => `${finding.check} ${finding.where} :: ${finding.message}`);

  for (const testCase of cases) {
    it(testCase.name, () => {
      const validator = createValidator(document);
      const { findings } = validator.checkRequest(contract('webhook/orderShipped/post'), {
        method: 'POST',
        url: '/webhooks/orderShipped',
        headers: testCase.headers ?? cloudEvent,
        body: encode(testCase.body),
      });
      assert.deepEqual(errors(findings), testCase.want);
    });
  }

  it('accepts nullable inside 3.1 with a warning that points at it', () => {
    const validator = createValidator(document);
    const { findings } = validator.checkRequest(contract('webhook/orderShipped/post'), {
      method: 'POST',
      url: '/',
      headers: cloudEvent,
      body: encode({ ...order, legacy: null }),
    });
    assert.deepEqual(
      findings.map((finding) => [finding.check, finding.severity, finding.spec]),
      [['schema.nullable', 'warning', '/components/schemas/Order/properties/legacy/nullable']],
    );
  });

  it('warns once per contract about a jsonSchemaDialect it does not implement', () => {
    const draft7 = 'http://json-schema.org/draft-07/schema#';
    const validator = createValidator({
      ...document,
      document: { ...document.document, jsonSchemaDialect: draft7 },
    });
    const request = { method: 'POST', url: '/', headers: cloudEvent, body: encode(order) };
    const dialect = (findings: Finding[]): Finding[] =>
      findings.filter((finding) => finding.check === 'schema.dialect');
    const first = dialect(
      validator.checkRequest(contract('webhook/orderShipped/post'), request).findings,
    );
    assert.deepEqual(
      first.map((finding) => [finding.severity, finding.spec, finding.actual]),
      [['warning', '/jsonSchemaDialect', draft7]],
    );
    assert.deepEqual(
      dialect(validator.checkRequest(contract('webhook/orderShipped/post'), request).findings),
      [],
    );
  });

  it('wildcard */* accepts any content type', () => {
    const validator = createValidator(document);
    const { findings, parsedBody } = validator.checkRequest(contract('webhook/anything/post'), {
      method: 'POST',
      url: '/',
      headers: { 'content-type': 'application/json' },
      body: encode([1]),
    });
    assert.deepEqual(parsedBody, [1]);
    assert.deepEqual(errors(findings), [
      'body.schema /body :: body must be object, got array (1 item)',
    ]);
  });

  it('response statuses: 2XX range and default', () => {
    const validator = createValidator(document);
    const operation = contract('webhook/orderShipped/post').operation;
    assert.deepEqual(
      validator.checkResponse(operation, { status: 202, headers: {}, body: new Uint8Array() }),
      [],
    );
    const problem = validator.checkResponse(
      operation,
      {
        status: 500,
        headers: { 'content-type': 'application/problem+json' },
        body: encode({ title: 5 }),
      },
      'webhook/orderShipped/post',
    );
    assert.deepEqual(errors(problem), [
      'response.body.schema /response/body/title :: response body.title must be string, got integer 5',
    ]);
    assert.equal(
      problem[0]?.spec,
      '/webhooks/orderShipped/post/responses/default/content/application~1problem+json/schema/properties/title/type',
    );
    const other = contract('webhook/anything/post').operation;
    assert.deepEqual(
      errors(validator.checkResponse(other, { status: 201, headers: {}, body: new Uint8Array() })),
      [
        'response.status.undeclared /response/status :: Status 201 is not a declared response (declared: 200)',
      ],
    );
  });
});
