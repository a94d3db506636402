import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ContractNotFoundError } from '../errors.ts';
import type { Catalogue } from '../spec/contract.ts';
import { buildCatalogue, loadDocument } from '../spec/index.ts';
import { createValidator } from '../validate/index.ts';
import { type PlanOptions, planTriggers } from './plan-triggers.ts';

const specs = new URL('../../specs/', import.meta.url);
const dir = await mkdtemp(join(tmpdir(), 'cv-plan-'));
after(() => rm(dir, { recursive: true, force: true }));

async function catalogueOf(source: string | object): Promise<Catalogue> {
  if (typeof source === 'string')
    return buildCatalogue(await loadDocument(new URL(source, specs).pathname));
  const path = join(dir, `doc-${Math.random().toString(36).slice(2)}.json`);
  await writeFile(path, JSON.stringify(source));
  return buildCatalogue(await loadDocument(path));
}

function options(overrides: Partial<PlanOptions> = {}): PlanOptions {
  let n = 0;
  return {
    provider: 'http://127.0.0.1:8000/api/',
    filters: { operations: [], tags: [], contracts: [] },
    headers: {},
    timeoutMs: 1000,
    operations: {},
    urlFor: (contract, token) => `http://127.0.0.1:9/R/${contract.split('/')[0]}/${token}`,
    createToken: () => `tok${++n}`,
    ...overrides,
  };
}

/** One trigger operation whose callback key is `key`, with a body and a few parameters. */
function docWithCallback(key: string, extra: object = {}): object {
  return {
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths: {
      '/things/{thingId}': {
        post: {
          operationId: 'makeThing',
          tags: ['things'],
          parameters: [
            {
              name: 'thingId',
              in: 'path',
              required: true,
              schema: { type: 'string' },
              example: 't 1',
            },
            { name: 'hookUrl', in: 'query', schema: { type: 'string' } },
            { name: 'X-Hook', in: 'header', schema: { type: 'string' } },
            { name: 'limit', in: 'query', required: false, schema: { type: 'integer' } },
            {
              name: 'mode',
              in: 'query',
              required: true,
              schema: { type: 'string', enum: ['fast'] },
            },
          ],
          requestBody: {
            content: {
              'application/json': {
                schema: { type: 'object', properties: { name: { type: 'string' } } },
                example: { name: 'n' },
              },
            },
          },
          responses: { '202': { description: 'ok' } },
          callbacks: {
            done: { [key]: { post: { responses: { '200': { description: 'ok' } } } } },
          },
          ...extra,
        },
      },
    },
  };
}

const injectionCases: Array<{
  name: string;
  key: string;
  want: { url?: string; headers?: Record<string, string>; body?: unknown; where: string };
}> = [
  {
    name: 'query parameter',
    key: '{$request.query.hookUrl}/done',
    want: {
      url: 'http://127.0.0.1:8000/api/things/t%201?mode=fast&hookUrl=http%3A%2F%2F127.0.0.1%3A9%2FR%2FmakeThing%2Ftok1',
      where: '/query/hookUrl',
    },
  },
  {
    name: 'header',
    key: '{$request.header.X-Hook}',
    want: {
      headers: { 'X-Hook': 'http://127.0.0.1:9/R/makeThing/tok1' },
      where: '/headers/x-hook',
    },
  },
  {
    name: 'body field three levels deep, creating objects',
    key: '{$request.body#/notify/http/url}/x',
    want: {
      body: { name: 'n', notify: { http: { url: 'http://127.0.0.1:9/R/makeThing/tok1' } } },
      where: '/body/notify/http/url',
    },
  },
  {
    name: 'path parameter',
    key: '{$request.path.thingId}/done',
    want: {
      url: 'http://127.0.0.1:8000/api/things/http%3A%2F%2F127.0.0.1%3A9%2FR%2FmakeThing%2Ftok1?mode=fast',
      where: '/path/thingId',
    },
  },
  {
    name: 'FastAPI {$callback_url} naming a declared header parameter',
    key: '{$X-Hook}/done',
    want: {
      headers: { 'X-Hook': 'http://127.0.0.1:9/R/makeThing/tok1' },
      where: '/headers/x-hook',
    },
  },
];

for (const { name, key, want } of injectionCases) {
  test(`planTriggers injects the receiver URL: ${name}`, async () => {
    const catalogue = await catalogueOf(docWithCallback(key));
    const { triggers } = planTriggers(catalogue, options());
    assert.equal(triggers.length, 1);
    const [trigger] = triggers;
    assert.ok(trigger !== undefined);
    assert.equal(trigger.injections[0]?.where, want.where);
    if (want.url !== undefined) assert.equal(trigger.url, want.url);
    for (const [header, value] of Object.entries(want.headers ?? {})) {
      assert.equal(trigger.headers[header], value);
    }
    if (want.body !== undefined) {
      assert.deepEqual(trigger.body, want.body);
      assert.deepEqual(JSON.parse(new TextDecoder().decode(trigger.bodyBytes)), want.body);
    }
    assert.equal(trigger.token, 'tok1');
    assert.equal(trigger.expectations[0]?.count, 1);
    assert.equal(trigger.expectations[0]?.checkable, true);
  });
}

test('planTriggers: FastAPI {$callback_url} with no declared parameter goes to the query', async () => {
  const catalogue = await catalogueOf('invoices-fastapi.json');
  const [trigger] = planTriggers(catalogue, options()).triggers;
  assert.equal(trigger?.injections[0]?.where, '/query/callback_url');
  assert.match(
    trigger?.url ?? '',
    /\/invoices\/\?callback_url=http%3A%2F%2F127\.0\.0\.1%3A9%2FR%2F/,
  );
});

test('planTriggers writes each parameter by its style and explode, JSON content as JSON', async () => {
  const parameters = [
    { name: 'thingId', in: 'path', style: 'label', explode: true, example: ['a', 'b c'] },
    { name: 'hookUrl', in: 'query', schema: { type: 'string' } },
    { name: 'ids', in: 'query', example: [1, 2] },
    { name: 'tags', in: 'query', style: 'pipeDelimited', explode: false, example: ['x', 'y'] },
    { name: 'filter', in: 'query', style: 'deepObject', explode: true, example: { a: 1 } },
    {
      name: 'X-Filter',
      in: 'header',
      content: { 'application/json': { schema: { type: 'object' } } },
      example: { a: [1] },
    },
    { name: 'X-Pair', in: 'header', explode: true, example: { k: 'v', n: 2 } },
    { name: 'seen', in: 'cookie', example: [3, 4] },
  ];
  const catalogue = await catalogueOf(
    docWithCallback('{$request.query.hookUrl}/done', { parameters }),
  );
  const [trigger] = planTriggers(catalogue, options()).triggers;
  assert.equal(
    trigger?.url,
    'http://127.0.0.1:8000/api/things/.a.b%20c?ids=1&ids=2&tags=x%7Cy&filter%5Ba%5D=1&hookUrl=http%3A%2F%2F127.0.0.1%3A9%2FR%2FmakeThing%2Ftok1',
  );
  assert.deepEqual(trigger?.query, {
    hookUrl: 'http://127.0.0.1:9/R/makeThing/tok1',
    ids: ['1', '2'],
    tags: 'x|y',
    'filter[a]': '1',
  });
  assert.deepEqual(trigger?.pathParams, { thingId: '.a.b c' });
  assert.equal(trigger?.headers['X-Filter'], '{"a":[1]}');
  assert.equal(trigger?.headers['X-Pair'], 'k=v,n=2');
  assert.equal(trigger?.headers.Cookie, 'seen=3; seen=4');
});

test('planTriggers takes the body from the named example and leaves optional parameters out', async () => {
  const catalogue = await catalogueOf('invoices.yaml');
  const [trigger] = planTriggers(catalogue, options()).triggers;
  assert.deepEqual(trigger?.body, {
    id: 'inv-1001',
    title: 'Website redesign, phase 1',
    customer: 'ACME Corporation',
    total: 1250.5,
  });
  assert.equal(trigger?.headers['Content-Type'], 'application/json');
  assert.equal(trigger?.method, 'POST');
});

test('planTriggers: config overrides parameters, body, headers, timeout and expectations', async () => {
  const catalogue = await catalogueOf(docWithCallback('{$request.query.hookUrl}/done'));
  const [trigger] = planTriggers(
    catalogue,
    options({
      headers: { Authorization: 'Bearer global', 'X-Both': 'global' },
      operations: {
        'POST /things/{thingId}': {
          parameters: { thingId: 'abc', limit: 5, hookUrl: 'ignored: injection wins' },
          body: { name: 'from config' },
          headers: { 'X-Both': 'operation' },
          timeout: 2.5,
          expect: { count: 2 },
          respond: { '*': { statuses: [503, 200] } },
        },
      },
    }),
  ).triggers;
  assert.equal(
    trigger?.url,
    'http://127.0.0.1:8000/api/things/abc?hookUrl=http%3A%2F%2F127.0.0.1%3A9%2FR%2FmakeThing%2Ftok1&limit=5&mode=fast',
  );
  assert.deepEqual(trigger?.body, { name: 'from config' });
  assert.equal(trigger?.headers.Authorization, 'Bearer global');
  assert.equal(trigger?.headers['X-Both'], 'operation');
  assert.equal(trigger?.timeoutMs, 2500);
  assert.equal(trigger?.expectations[0]?.count, 2);
  assert.deepEqual(trigger?.behaviours, { '*': { statuses: [503, 200] } });
});

test('planTriggers: a fixed callback host is not injectable without --callback-base', async () => {
  const catalogue = await catalogueOf(
    docWithCallback('http://notificationServer.com?transactionId={$request.body#/name}'),
  );
  const [without] = planTriggers(catalogue, options()).triggers;
  assert.equal(without?.injections.length, 0);
  assert.equal(without?.expectations[0]?.checkable, false);
  assert.equal(without?.expectations[0]?.findings[0]?.check, 'callback.fixed-host');
  assert.match(without?.expectations[0]?.findings[0]?.message ?? '', /--callback-base/);

  const [withBase] = planTriggers(
    catalogue,
    options({ callbackBase: 'http://127.0.0.1:4999/' }),
  ).triggers;
  assert.equal(withBase?.expectations[0]?.checkable, true);
  assert.deepEqual(withBase?.expectations[0]?.fixedOrigin, {
    written: 'http://notificationServer.com',
    actual: 'http://127.0.0.1:4999',
  });
});

test('planTriggers gives every trigger its own token', async () => {
  const catalogue = await catalogueOf('webhooks.yaml');
  const all = await catalogueOf('tictactoe.yaml');
  const a = planTriggers(catalogue, options()).triggers;
  const b = planTriggers(all, options()).triggers;
  assert.notEqual(a[0]?.token, undefined);
  assert.equal(a[0]?.injections[0]?.where, '/body/subscriber/url');
  assert.equal(b[0]?.injections[0]?.where, '/headers/progressurl');
});

test('planTriggers filters by operation, tag and contract, and rejects names that match nothing', async () => {
  const catalogue = await catalogueOf(docWithCallback('{$request.query.hookUrl}/done'));
  assert.equal(
    planTriggers(
      catalogue,
      options({ filters: { operations: ['makeThing'], tags: [], contracts: [] } }),
    ).triggers.length,
    1,
  );
  assert.equal(
    planTriggers(
      catalogue,
      options({ filters: { operations: ['post /things/{thingId}'], tags: [], contracts: [] } }),
    ).triggers.length,
    1,
  );
  assert.equal(
    planTriggers(
      catalogue,
      options({ filters: { operations: [], tags: ['things'], contracts: [] } }),
    ).triggers.length,
    1,
  );
  assert.throws(
    () =>
      planTriggers(
        catalogue,
        options({ filters: { operations: ['nope'], tags: [], contracts: [] } }),
      ),
    ContractNotFoundError,
  );
  assert.throws(
    () =>
      planTriggers(
        catalogue,
        options({ filters: { operations: [], tags: ['nope'], contracts: [] } }),
      ),
    ContractNotFoundError,
  );
  assert.throws(
    () =>
      planTriggers(
        catalogue,
        options({ filters: { operations: [], tags: [], contracts: ['x/y/post'] } }),
      ),
    ContractNotFoundError,
  );
  const skipped = planTriggers(catalogue, options({ operations: { makeThing: { skip: true } } }));
  assert.equal(skipped.triggers.length, 0);
  assert.equal(skipped.findings[0]?.check, 'run.nothing-to-trigger');
});

test('planTriggers: webhooks the config expects are token-less expectations at their receiver URL', async () => {
  const catalogue = await catalogueOf('webhooks.yaml');
  const [trigger] = planTriggers(
    catalogue,
    options({
      operations: {
        createOrder: { expect: { contracts: ['webhook/orderCreated/post'], count: 1 } },
      },
    }),
  ).triggers;
  assert.deepEqual(
    trigger?.expectations.map((e) => [e.contract, e.count, e.tokenless === true, e.url]),
    [['webhook/orderCreated/post', 1, true, 'http://127.0.0.1:9/R/webhook/tok1']],
  );
  assert.throws(
    () =>
      planTriggers(
        catalogue,
        options({ operations: { createOrder: { expect: { contracts: ['webhook/nope/post'] } } } }),
      ),
    /no such callback and the spec no such webhook/,
  );
});

test('planTriggers: a spec with only webhooks has nothing to trigger, and says where webhooks are checked', async () => {
  const hook = {
    post: {
      requestBody: { content: { 'application/json': { schema: { type: 'object' } } } },
      responses: { '200': { description: 'ok' } },
    },
  };
  const cases: Array<[object, string]> = [
    [{}, 'The spec declares no operation with callbacks, so there is nothing to trigger.'],
    [
      { a: hook, b: hook },
      "The spec declares no operation with callbacks, so there is nothing to trigger. Its 2 webhooks are sent on the provider's own events: receive and check them with `callback-verify listen`.",
    ],
  ];
  for (const [webhooks, message] of cases) {
    const catalogue = await catalogueOf({
      openapi: '3.1.0',
      info: { title: 'hooks', version: '1' },
      paths: {},
      webhooks,
    });
    const plan = planTriggers(catalogue, options());
    assert.deepEqual(
      plan.findings.map((finding) => [finding.check, finding.message]),
      [['run.nothing-to-trigger', message]],
    );
  }
});

test('a generated trigger body is made to fit its schema with the validator, once per media type', async () => {
  const catalogue = await catalogueOf({
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths: {
      '/orders': {
        post: {
          operationId: 'order',
          requestBody: {
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['callbackUrl', 'code'],
                  properties: {
                    callbackUrl: { type: 'string' },
                    code: { type: 'string', pattern: '^[A-Z]{3}-[0-9]{2}$' },
                  },
                },
              },
            },
          },
          responses: { '202': { description: 'accepted' } },
          callbacks: {
            done: {
              '{$request.body#/callbackUrl}': {
                post: { responses: { '200': { description: 'ok' } } },
              },
            },
          },
        },
      },
    },
  });
  const code = (trigger: { body?: unknown } | undefined): unknown =>
    typeof trigger?.body === 'object' && trigger.body !== null && 'code' in trigger.body
      ? trigger.body.code
      : undefined;
  const unfitted = planTriggers(catalogue, options());
  assert.doesNotMatch(String(code(unfitted.triggers[0])), /^[A-Z]{3}-[0-9]{2}$/);

  const validator = createValidator(catalogue.document);
  let checks = 0;
  const counting = {
    checkValue: (...args: Parameters<typeof validator.checkValue>) => {
      checks += 1;
      return validator.checkValue(...args);
    },
  };
  const fitted = planTriggers(catalogue, options({ validator: counting, repeat: 3 }));
  assert.equal(fitted.triggers.length, 3);
  for (const trigger of fitted.triggers) {
    assert.match(String(code(trigger)), /^[A-Z]{3}-[0-9]{2}$/);
  }
  const once = checks;
  assert.ok(once > 0);
  planTriggers(catalogue, options({ validator: counting, repeat: 1 }));
  assert.equal(checks, once * 2, 'fitting cost does not grow with the number of triggers');
});
