import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { Contract, ParameterSpec } from '../spec/contract.ts';
import type { LoadedDocument } from '../spec/document.ts';
import { buildCatalogue, loadDocument } from '../spec/index.ts';
import { createValidator } from '../validate/create-validator.ts';
import { buildDeliveryRequest } from './build-delivery-request.ts';

const document: LoadedDocument = {
  source: 'test.yaml',
  openapi: '3.1.0',
  version: '3.1',
  title: 'test',
  document: { openapi: '3.1.0' },
  findings: [],
};

function parameter(
  name: string,
  location: ParameterSpec['in'],
  options: { example?: unknown; schema?: unknown; required?: boolean } & Pick<
    ParameterSpec,
    'style' | 'explode' | 'contentMediaType'
  > = {},
): ParameterSpec {
  const { example, schema, required, ...serialisation } = options;
  return {
    ...serialisation,
    name,
    in: location,
    required: required ?? false,
    ...(schema === undefined ? {} : { schema: { schema, pointer: '' } }),
    examples: example === undefined ? [] : [{ name: 'default', value: example, pointer: '' }],
    pointer: '',
  };
}

function contract(parameters: ParameterSpec[]): Contract {
  return {
    id: 'webhook/x/post',
    kind: 'webhook',
    name: 'x',
    method: 'post',
    operation: { method: 'post', tags: [], parameters, responses: [], security: [], pointer: '' },
    pointer: '',
  };
}

const body = { body: new TextEncoder().encode('{}'), contentType: 'application/json' };

describe('buildDeliveryRequest', () => {
  it('fills declared parameters from examples, else from their schema', () => {
    const request = buildDeliveryRequest(
      document,
      contract([
        parameter('X-Event', 'header', { example: 'order.paid' }),
        parameter('X-Attempt', 'header', { schema: { type: 'integer', minimum: 1 } }),
        parameter('X-Tags', 'header', { example: ['a', 'b'] }),
        parameter('tenant', 'query', { example: 't1' }),
        parameter('page', 'query', { example: 2 }),
        parameter('session', 'cookie', { example: 'a b' }),
      ]),
      'http://127.0.0.1:3000/hooks?page=9',
      body,
    );
    assert.deepEqual(request, {
      url: 'http://127.0.0.1:3000/hooks?page=9&tenant=t1',
      method: 'post',
      headers: {
        'x-event': 'order.paid',
        'x-attempt': '1',
        'x-tags': 'a,b',
        cookie: 'session=a%20b',
        'content-type': 'application/json',
      },
      body: body.body,
    });
  });

  it('writes values by style and explode, and JSON content as JSON', () => {
    const request = buildDeliveryRequest(
      document,
      contract([
        parameter('ids', 'query', { example: [1, 2] }),
        parameter('tags', 'query', {
          example: ['a', 'b'],
          style: 'spaceDelimited',
          explode: false,
        }),
        parameter('f', 'query', { example: { x: 1 }, style: 'deepObject', explode: true }),
        parameter('q', 'query', { example: { a: 'b,c' }, contentMediaType: 'application/json' }),
        parameter('X-Pair', 'header', { example: { k: 'v', n: 2 }, explode: true }),
        parameter('seen', 'cookie', { example: [3, 4] }),
      ]),
      'http://127.0.0.1:3000/hooks?kept=1',
    );
    assert.equal(
      request.url,
      'http://127.0.0.1:3000/hooks?kept=1&ids=1&ids=2&tags=a%20b&f%5Bx%5D=1&q=%7B%22a%22%3A%22b%2Cc%22%7D',
    );
    assert.equal(request.headers['x-pair'], 'k=v,n=2');
    assert.equal(request.headers.cookie, 'seen=3; seen=4');
  });

  it('leaves out headers OpenAPI ignores and signature headers only signing can fill', () => {
    const request = buildDeliveryRequest(
      document,
      contract([
        parameter('Content-Type', 'header', { example: 'text/plain' }),
        parameter('Authorization', 'header', { example: 'Bearer x' }),
        parameter('webhook-signature', 'header', { example: 'v1,bogus=' }),
        parameter('X-Hub-Signature-256', 'header', { example: 'sha256=00' }),
        parameter('webhook-id', 'header', { example: 'msg_1' }),
      ]),
      'http://127.0.0.1:3000/',
      body,
    );
    assert.deepEqual(request.headers, {
      'webhook-id': 'msg_1',
      'content-type': 'application/json',
    });
  });

  it('extra headers win; no body means no content type', () => {
    const request = buildDeliveryRequest(
      document,
      contract([parameter('X-Event', 'header', { example: 'a' })]),
      'http://127.0.0.1:3000/',
      undefined,
      { 'X-Event': 'b' },
    );
    assert.deepEqual(request, {
      url: 'http://127.0.0.1:3000/',
      method: 'post',
      headers: { 'x-event': 'b' },
    });
  });
});

describe('buildDeliveryRequest and the receiver agree', () => {
  const dir = mkdtemp(join(tmpdir(), 'cv-delivery-'));
  after(async () => rm(await dir, { recursive: true, force: true }));

  it("a delivery built from a spec passes that spec's parameter checks", async () => {
    const object = {
      type: 'object',
      properties: { R: { type: 'integer' }, G: { type: 'integer' } },
      required: ['R', 'G'],
    };
    const parameters = [
      {
        name: 'ids',
        in: 'query',
        required: true,
        schema: { type: 'array', items: { type: 'integer' } },
        example: [1, 2],
      },
      { name: 'color', in: 'query', required: true, schema: object, example: { R: 1, G: 2 } },
      {
        name: 'f',
        in: 'query',
        style: 'deepObject',
        explode: true,
        required: true,
        schema: object,
      },
      { name: 'X-Pair', in: 'header', explode: true, required: true, schema: object },
      {
        name: 'X-Filter',
        in: 'header',
        required: true,
        content: { 'application/json': { schema: { type: 'object', required: ['a'] } } },
        example: { a: [1, 'x, y'] },
      },
      {
        name: 'seen',
        in: 'cookie',
        required: true,
        schema: { type: 'array', items: { type: 'integer' } },
      },
    ];
    const path = join(await dir, 'hooks.json');
    await writeFile(
      path,
      JSON.stringify({
        openapi: '3.1.0',
        info: { title: 't', version: '1' },
        webhooks: { x: { post: { parameters, responses: { '200': { description: 'ok' } } } } },
      }),
    );
    const loaded = await loadDocument(path);
    const [webhook] = buildCatalogue(loaded).contracts;
    assert.ok(webhook);
    const request = buildDeliveryRequest(loaded, webhook, 'http://127.0.0.1:3000/hooks');
    const url = new URL(request.url);
    assert.equal(url.searchParams.getAll('ids').join('|'), '1|2');
    const { findings } = createValidator(loaded).checkRequest(webhook, {
      method: 'POST',
      url: `${url.pathname}${url.search}`,
      headers: request.headers,
      body: new Uint8Array(),
    });
    assert.deepEqual(
      findings.map((finding) => `${finding.check} ${finding.where}: ${finding.message}`),
      [],
    );
  });
});
