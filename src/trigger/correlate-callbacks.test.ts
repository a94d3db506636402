import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Exchange } from '../receive/exchange.ts';
import type { Contract, TriggerOperation } from '../spec/contract.ts';
import { parseUrlTemplate } from '../spec/runtime-expression/index.ts';
import { correlateCallbacks } from './correlate-callbacks.ts';
import type { SentTrigger } from './send-trigger.ts';
import type { PlannedTrigger } from './types.ts';

const origin = 'http://127.0.0.1:9';
const contractId = 'createInvoice/invoicePaid/post';
const template = parseUrlTemplate('{$request.query.callback_url}/invoices/{$request.body#/id}');
const operation: TriggerOperation = {
  method: 'post',
  path: '/invoices',
  operationId: 'createInvoice',
  tags: [],
  parameters: [],
  responses: [],
  security: [],
  pointer: '/paths/~1invoices/post',
};
const contract: Contract = {
  id: contractId,
  kind: 'callback',
  name: 'invoicePaid',
  method: 'post',
  operation: { ...operation, pointer: '/cb' },
  trigger: operation,
  expression: template,
  pointer: '/cb-item',
};
const T0 = Date.parse('2026-01-01T00:00:00.000Z');

function sent(token: string, overrides: Partial<PlannedTrigger> = {}): SentTrigger {
  const receiverUrl = `${origin}/R/cb/createInvoice/${token}`;
  const trigger: PlannedTrigger = {
    id: `createInvoice#${token}`,
    token,
    operation,
    operationKey: 'createInvoice',
    method: 'POST',
    url: `http://provider/invoices?callback_url=${encodeURIComponent(receiverUrl)}`,
    pathParams: {},
    query: { callback_url: receiverUrl },
    headers: {},
    body: { id: `inv-${token}` },
    injections: [
      {
        contract: contractId,
        source: { type: 'query', name: 'callback_url' },
        where: '/query/callback_url',
        value: receiverUrl,
      },
    ],
    expectations: [{ contract: contractId, count: 1, template, findings: [], checkable: true }],
    ignoredContracts: [],
    timeoutMs: 1000,
    behaviours: {},
    ...overrides,
  };
  return {
    trigger,
    sentAt: T0 - 5,
    respondedAt: T0,
    status: 200,
    headers: {},
    body: new Uint8Array(),
  };
}

let sequence = 0;
function exchange(
  token: string | undefined,
  atMs: number,
  overrides: {
    url?: string;
    status?: number;
    headers?: Record<string, string>;
    contract?: string | null;
    method?: string;
  } = {},
): Exchange {
  sequence += 1;
  const url = overrides.url ?? `/R/cb/createInvoice/${token}/invoices/inv-${token}`;
  const result: Exchange = {
    id: `ex-${sequence}`,
    receivedAt: new Date(T0 + atMs).toISOString(),
    request: {
      method: overrides.method ?? 'POST',
      url,
      headers: overrides.headers ?? {},
      body: new Uint8Array(),
    },
    findings: [],
    answer: { status: overrides.status ?? 200, headers: {}, body: '' },
    verdict: 'pass',
  };
  if (overrides.contract !== null) result.contract = overrides.contract ?? contractId;
  if (token !== undefined && overrides.contract !== null) result.token = token;
  return result;
}

function correlate(sentTriggers: SentTrigger[], exchanges: Exchange[]) {
  return correlateCallbacks({
    sent: sentTriggers,
    exchanges,
    receiverOrigin: origin,
    contracts: new Map([[contractId, contract]]),
  });
}

const checksOf = (findings: Array<{ check: string }>): string[] =>
  findings.map((finding) => finding.check);

test('a callback at the exact URL within the timeout is received, with its latency', () => {
  const { expectations, findings } = correlate([sent('a')], [exchange('a', 120)]);
  assert.equal(expectations[0]?.status, 'received');
  assert.equal(expectations[0]?.latencyMs, 120);
  assert.equal(expectations[0]?.attempts, 1);
  assert.equal(expectations[0]?.expectedUrl, `${origin}/R/cb/createInvoice/a/invoices/inv-a`);
  assert.deepEqual(checksOf(expectations[0]?.findings ?? []), []);
  assert.deepEqual(findings, []);
});

test('concurrent triggers are told apart by their tokens', () => {
  const { expectations } = correlate(
    [sent('a'), sent('b')],
    [exchange('b', 10), exchange('a', 20)],
  );
  assert.deepEqual(
    expectations.map((e) => [e.trigger, e.status, e.latencyMs]),
    [
      ['createInvoice#a', 'received', 20],
      ['createInvoice#b', 'received', 10],
    ],
  );
});

test('nothing arrived: missing', () => {
  const { expectations } = correlate([sent('a')], []);
  assert.equal(expectations[0]?.status, 'missing');
  assert.deepEqual(checksOf(expectations[0]?.findings ?? []), ['callback.missing']);
  assert.equal(
    expectations[0]?.findings[0]?.expected,
    `${origin}/R/cb/createInvoice/a/invoices/inv-a`,
  );
});

test('after the deadline: late', () => {
  const { expectations } = correlate([sent('a')], [exchange('a', 1500)]);
  assert.equal(expectations[0]?.status, 'late');
  assert.deepEqual(checksOf(expectations[0]?.findings ?? []), ['callback.late']);
});

test('a second accepted delivery is a duplicate', () => {
  const { expectations } = correlate([sent('a')], [exchange('a', 10), exchange('a', 30)]);
  assert.equal(expectations[0]?.status, 'duplicate');
  assert.deepEqual(checksOf(expectations[0]?.findings ?? []), ['callback.duplicate']);
  assert.equal(expectations[0]?.exchanges.length, 2);
});

test('the wrong id in the URL: url.mismatch with expected and actual', () => {
  const { expectations } = correlate(
    [sent('a')],
    [exchange('a', 10, { url: '/R/cb/createInvoice/a/invoices/other-inv-a' })],
  );
  const finding = expectations[0]?.findings.find((f) => f.check === 'url.mismatch');
  assert.equal(expectations[0]?.status, 'failed');
  assert.equal(finding?.expected, `${origin}/R/cb/createInvoice/a/invoices/inv-a`);
  assert.equal(finding?.actual, `${origin}/R/cb/createInvoice/a/invoices/other-inv-a`);
  assert.equal(finding?.where, '/url');
  assert.equal(
    finding?.message,
    'Callback sent to …/invoices/other-inv-a, expected …/invoices/inv-a ({$request.body#/id} = "inv-a").',
  );
});

test('a wrong path that no contract matches still belongs to its trigger by token', () => {
  const { expectations, findings } = correlate(
    [sent('a')],
    [exchange(undefined, 10, { url: '/R/cb/createInvoice/a/invoice/inv-a', contract: null })],
  );
  assert.equal(expectations[0]?.status, 'failed');
  assert.deepEqual(checksOf(expectations[0]?.findings ?? []), ['url.mismatch']);
  assert.deepEqual(findings, []);
});

test('retries after 503: attempts, intervals, same idempotency key', () => {
  const key = { 'idempotency-key': 'k1' };
  const { expectations } = correlate(
    [sent('a')],
    [
      exchange('a', 10, { status: 503, headers: key }),
      exchange('a', 210, { status: 503, headers: key }),
      exchange('a', 610, { status: 200, headers: key }),
    ],
  );
  assert.equal(expectations[0]?.status, 'received');
  assert.equal(expectations[0]?.attempts, 3);
  assert.deepEqual(expectations[0]?.retryIntervalsMs, [200, 400]);
  assert.deepEqual(checksOf(expectations[0]?.findings ?? []), []);
});

test('a retry with a new idempotency key is reported', () => {
  const { expectations } = correlate(
    [sent('a')],
    [
      exchange('a', 10, { status: 503, headers: { 'webhook-id': 'one' } }),
      exchange('a', 20, { status: 200, headers: { 'webhook-id': 'two' } }),
    ],
  );
  assert.equal(expectations[0]?.status, 'failed');
  const finding = expectations[0]?.findings[0];
  assert.equal(finding?.check, 'retry.idempotency-key-changed');
  assert.equal(finding?.where, '/headers/webhook-id');
  assert.deepEqual([finding?.expected, finding?.actual], ['one', 'two']);
});

test('no retry after a 503: retry.none', () => {
  const { expectations } = correlate([sent('a')], [exchange('a', 10, { status: 503 })]);
  assert.equal(expectations[0]?.status, 'failed');
  assert.deepEqual(checksOf(expectations[0]?.findings ?? []), ['retry.none']);
});

test('a callback with an unknown token is unexpected; ignored contracts are neither', () => {
  const { findings, ignored, expectations } = correlate(
    [sent('a', { ignoredContracts: ['other/x/post'] })],
    [exchange('zzz', 10), exchange('a', 20), exchange('a', 30, { contract: 'other/x/post' })],
  );
  assert.deepEqual(checksOf(findings), ['callback.unexpected']);
  assert.match(findings[0]?.message ?? '', /token no trigger of this run was given/);
  assert.equal(ignored.size, 1);
  assert.equal(expectations[0]?.status, 'received');
});

test('fixed-host callbacks are matched by contract and compared on the mapped base', () => {
  const fixedTemplate = parseUrlTemplate('http://notify.example.com/hook?id={$request.body#/id}');
  const trigger = sent('a', {
    injections: [],
    expectations: [
      {
        contract: contractId,
        count: 1,
        template: fixedTemplate,
        fixedOrigin: { written: 'http://notify.example.com', actual: 'http://127.0.0.1:4999' },
        tokenless: true,
        findings: [],
        checkable: true,
      },
    ],
  });
  const { expectations } = correlateCallbacks({
    sent: [trigger],
    exchanges: [exchange(undefined, 10, { url: '/R/fixed/createInvoice/hook?id=inv-a' })],
    receiverOrigin: 'http://127.0.0.1:9',
    fixedPrefixes: new Map([[contractId, '/R/fixed/createInvoice']]),
    contracts: new Map([[contractId, contract]]),
  });
  assert.equal(expectations[0]?.expectedUrl, 'http://127.0.0.1:4999/hook?id=inv-a');
  assert.equal(expectations[0]?.status, 'received');
});

test('a request the receiver already called unexpected is not reported twice', () => {
  const stray = exchange(undefined, 10, { url: '/elsewhere', contract: null });
  stray.findings.push({ check: 'callback.unexpected', severity: 'error', message: 'no route' });
  const { findings } = correlate([sent('a')], [stray, exchange('a', 20)]);
  assert.deepEqual(findings, []);
});

test('expect count 0: a callback that arrives anyway is unexpected for that trigger', () => {
  const quiet = sent('a', {
    expectations: [{ contract: contractId, count: 0, template, findings: [], checkable: true }],
  });
  const { expectations, findings } = correlate([quiet], [exchange('a', 10)]);
  assert.deepEqual(expectations, []);
  assert.deepEqual(checksOf(findings), ['callback.unexpected']);
  assert.match(findings[0]?.message ?? '', /was not expected after createInvoice#a/);
});

test('a missing callback after a refused trigger says what to check', () => {
  const refused = { ...sent('a'), status: 401 };
  const { expectations } = correlate([refused], []);
  assert.match(
    expectations[0]?.findings[0]?.message ?? '',
    /answered HTTP 401.*--header for credentials/,
  );
});

test('token-less callbacks fill the triggers in send order; retries stay on their slot; a copy past the last is its duplicate', () => {
  const fixedTemplate = parseUrlTemplate('http://notify.example.com/hook');
  const tokenless = (token: string): SentTrigger =>
    sent(token, {
      injections: [],
      expectations: [
        {
          contract: contractId,
          count: 1,
          template: fixedTemplate,
          fixedOrigin: { written: 'http://notify.example.com', actual: 'http://127.0.0.1:4999' },
          tokenless: true,
          findings: [],
          checkable: true,
        },
      ],
    });
  const url = '/R/fixed/createInvoice/hook';
  const arrivals = [
    exchange(undefined, 10, { url, status: 503 }),
    exchange(undefined, 20, { url }),
    exchange(undefined, 30, { url }),
    exchange(undefined, 40, { url }),
    exchange(undefined, 50, { url }),
  ];
  const { expectations } = correlateCallbacks({
    sent: [tokenless('a'), tokenless('b'), tokenless('c')],
    exchanges: arrivals,
    receiverOrigin: origin,
    fixedPrefixes: new Map([[contractId, '/R/fixed/createInvoice']]),
    contracts: new Map([[contractId, contract]]),
  });
  const ids = arrivals.map((item) => item.id);
  assert.deepEqual(
    expectations.map((expectation) => [expectation.exchanges, expectation.status]),
    [
      [[ids[0], ids[1]], 'received'],
      [[ids[2]], 'received'],
      [[ids[3], ids[4]], 'duplicate'],
    ],
  );
  assert.equal(expectations[0]?.attempts, 2);
});

test('look-alike contracts (declared alike, or the request passes the others too) each take one of the deliveries the receiver routed to the first', () => {
  const ids = [
    'post-user/onVerified/post',
    'post-user/onRegistered/post',
    'post-user/onCompleted/post',
  ];
  const alike = (id: string, schema: unknown): Contract => ({
    ...contract,
    id,
    operation: {
      ...contract.operation,
      requestBody: {
        required: false,
        content: [
          {
            mediaType: 'application/json',
            schema: { schema, pointer: '/s' },
            examples: [],
            pointer: '/m',
          },
        ],
        pointer: '/rb',
      },
    },
  });
  const cases: Array<{
    name: string;
    schemas: unknown[];
    alsoConformsTo?: string[];
    want: string[];
  }> = [
    {
      name: 'same schema: three deliveries fill the three',
      schemas: [{ $ref: '#/s' }, { $ref: '#/s' }, { $ref: '#/s' }],
      want: ['received', 'received', 'received'],
    },
    {
      name: 'different schemas: the receiver could tell them apart, so a copy stays a duplicate',
      schemas: [{ $ref: '#/a' }, { $ref: '#/b' }, { $ref: '#/c' }],
      want: ['duplicate', 'missing', 'missing'],
    },
    {
      name: 'different schemas that the deliveries all pass (the receiver says so): they fill the three',
      schemas: [{ $ref: '#/a' }, { $ref: '#/b' }, { $ref: '#/c' }],
      alsoConformsTo: [ids[1] ?? '', ids[2] ?? ''],
      want: ['received', 'received', 'received'],
    },
    {
      name: 'different schemas, the deliveries pass only the third too: the second stays missing',
      schemas: [{ $ref: '#/a' }, { $ref: '#/b' }, { $ref: '#/c' }],
      alsoConformsTo: [ids[2] ?? ''],
      want: ['duplicate', 'missing', 'received'],
    },
  ];
  for (const { name, schemas, alsoConformsTo, want } of cases) {
    const contracts = new Map(ids.map((id, index) => [id, alike(id, schemas[index])]));
    const trigger = sent('u', {
      expectations: ids.map((id) => ({
        contract: id,
        count: 1,
        template,
        findings: [],
        checkable: true,
      })),
    });
    const routedToFirst = [10, 20, 30].map((at) => ({
      ...exchange('u', at, { contract: ids[0] }),
      ...(alsoConformsTo === undefined ? {} : { alsoConformsTo }),
    }));
    const { expectations } = correlateCallbacks({
      sent: [trigger],
      exchanges: routedToFirst,
      receiverOrigin: origin,
      contracts,
    });
    assert.deepEqual(
      expectations.map((expectation) => expectation.status),
      want,
      name,
    );
  }
});
