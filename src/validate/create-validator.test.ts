import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { HeaderMap } from '../receive/exchange.ts';
import type { Contract } from '../spec/contract.ts';
import type { LoadedDocument } from '../spec/document.ts';
import { buildCatalogue, loadDocument } from '../spec/index.ts';
import { compileTemplateMatcher } from '../spec/runtime-expression/compile-template-matcher.ts';
import { createValidator, type Validator } from './create-validator.ts';
import type { Finding } from './finding.ts';

const fixtures = new URL('./fixtures/', import.meta.url);
const encode = (value: unknown): Uint8Array =>
  new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));

interface Loaded {
  document: LoadedDocument;
  validator: Validator;
  contract(id: string): Contract;
}

async function load(file: string): Promise<Loaded> {
  const document = await loadDocument(new URL(file, fixtures).pathname);
  const catalogue = buildCatalogue(document);
  return {
    document,
    validator: createValidator(document),
    contract(id) {
      const found = catalogue.contracts.find((contract) => contract.id === id);
      assert.ok(found, `fixture has contract ${id}`);
      return found;
    },
  };
}

/** What a case expects of one finding; only the fields given are compared. */
type Want = Partial<
  Pick<Finding, 'check' | 'severity' | 'where' | 'spec' | 'message' | 'expected' | 'actual'>
>;

function assertFindings(findings: Finding[], want: Want[], contract: string): void {
  const errors = findings.filter((finding) => finding.severity !== 'warning');
  assert.equal(
    errors.length,
    want.length,
    `expected ${want.length} findings, got:\n${errors.map((f) => `  ${f.check} ${f.where}: ${f.message}`).join('\n')}`,
  );
  want.forEach((expected, index) => {
    const finding = errors[index];
    assert.ok(finding);
    for (const [key, value] of Object.entries(expected)) {
      assert.deepEqual(finding[key as keyof Finding], value, `finding ${index} ${key}`);
    }
    assert.equal(finding.contract, contract);
  });
}

const paid = 'createInvoice/invoicePaid/post';
const goodEvent = {
  id: 'evt_1',
  paid: true,
  invoice: { id: 'inv_1', amount: 5, status: 'paid', secret: 's', note: null, customer: null },
  payment: { method: 'card', last4: '1234' },
};
const signed: HeaderMap = { 'content-type': 'application/json', 'x-signature': 'sha256=ab12' };

interface RequestCase {
  name: string;
  contract?: string;
  method?: string;
  url?: string;
  headers?: HeaderMap;
  body?: unknown;
  want: Want[];
}

describe('createValidator on an OAS 3.0 document', () => {
  let fixture: Loaded;
  before(async () => {
    fixture = await load('invoices-3.0.yaml');
  });

  const cases: RequestCase[] = [
    { name: 'a conformant callback has no error findings', body: goodEvent, want: [] },
    {
      name: 'wrong method',
      method: 'PUT',
      body: goodEvent,
      want: [{ check: 'method.mismatch', where: '/method', expected: 'POST', actual: 'PUT' }],
    },
    {
      name: 'boolean given as a string',
      body: { ...goodEvent, paid: 'yes' },
      want: [
        {
          check: 'body.schema',
          where: '/body/paid',
          spec: '/components/schemas/InvoiceEvent/properties/paid/type',
          message: 'body.paid must be boolean, got string "yes"',
          expected: 'boolean',
          actual: 'yes',
        },
      ],
    },
    {
      name: 'missing required property',
      body: { ...goodEvent, id: undefined },
      want: [
        {
          check: 'body.schema',
          where: '/body/id',
          spec: '/components/schemas/InvoiceEvent/required',
          message: 'body is missing required property "id"',
        },
      ],
    },
    {
      name: 'value outside an enum',
      body: { ...goodEvent, invoice: { ...goodEvent.invoice, status: 'pending' } },
      want: [
        {
          where: '/body/invoice/status',
          spec: '/components/schemas/Invoice/properties/status/enum',
          message: 'body.invoice.status must be one of "paid", "void", got "pending"',
        },
      ],
    },
    {
      name: 'readOnly property listed in required is not demanded in a request',
      body: { ...goodEvent, invoice: { amount: 5, status: 'paid', secret: 's' } },
      want: [],
    },
    {
      name: 'writeOnly property listed in required is demanded in a request',
      body: { ...goodEvent, invoice: { id: 'inv_1', amount: 5, status: 'paid' } },
      want: [{ where: '/body/invoice/secret', spec: '/components/schemas/Invoice/required' }],
    },
    {
      name: '3.0 boolean exclusiveMinimum',
      body: { ...goodEvent, invoice: { ...goodEvent.invoice, amount: 0 } },
      want: [
        {
          spec: '/components/schemas/Invoice/properties/amount/exclusiveMinimum',
          message: 'body.invoice.amount must be > 0, got 0',
        },
      ],
    },
    {
      name: '3.0 nullable with a type rejects other types',
      body: { ...goodEvent, invoice: { ...goodEvent.invoice, note: 5 } },
      want: [
        {
          where: '/body/invoice/note',
          message: 'body.invoice.note must be string or null, got integer 5',
        },
      ],
    },
    {
      name: '3.0 nullable without a type reports the referenced schema, not the null branch',
      body: { ...goodEvent, invoice: { ...goodEvent.invoice, customer: {} } },
      want: [
        {
          where: '/body/invoice/customer/name',
          spec: '/components/schemas/Customer/required',
          message: 'body.invoice.customer is missing required property "name"',
        },
      ],
    },
    {
      name: 'discriminator picks the branch and only its errors are reported',
      body: { ...goodEvent, payment: { method: 'bank', iban: 'short' } },
      want: [
        {
          where: '/body/payment/iban',
          spec: '/components/schemas/Bank/properties/iban/minLength',
          message: 'body.payment.iban must be at least 15 characters long, got 5 ("short")',
        },
      ],
    },
    {
      name: 'discriminator value that maps to nothing',
      body: { ...goodEvent, payment: { method: 'cash' } },
      want: [
        {
          where: '/body/payment/method',
          spec: '/components/schemas/Payment/discriminator',
          message:
            'body.payment.method must be one of "card", "bank", "crypto" (discriminator), got "cash"',
          actual: 'cash',
        },
      ],
    },
    {
      name: 'format',
      body: { ...goodEvent, email: 'not-an-email', paidAt: 'yesterday' },
      want: [
        { where: '/body/email', message: 'body.email must be a valid email, got "not-an-email"' },
        {
          where: '/body/paidAt',
          message: 'body.paidAt must be a valid date-time, got "yesterday"',
        },
      ],
    },
    {
      name: 'array limits',
      body: { ...goodEvent, tags: ['a', 'a', 'b'] },
      want: [
        { message: 'body.tags must have at most 2 items, got 3' },
        { message: 'body.tags must not contain duplicates (items 0 and 1 are equal)' },
      ],
    },
    {
      name: 'required header missing',
      headers: { 'content-type': 'application/json' },
      body: goodEvent,
      want: [
        {
          check: 'header.required',
          where: '/headers/x-signature',
          message: 'Required header "X-Signature" is missing',
        },
      ],
    },
    {
      name: 'header schema, value converted to its type',
      headers: { ...signed, 'x-attempt': '0' },
      body: goodEvent,
      want: [
        {
          check: 'header.schema',
          where: '/headers/x-attempt',
          message: 'header x-attempt must be >= 1, got 0',
        },
      ],
    },
    {
      name: 'header schema, pattern',
      headers: { ...signed, 'x-signature': 'md5=zz' },
      body: goodEvent,
      want: [{ check: 'header.schema', where: '/headers/x-signature' }],
    },
    {
      name: 'query parameter schema',
      url: '/cb/invoices/1?attempt=zero',
      body: goodEvent,
      want: [
        {
          check: 'query.schema',
          where: '/query/attempt',
          message: 'query parameter attempt must be integer, got string "zero"',
        },
      ],
    },
    {
      name: 'query array, form style exploded',
      url: '/cb/invoices/1?tags=1&tags=x&attempt=2',
      body: goodEvent,
      want: [
        {
          check: 'query.schema',
          where: '/query/tags/1',
          message: 'query parameter tags[1] must be integer, got string "x"',
        },
      ],
    },
    {
      name: 'content type with parameters matches',
      headers: { ...signed, 'content-type': 'Application/JSON; charset=UTF-8' },
      body: goodEvent,
      want: [],
    },
    {
      name: 'content type not declared',
      headers: { ...signed, 'content-type': 'application/xml' },
      body: '<event/>',
      want: [
        {
          check: 'content-type.unexpected',
          where: '/headers/content-type',
          actual: 'application/xml',
        },
      ],
    },
    {
      name: 'content type missing',
      headers: { 'x-signature': 'sha256=ab12' },
      body: goodEvent,
      want: [{ check: 'content-type.missing', where: '/headers/content-type' }],
    },
    {
      name: 'malformed JSON',
      body: '{"id": ',
      want: [{ check: 'body.malformed', where: '/body' }],
    },
    {
      name: 'empty body when one is required',
      body: '',
      want: [{ check: 'body.required', where: '/body' }],
    },
    {
      name: 'form body becomes an object with typed fields',
      headers: { ...signed, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'id=evt_1&count=three&paid=true',
      want: [{ where: '/body/count', message: 'body.count must be integer, got string "three"' }],
    },
    {
      name: 'text body is a string',
      headers: { ...signed, 'content-type': 'text/plain; charset=utf-8' },
      body: 'ok',
      want: [{ where: '/body', message: 'body must be at least 3 characters long, got 2 ("ok")' }],
    },
    {
      name: 'oneOf without a discriminator: one line plus the closest branch',
      contract: 'createInvoice/invoiceNoted/put',
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: { shape: { circle: 'big' } },
      want: [
        {
          where: '/body/shape',
          spec: '/components/schemas/Note/properties/shape/oneOf',
          message:
            'body.shape must match exactly one of the 2 schemas in oneOf, matched none; closest is schema 1',
        },
        {
          where: '/body/shape/circle',
          message: 'body.shape.circle must be number, got string "big"',
        },
      ],
    },
  ];

  for (const testCase of cases) {
    it(testCase.name, () => {
      const id = testCase.contract ?? paid;
      const headers = testCase.headers ?? signed;
      const { findings } = fixture.validator.checkRequest(fixture.contract(id), {
        method: testCase.method ?? 'POST',
        url: testCase.url ?? '/cb/invoices/evt_1',
        headers,
        body: encode(testCase.body ?? ''),
      });
      assertFindings(findings, testCase.want, id);
    });
  }

  it('returns the parsed body', () => {
    const result = fixture.validator.checkRequest(fixture.contract(paid), {
      method: 'POST',
      url: '/cb',
      headers: signed,
      body: encode(goodEvent),
    });
    assert.deepEqual(result.parsedBody, goodEvent);
  });

  it('invalid UTF-8 is a body.encoding finding with the offset', () => {
    const { findings } = fixture.validator.checkRequest(fixture.contract(paid), {
      method: 'POST',
      url: '/cb',
      headers: signed,
      body: new Uint8Array([0x7b, 0x22, 0x61, 0xc3, 0x28, 0x22, 0x7d]),
    });
    assertFindings(
      findings,
      [{ check: 'body.encoding', actual: 'invalid byte at offset 3' }],
      paid,
    );
  });

  it('reports an unknown format once per contract, as a warning', () => {
    const validator = createValidator(fixture.document);
    const warnings = (): Finding[] =>
      validator
        .checkRequest(fixture.contract(paid), {
          method: 'POST',
          url: '/cb',
          headers: signed,
          body: encode(goodEvent),
        })
        .findings.filter((finding) => finding.severity === 'warning');
    assert.deepEqual(
      warnings().map((finding) => [finding.check, finding.spec, finding.actual]),
      [
        [
          'schema.unknown-format',
          '/components/schemas/InvoiceEvent/properties/code/format',
          'invoice-code',
        ],
      ],
    );
    assert.deepEqual(warnings(), []);
  });

  it('a schema that does not compile reports that contract only; the others still work', () => {
    const broken = 'createInvoice/invoiceBroken/post';
    const request = {
      method: 'POST',
      url: '/cb',
      headers: { 'content-type': 'application/json' },
      body: encode({ code: 1 }),
    };
    const first = fixture.validator.checkRequest(fixture.contract(broken), request).findings;
    const again = fixture.validator.checkRequest(fixture.contract(broken), request).findings;
    for (const findings of [first, again]) {
      assert.equal(findings.length, 1);
      assert.equal(findings[0]?.check, 'schema.compile');
      assert.equal(findings[0]?.severity, 'error');
      assert.match(findings[0]?.message ?? '', /cannot be compiled: Invalid regular expression/);
      assert.equal(findings[0]?.contract, broken);
    }
    const other = fixture.validator.checkRequest(fixture.contract(paid), {
      method: 'POST',
      url: '/cb',
      headers: signed,
      body: encode({ ...goodEvent, paid: 1 }),
    });
    assert.deepEqual(
      other.findings
        .filter((finding) => finding.severity === 'error')
        .map((finding) => finding.where),
      ['/body/paid'],
    );
  });

  it('a discriminator branch that does not compile is reported when a value selects it', () => {
    const { findings } = fixture.validator.checkRequest(fixture.contract(paid), {
      method: 'POST',
      url: '/cb',
      headers: signed,
      body: encode({ ...goodEvent, payment: { method: 'crypto', wallet: 'w' } }),
    });
    const errors = findings.filter((finding) => finding.severity === 'error');
    assert.deepEqual(
      errors.map((finding) => finding.check),
      ['schema.compile'],
    );
    assert.match(errors[0]?.message ?? '', /cannot be used: .*Invalid regular expression/);
  });

  it('reports a misspelt keyword with its location', () => {
    const { findings } = createValidator(fixture.document).checkRequest(
      fixture.contract('createInvoice/invoiceNoted/put'),
      {
        method: 'PUT',
        url: '/cb',
        headers: { 'content-type': 'application/json' },
        body: encode({ text: 'hello' }),
      },
    );
    assert.deepEqual(
      findings.map((finding) => [finding.check, finding.severity, finding.spec]),
      [['schema.unknown-keyword', 'warning', '/components/schemas/Note/properties/text/minimun']],
    );
  });

  it('checks values captured from the URL against the trigger schema', () => {
    const contract = fixture.contract(paid);
    const source = { type: 'body', from: 'request', pointer: '/id' } as const;
    const check = (value: string): Finding[] =>
      fixture.validator.checkRequest(
        contract,
        { method: 'POST', url: `/cb/invoices/${value}`, headers: signed, body: encode(goodEvent) },
        { captured: [{ source, expression: '$request.body#/id', raw: value, value }] },
      ).findings;
    assert.deepEqual(
      check('inv_42').filter((finding) => finding.severity === 'error'),
      [],
    );
    assertFindings(
      check('42'),
      [
        {
          check: 'path.schema',
          where: '/path/$request.body#~1id',
          spec: '/components/schemas/InvoiceId/pattern',
          message: 'path parameter $request.body#/id must match pattern ^inv_[0-9]+$, got "42"',
        },
      ],
      paid,
    );
  });

  it('names a captured URL value by its expression, not by the text the URL carried', () => {
    const contract = fixture.contract(paid);
    assert.ok(contract.expression !== undefined);
    const matched = compileTemplateMatcher(contract.expression).match('/invoices/42');
    assert.ok(matched !== null);
    const { findings } = fixture.validator.checkRequest(
      contract,
      { method: 'POST', url: '/cb/invoices/42', headers: signed, body: encode(goodEvent) },
      { captured: matched.captured },
    );
    const captured = findings.filter((finding) => finding.check === 'path.schema');
    assert.deepEqual(
      captured.map((finding) => [finding.where, finding.message]),
      [
        [
          '/path/$request.body#~1id',
          'path parameter $request.body#/id must match pattern ^inv_[0-9]+$, got "42"',
        ],
      ],
    );
  });

  it('checks responses: status ranges, headers, content type and body', () => {
    const operation = fixture.contract(paid).operation;
    const json = { 'content-type': 'application/json', 'x-request-id': 'abcd' };
    const check = (status: number, headers: HeaderMap, body: unknown): Finding[] =>
      fixture.validator.checkResponse(operation, { status, headers, body: encode(body) }, paid);
    assert.deepEqual(check(200, json, { received: true }), []);
    assert.deepEqual(check(404, {}, ''), [], '4XX range is declared');
    assertFindings(
      check(500, {}, ''),
      [{ check: 'response.status.undeclared', where: '/response/status', actual: 500 }],
      paid,
    );
    assertFindings(
      check(200, json, { received: 'yes' }),
      [
        {
          check: 'response.body.schema',
          where: '/response/body/received',
          message: 'response body.received must be boolean, got string "yes"',
        },
      ],
      paid,
    );
    assertFindings(
      check(200, { 'content-type': 'application/json' }, { received: true }),
      [{ check: 'response.header.required', where: '/response/headers/x-request-id' }],
      paid,
    );
    assertFindings(
      check(200, { ...json, 'content-type': 'text/html' }, '<p>'),
      [{ check: 'response.content-type.unexpected', where: '/response/headers/content-type' }],
      paid,
    );
  });

  it('checkValue reads response schemas as responses', () => {
    const operation = fixture.contract(paid).operation;
    const media = operation.requestBody?.content.find(
      (item) => item.mediaType === 'application/json',
    );
    assert.ok(media?.schema);
    const findings = fixture.validator.checkValue(
      media.schema,
      { ...goodEvent, paid: 'no' },
      '/body',
      paid,
    );
    assert.deepEqual(
      findings
        .filter((finding) => finding.severity === 'error')
        .map((finding) => [finding.check, finding.where]),
      [['body.schema', '/body/paid']],
    );
  });
});
