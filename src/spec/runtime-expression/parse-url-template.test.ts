import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseUrlTemplate } from './parse-url-template.ts';
import type { ExpressionIssueCode, ExpressionSource, UrlBase } from './types.ts';

/** A compact reading of a template: parts as `'literal'` strings or sources, base and issue codes. */
interface Want {
  parts: Array<string | ExpressionSource>;
  base: UrlBase;
  issues?: ExpressionIssueCode[];
  dialects?: string[];
}

function read(key: string): Want {
  const template = parseUrlTemplate(key);
  return {
    parts: template.parts.map((part) => (part.kind === 'literal' ? part.text : part.source)),
    base: template.base,
    issues: template.issues.map((issue) => issue.code),
    dialects: template.parts.flatMap((part) => (part.kind === 'expression' ? [part.dialect] : [])),
  };
}

const body = (pointer: string, from: 'request' | 'response' = 'request'): ExpressionSource => ({
  type: 'body',
  from,
  pointer,
});
const expressionBase = (source: ExpressionSource): UrlBase => ({ kind: 'expression', source });

// Every callback key of the documents in the shared corpus (manifest.json `callback_keys`),
// plus the OpenAPI specification's own Callback Object examples.
const corpus: Array<[string, Want]> = [
  [
    'Provided URL in /webhook_subscriptions',
    {
      parts: ['Provided URL in /webhook_subscriptions'],
      base: { kind: 'none' },
      issues: ['expression.free-text'],
    },
  ],
  [
    '{$request.body#/subscription.href}',
    {
      parts: [body('/subscription.href')],
      base: expressionBase(body('/subscription.href')),
      issues: ['expression.dotted-pointer'],
    },
  ],
  [
    '{$request.body#/callbackUrl}',
    { parts: [body('/callbackUrl')], base: expressionBase(body('/callbackUrl')), issues: [] },
  ],
  [
    '{$request.body#/callback}',
    { parts: [body('/callback')], base: expressionBase(body('/callback')), issues: [] },
  ],
  [
    '{$request.body#/webhooks.url}',
    {
      parts: [body('/webhooks.url')],
      base: expressionBase(body('/webhooks.url')),
      issues: ['expression.dotted-pointer'],
    },
  ],
  [
    '{$request.body#/url}',
    { parts: [body('/url')], base: expressionBase(body('/url')), issues: [] },
  ],
  [
    '{$request.body#/sink}',
    { parts: [body('/sink')], base: expressionBase(body('/sink')), issues: [] },
  ],
  [
    '{$callback_url}/invoices/{$request.body.id}',
    {
      parts: [{ type: 'parameter', name: 'callback_url' }, '/invoices/', body('/id')],
      base: expressionBase({ type: 'parameter', name: 'callback_url' }),
      issues: ['expression.fastapi-dialect', 'expression.fastapi-dialect'],
      dialects: ['fastapi', 'fastapi'],
    },
  ],
  [
    '{$callback_url}/events/{$request.body.title}',
    {
      parts: [{ type: 'parameter', name: 'callback_url' }, '/events/', body('/title')],
      base: expressionBase({ type: 'parameter', name: 'callback_url' }),
      issues: ['expression.fastapi-dialect', 'expression.fastapi-dialect'],
      dialects: ['fastapi', 'fastapi'],
    },
  ],
  [
    '{$request.query.callbackUrl}/data',
    {
      parts: [{ type: 'query', name: 'callbackUrl' }, '/data'],
      base: expressionBase({ type: 'query', name: 'callbackUrl' }),
      issues: [],
    },
  ],
  [
    '{$request.header.progressUrl}',
    {
      parts: [{ type: 'header', from: 'request', name: 'progressUrl' }],
      base: expressionBase({ type: 'header', from: 'request', name: 'progressUrl' }),
      issues: [],
    },
  ],
  [
    '{$request.body#/url}?token={$request.body#/token}',
    {
      parts: [body('/url'), '?token=', body('/token')],
      base: expressionBase(body('/url')),
      issues: [],
    },
  ],
  [
    '{$request.body#/callbackUrl}?event={$request.body#/eventName}',
    {
      parts: [body('/callbackUrl'), '?event=', body('/eventName')],
      base: expressionBase(body('/callbackUrl')),
      issues: [],
    },
  ],
  [
    'http://notificationServer.com?url={$request.body#/callbackUrl}&event={$request.body#/eventName}',
    {
      parts: [
        'http://notificationServer.com?url=',
        body('/callbackUrl'),
        '&event=',
        body('/eventName'),
      ],
      base: { kind: 'fixed', origin: 'http://notificationServer.com' },
      issues: [],
    },
  ],
  [
    '{webhookURL}',
    {
      parts: [{ type: 'parameter', name: 'webhookURL', style: 'plain' }],
      base: expressionBase({ type: 'parameter', name: 'webhookURL', style: 'plain' }),
      issues: ['expression.plain-variable'],
      dialects: ['lenient'],
    },
  ],
  [
    'http://notificationServer.com?transactionId={$request.body#/id}&email={$request.body#/email}',
    {
      parts: [
        'http://notificationServer.com?transactionId=',
        body('/id'),
        '&email=',
        body('/email'),
      ],
      base: { kind: 'fixed', origin: 'http://notificationServer.com' },
      issues: [],
    },
  ],
  [
    '{$request.query.queryUrl}',
    {
      parts: [{ type: 'query', name: 'queryUrl' }],
      base: expressionBase({ type: 'query', name: 'queryUrl' }),
      issues: [],
    },
  ],
];

const grammar: Array<[string, Want]> = [
  ['{$url}', { parts: [{ type: 'url' }], base: expressionBase({ type: 'url' }), issues: [] }],
  [
    '{$url}/status/{$statusCode}/{$method}',
    {
      parts: [{ type: 'url' }, '/status/', { type: 'statusCode' }, '/', { type: 'method' }],
      base: expressionBase({ type: 'url' }),
      issues: [],
    },
  ],
  [
    '{$request.path.eventType}',
    {
      parts: [{ type: 'path', name: 'eventType' }],
      base: expressionBase({ type: 'path', name: 'eventType' }),
      issues: [],
    },
  ],
  [
    '{$request.query.a.b}',
    {
      parts: [{ type: 'query', name: 'a.b' }],
      base: expressionBase({ type: 'query', name: 'a.b' }),
      issues: [],
    },
  ],
  ['{$request.body}', { parts: [body('')], base: expressionBase(body('')), issues: [] }],
  ['{$request.body#}', { parts: [body('')], base: expressionBase(body('')), issues: [] }],
  [
    '{$request.body#/a~1b/c~0d/0}',
    { parts: [body('/a~1b/c~0d/0')], base: expressionBase(body('/a~1b/c~0d/0')), issues: [] },
  ],
  [
    '{$response.body#/links/callback}',
    {
      parts: [body('/links/callback', 'response')],
      base: expressionBase(body('/links/callback', 'response')),
      issues: [],
    },
  ],
  [
    '{$response.header.Location}/ack',
    {
      parts: [{ type: 'header', from: 'response', name: 'Location' }, '/ack'],
      base: expressionBase({ type: 'header', from: 'response', name: 'Location' }),
      issues: [],
    },
  ],
  [
    '/hooks/{$request.path.id}',
    {
      parts: ['/hooks/', { type: 'path', name: 'id' }],
      base: { kind: 'relative' },
      issues: [],
    },
  ],
  [
    'https://hooks.example.com:8443/v1/{$request.body#/id}?kind=paid',
    {
      parts: ['https://hooks.example.com:8443/v1/', body('/id'), '?kind=paid'],
      base: { kind: 'fixed', origin: 'https://hooks.example.com:8443' },
      issues: [],
    },
  ],
  [
    'https://{$request.body#/tenant}.example.com/cb',
    {
      parts: ['https://', body('/tenant'), '.example.com/cb'],
      base: { kind: 'fixed', origin: 'https://{$request.body#/tenant}.example.com' },
      issues: [],
    },
  ],
  ['$request.body#/url', { parts: [body('/url')], base: expressionBase(body('/url')), issues: [] }],
  [
    '$request.query.cb/data',
    {
      parts: [{ type: 'query', name: 'cb' }, '/data'],
      base: expressionBase({ type: 'query', name: 'cb' }),
      issues: [],
    },
  ],
  [
    '$request.header.X-Callback',
    {
      parts: [{ type: 'header', from: 'request', name: 'X-Callback' }],
      base: expressionBase({ type: 'header', from: 'request', name: 'X-Callback' }),
      issues: [],
    },
  ],
  [
    '  {$request.body#/url}  ',
    { parts: [body('/url')], base: expressionBase(body('/url')), issues: [] },
  ],
];

const fastApi: Array<[string, Want]> = [
  [
    '{$callback_url}',
    {
      parts: [{ type: 'parameter', name: 'callback_url' }],
      base: expressionBase({ type: 'parameter', name: 'callback_url' }),
      issues: ['expression.fastapi-dialect'],
      dialects: ['fastapi'],
    },
  ],
  [
    '{$request.query.callback_url}/items/{$request.body.item.id}',
    {
      parts: [{ type: 'query', name: 'callback_url' }, '/items/', body('/item/id')],
      base: expressionBase({ type: 'query', name: 'callback_url' }),
      issues: ['expression.fastapi-dialect'],
      dialects: ['standard', 'fastapi'],
    },
  ],
  [
    '{$response.body.links.hook}',
    {
      parts: [body('/links/hook', 'response')],
      base: expressionBase(body('/links/hook', 'response')),
      issues: ['expression.fastapi-dialect'],
      dialects: ['fastapi'],
    },
  ],
];

const unknown = (text: string): ExpressionSource => ({ type: 'unknown', text });

const malformed: Array<[string, Want]> = [
  [
    '{request.body#/x}',
    {
      parts: [body('/x')],
      base: expressionBase(body('/x')),
      issues: ['expression.missing-dollar'],
      dialects: ['lenient'],
    },
  ],
  [
    '{request.query.cb}/done',
    {
      parts: [{ type: 'query', name: 'cb' }, '/done'],
      base: expressionBase({ type: 'query', name: 'cb' }),
      issues: ['expression.missing-dollar'],
      dialects: ['lenient'],
    },
  ],
  [
    '{$request.body#/url',
    {
      parts: [body('/url')],
      base: expressionBase(body('/url')),
      issues: ['expression.unbalanced-braces'],
    },
  ],
  [
    '$request.body#/url}',
    {
      parts: [body('/url')],
      base: expressionBase(body('/url')),
      issues: ['expression.unbalanced-braces'],
    },
  ],
  [
    '$request.query.cb}/x/{$request.body#/id}',
    {
      parts: [{ type: 'query', name: 'cb' }, '/x/', body('/id')],
      base: expressionBase({ type: 'query', name: 'cb' }),
      issues: ['expression.unbalanced-braces'],
    },
  ],
  [
    '$request.header.X-Cb/items/{$request.body#/id}',
    {
      parts: [{ type: 'header', from: 'request', name: 'X-Cb' }, '/items/', body('/id')],
      base: expressionBase({ type: 'header', from: 'request', name: 'X-Cb' }),
      issues: [],
    },
  ],
  [
    '{{$request.body#/url}}/x',
    {
      parts: [body('/url'), '/x'],
      base: expressionBase(body('/url')),
      issues: ['expression.unbalanced-braces'],
    },
  ],
  [
    '{$request.body#/url}}/x',
    {
      parts: [body('/url'), '/x'],
      base: expressionBase(body('/url')),
      issues: ['expression.unbalanced-braces'],
    },
  ],
  [
    '/a{b/{$request.path.id}',
    {
      parts: ['/a{b/', { type: 'path', name: 'id' }],
      base: { kind: 'relative' },
      issues: ['expression.unbalanced-braces'],
    },
  ],
  [
    'https://example.com/hooks',
    {
      parts: ['https://example.com/hooks'],
      base: { kind: 'fixed', origin: 'https://example.com' },
      issues: ['expression.no-expression'],
    },
  ],
  [
    '/hooks/inbound',
    { parts: ['/hooks/inbound'], base: { kind: 'relative' }, issues: ['expression.no-expression'] },
  ],
  ['', { parts: [], base: { kind: 'none' }, issues: ['expression.free-text'] }],
  [
    'see the dashboard',
    { parts: ['see the dashboard'], base: { kind: 'none' }, issues: ['expression.free-text'] },
  ],
  [
    '{$request.bodyy#/x}',
    {
      parts: [unknown('$request.bodyy#/x')],
      base: { kind: 'none' },
      issues: ['expression.unknown-source'],
    },
  ],
  [
    '{$response.query.cb}',
    {
      parts: [unknown('$response.query.cb')],
      base: { kind: 'none' },
      issues: ['expression.unknown-source'],
    },
  ],
  [
    '{$request.header.}',
    {
      parts: [unknown('$request.header.')],
      base: { kind: 'none' },
      issues: ['expression.unknown-source'],
    },
  ],
  [
    '{$request.header.bad name}',
    {
      parts: [unknown('$request.header.bad name')],
      base: { kind: 'none' },
      issues: ['expression.unknown-source'],
    },
  ],
  [
    '{a callback url}',
    {
      parts: [unknown('a callback url')],
      base: { kind: 'none' },
      issues: ['expression.unknown-source'],
      dialects: ['lenient'],
    },
  ],
  [
    '{$request.body#url}',
    {
      parts: [body('/url')],
      base: expressionBase(body('/url')),
      issues: ['expression.invalid-pointer'],
    },
  ],
  [
    '{$request.body#/a~2b}',
    {
      parts: [body('/a~02b')],
      base: expressionBase(body('/a~02b')),
      issues: ['expression.invalid-pointer'],
    },
  ],
];

describe('parseUrlTemplate', () => {
  for (const [group, table] of [
    ['corpus keys', corpus],
    ['standard grammar', grammar],
    ['FastAPI dialect', fastApi],
    ['malformed keys', malformed],
  ] as const) {
    describe(group, () => {
      for (const [key, want] of table) {
        it(JSON.stringify(key), () => {
          const got = read(key);
          assert.deepEqual(got.parts, want.parts);
          assert.deepEqual(got.base, want.base);
          assert.deepEqual(got.issues, want.issues ?? []);
          // A row that names no dialects reads every expression in the standard grammar.
          assert.deepEqual(got.dialects, want.dialects ?? got.dialects?.map(() => 'standard'));
        });
      }
    });
  }

  it('has a row for every callback key of the corpus manifest', () => {
    const path = join(import.meta.dirname, '../../../specs/corpus/manifest.json');
    const manifest: unknown = JSON.parse(readFileSync(path, 'utf8'));
    assert.ok(Array.isArray(manifest));
    const keys = new Set<string>();
    const entries: unknown[] = manifest;
    for (const entry of entries) {
      if (typeof entry !== 'object' || entry === null || !('callback_keys' in entry)) continue;
      const counted = entry.callback_keys;
      if (typeof counted === 'object' && counted !== null) {
        for (const key of Object.keys(counted)) keys.add(key);
      }
    }
    assert.ok(keys.size >= 15);
    const covered = new Set(corpus.map(([key]) => key));
    assert.deepEqual(
      [...keys].filter((key) => !covered.has(key)),
      [],
    );
  });

  it('keeps the key exactly as written', () => {
    assert.equal(parseUrlTemplate('  {$url} ').raw, '  {$url} ');
  });

  it('keeps each expression as written, braces included', () => {
    const template = parseUrlTemplate('{$request.query.cb}/x/{$request.body.id}');
    const raws = template.parts.flatMap((part) => (part.kind === 'expression' ? [part.raw] : []));
    assert.deepEqual(raws, ['{$request.query.cb}', '{$request.body.id}']);
  });

  it('gives every issue a severity and a message that names the key', () => {
    for (const key of ['{webhookURL}', '{request.body#/x}', 'free text', '{$callback_url}']) {
      for (const issue of parseUrlTemplate(key).issues) {
        assert.ok(['error', 'warning', 'info'].includes(issue.severity));
        assert.match(issue.message, /"/);
      }
    }
  });

  it('says how an unbalanced key was read', () => {
    const [issue] = parseUrlTemplate('$request.body#/url}/x').issues;
    assert.equal(issue?.code, 'expression.unbalanced-braces');
    assert.match(issue?.message ?? '', /read as "\{\$request\.body#\/url\}\/x"/);
  });

  it('flags the FastAPI dialect and missing $ as warnings and a literal URL as info', () => {
    assert.equal(parseUrlTemplate('{$callback_url}').issues[0]?.severity, 'warning');
    assert.equal(parseUrlTemplate('{request.body#/x}').issues[0]?.severity, 'warning');
    assert.equal(parseUrlTemplate('https://example.com/hooks').issues[0]?.severity, 'info');
  });

  it('never throws on odd input', () => {
    for (const key of [
      '{',
      '}',
      '{{',
      '}}{',
      '{$',
      '$',
      '{$request.}',
      '{#}',
      '{$request.body#~}',
      '\u{1F600}{$url',
    ]) {
      assert.doesNotThrow(() => parseUrlTemplate(key), key);
    }
  });
});
