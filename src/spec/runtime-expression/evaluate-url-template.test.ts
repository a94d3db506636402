import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateUrlTemplate } from './evaluate-url-template.ts';
import { parseUrlTemplate } from './parse-url-template.ts';
import type { EvaluationResult, RuntimeContext } from './types.ts';

const receiver = 'http://127.0.0.1:4010/r/tok';

const context: RuntimeContext = {
  url: 'http://api.example.com/subscribe?callback_url=x',
  method: 'post',
  statusCode: 201,
  request: {
    headers: { 'x-progress-url': receiver, 'X-Multi': ['a', 'b'] },
    query: { callback_url: receiver, list: ['first', 'second'], empty: '' },
    path: { id: 'inv 1' },
    body: {
      url: receiver,
      callbackUrl: `${receiver}/`,
      id: 'a b/c?d',
      count: 42,
      paid: false,
      tags: ['x', 'y'],
      nested: { deep: { value: 'v' } },
      'a/b': 'slash',
      'c~d': 'tilde',
      'dotted.key': 'literal-dot',
      webhooks: { url: `${receiver}/wa` },
      encoded: 'a%20b',
      nothing: null,
      items: [{ id: 'i0' }, { id: 'i1' }],
      unicode: 'é€',
    },
  },
  response: {
    headers: { Location: `${receiver}/loc`, 'X-Id': '7' },
    body: { links: { callback: `${receiver}/resp` }, id: 9 },
  },
};

const table: Array<[string, EvaluationResult, RuntimeContext?]> = [
  // Base position: inserted as it is.
  ['{$request.query.callback_url}', { ok: true, value: receiver }],
  ['{$request.query.callback_url}/data', { ok: true, value: `${receiver}/data` }],
  ['{$request.header.X-Progress-URL}', { ok: true, value: receiver }],
  ['{$request.header.x-progress-url}', { ok: true, value: receiver }],
  ['{$request.body#/url}', { ok: true, value: receiver }],
  ['{$request.body#/callbackUrl}invoices', { ok: true, value: `${receiver}/invoices` }],
  ['{$response.body#/links/callback}', { ok: true, value: `${receiver}/resp` }],
  ['{$response.header.location}', { ok: true, value: `${receiver}/loc` }],
  ['{$url}', { ok: true, value: 'http://api.example.com/subscribe?callback_url=x' }],
  // Embedded values: percent-encoded for their position.
  [
    '{$request.body#/url}/invoices/{$request.body#/id}',
    { ok: true, value: `${receiver}/invoices/a%20b%2Fc%3Fd` },
  ],
  [
    '{$request.body#/url}?id={$request.body#/id}&n={$request.body#/count}',
    { ok: true, value: `${receiver}?id=a%20b%2Fc%3Fd&n=42` },
  ],
  ['{$request.body#/url}/{$request.body#/paid}', { ok: true, value: `${receiver}/false` }],
  [
    '{$request.body#/url}?tags={$request.body#/tags}',
    { ok: true, value: `${receiver}?tags=%5B%22x%22%2C%22y%22%5D` },
  ],
  [
    '{$request.body#/url}?o={$request.body#/nested/deep}',
    { ok: true, value: `${receiver}?o=%7B%22value%22%3A%22v%22%7D` },
  ],
  ['{$request.body#/url}/{$request.body#/encoded}', { ok: true, value: `${receiver}/a%20b` }],
  [
    '{$request.body#/url}/{$request.body#/unicode}',
    { ok: true, value: `${receiver}/%C3%A9%E2%82%AC` },
  ],
  ['{$request.body#/url}/{$method}/{$statusCode}', { ok: true, value: `${receiver}/POST/201` }],
  ['{$request.body#/url}/{$request.path.id}', { ok: true, value: `${receiver}/inv%201` }],
  [
    '{$request.body#/url}?h={$request.header.x-multi}',
    { ok: true, value: `${receiver}?h=a%2C%20b` },
  ],
  ['{$request.body#/url}?l={$request.query.list}', { ok: true, value: `${receiver}?l=first` }],
  ['{$request.body#/url}?e={$request.query.empty}', { ok: true, value: `${receiver}?e=` }],
  ['{$request.body#/url}/{$response.header.x-id}', { ok: true, value: `${receiver}/7` }],
  ['{$request.body#/url}/{$response.body#/id}', { ok: true, value: `${receiver}/9` }],
  // JSON pointer escapes (RFC 6901) and array indexes.
  ['{$request.body#/url}/{$request.body#/a~1b}', { ok: true, value: `${receiver}/slash` }],
  ['{$request.body#/url}/{$request.body#/c~0d}', { ok: true, value: `${receiver}/tilde` }],
  ['{$request.body#/url}/{$request.body#/items/1/id}', { ok: true, value: `${receiver}/i1` }],
  [
    '{$request.body#/url}/{$request.body#/dotted.key}',
    { ok: true, value: `${receiver}/literal-dot` },
  ],
  // A dotted pointer that finds nothing is tried as a nested path.
  ['{$request.body#/webhooks.url}', { ok: true, value: `${receiver}/wa` }],
  // FastAPI dialect.
  [
    '{$callback_url}/invoices/{$request.body.id}',
    { ok: true, value: `${receiver}/invoices/a%20b%2Fc%3Fd` },
  ],
  ['{$url}/{$request.body.nested.deep.value}', { ok: true, value: `${context.url}/v` }],
  // Fixed base with expressions in the query.
  [
    'http://notificationServer.com?transactionId={$request.body#/id}&email={$request.body#/count}',
    { ok: true, value: 'http://notificationServer.com?transactionId=a%20b%2Fc%3Fd&email=42' },
  ],
  ['/relative/{$request.path.id}', { ok: true, value: '/relative/inv%201' }],
  ['https://example.com/hooks', { ok: true, value: 'https://example.com/hooks' }],
];

const missing: Array<[string, string, unknown[], RuntimeContext?]> = [
  ['{$request.query.nope}/x', '/x', [{ type: 'query', name: 'nope' }]],
  [
    '{$request.body#/url}/{$request.body#/nothing}',
    `${receiver}/`,
    [{ type: 'body', from: 'request', pointer: '/nothing' }],
  ],
  [
    '{$request.body#/url}/{$request.body#/items/7/id}',
    `${receiver}/`,
    [{ type: 'body', from: 'request', pointer: '/items/7/id' }],
  ],
  [
    '{$request.body#/url}/{$request.body#/items/-}',
    `${receiver}/`,
    [{ type: 'body', from: 'request', pointer: '/items/-' }],
  ],
  ['{$request.header.absent}', '', [{ type: 'header', from: 'request', name: 'absent' }]],
  ['{$request.path.none}', '', [{ type: 'path', name: 'none' }]],
  [
    '{$response.body#/links/callback}',
    '',
    [{ type: 'body', from: 'response', pointer: '/links/callback' }],
    { ...context, response: undefined },
  ],
  [
    '{$request.body#/url}/{$statusCode}',
    `${receiver}/`,
    [{ type: 'statusCode' }],
    { ...context, statusCode: undefined },
  ],
  [
    '{$request.body#/url}/{$request.body#/id}',
    '/',
    [
      { type: 'body', from: 'request', pointer: '/url' },
      { type: 'body', from: 'request', pointer: '/id' },
    ],
    { ...context, request: { ...context.request, body: 'not json' } },
  ],
  ['{nonsense here}', '', [{ type: 'unknown', text: 'nonsense here' }]],
];

describe('evaluateUrlTemplate', () => {
  for (const [key, want, given] of table) {
    it(key, () => {
      assert.deepEqual(evaluateUrlTemplate(parseUrlTemplate(key), given ?? context), want);
    });
  }

  for (const [key, value, sources, given] of missing) {
    it(`reports what is missing: ${key}`, () => {
      assert.deepEqual(evaluateUrlTemplate(parseUrlTemplate(key), given ?? context), {
        ok: false,
        value,
        missing: sources,
      });
    });
  }

  it('reads a FastAPI parameter from the query, the path, a header or the body', () => {
    const template = parseUrlTemplate('{$callback_url}');
    const empty = { headers: {}, query: {}, path: {} };
    const where: RuntimeContext['request'][] = [
      { ...empty, query: { callback_url: 'q' } },
      { ...empty, path: { callback_url: 'q' } },
      { ...empty, headers: { Callback_URL: 'q' } },
      { ...empty, body: { callback_url: 'q' } },
    ];
    for (const request of where) {
      assert.deepEqual(evaluateUrlTemplate(template, { url: '/', method: 'POST', request }), {
        ok: true,
        value: 'q',
      });
    }
  });

  it('reads the whole body with $request.body, as JSON when it is not a string', () => {
    const template = parseUrlTemplate('{$url}?b={$request.body}');
    const request = { headers: {}, query: {}, path: {}, body: { a: 1 } };
    assert.deepEqual(evaluateUrlTemplate(template, { url: '/x', method: 'POST', request }), {
      ok: true,
      value: '/x?b=%7B%22a%22%3A1%7D',
    });
  });
});
