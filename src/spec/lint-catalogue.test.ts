import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Finding } from './../validate/finding.ts';
import { buildCatalogue } from './build-catalogue.ts';
import type { JsonObject } from './document.ts';

const ok = { responses: { '200': { description: 'ok' } } };
const jsonBody = {
  requestBody: { content: { 'application/json': { schema: { type: 'object' } } } },
};

/** Lint findings for one trigger with the given parameters and one callback key → path item. */
function lintOf(parameters: unknown[], key: string, pathItem: JsonObject): Finding[] {
  const document = {
    openapi: '3.1.0',
    info: { title: 'lint', version: '1' },
    paths: {
      '/subscribe': {
        post: {
          operationId: 'subscribe',
          parameters,
          ...ok,
          callbacks: { event: { [key]: pathItem } },
        },
      },
    },
  };
  return buildCatalogue({
    source: 'inline',
    openapi: '3.1.0',
    version: '3.1',
    title: 'lint',
    document,
    findings: [],
  }).findings;
}

const query = (name: string): JsonObject => ({ name, in: 'query', schema: { type: 'string' } });
const header = (name: string): JsonObject => ({ name, in: 'header', schema: { type: 'string' } });

describe('lintCatalogue', () => {
  const cases: Array<{
    name: string;
    parameters: unknown[];
    key: string;
    pathItem: JsonObject;
    checks: Array<[string, string]>;
  }> = [
    {
      name: 'a clean callback',
      parameters: [query('cb')],
      key: '{$request.query.cb}/done',
      pathItem: { post: { ...jsonBody, ...ok } },
      checks: [],
    },
    {
      name: 'query parameter the trigger does not declare',
      parameters: [query('other')],
      key: '{$request.query.cb}',
      pathItem: { post: { ...jsonBody, ...ok } },
      checks: [['expression.undeclared-parameter', 'warning']],
    },
    {
      name: 'header names match case-insensitively',
      parameters: [header('X-Callback-Url')],
      key: '{$request.header.x-callback-url}',
      pathItem: { post: { ...jsonBody, ...ok } },
      checks: [],
    },
    {
      name: 'path parameter not declared',
      parameters: [],
      key: '{$request.body#/url}/{$request.path.id}',
      pathItem: { post: { ...jsonBody, ...ok } },
      checks: [['expression.undeclared-parameter', 'warning']],
    },
    {
      name: 'FastAPI parameter declared anywhere; the dialect itself is flagged',
      parameters: [query('callback_url')],
      key: '{$callback_url}/invoices',
      pathItem: { post: { ...jsonBody, ...ok } },
      checks: [['expression.fastapi-dialect', 'warning']],
    },
    {
      name: 'FastAPI parameter not declared',
      parameters: [],
      key: '{$callback_url}/invoices',
      pathItem: { post: { ...jsonBody, ...ok } },
      checks: [
        ['expression.fastapi-dialect', 'warning'],
        ['expression.undeclared-parameter', 'warning'],
      ],
    },
    {
      name: 'fixed host',
      parameters: [],
      key: 'https://hooks.example.com/events?u={$request.body#/u}',
      pathItem: { post: { ...jsonBody, ...ok } },
      checks: [['url.fixed-host', 'warning']],
    },
    {
      name: 'a path with no host',
      parameters: [],
      key: '/events/{$request.body#/id}',
      pathItem: { post: { ...jsonBody, ...ok } },
      checks: [['url.no-host', 'info']],
    },
    {
      name: 'POST callback without a request body; a GET one needs none',
      parameters: [query('cb')],
      key: '{$request.query.cb}',
      pathItem: { post: ok, get: ok },
      checks: [['body.no-schema', 'warning']],
    },
    {
      name: 'request body with no schema',
      parameters: [query('cb')],
      key: '{$request.query.cb}',
      pathItem: { post: { requestBody: { content: { 'application/json': {} } }, ...ok } },
      checks: [['body.no-schema', 'warning']],
    },
    {
      name: 'odd media types',
      parameters: [query('cb')],
      key: '{$request.query.cb}',
      pathItem: {
        post: {
          requestBody: {
            content: {
              json: { schema: {} },
              'applicaton/json': { schema: {} },
              'application/*': { schema: {} },
              'application/json; charset=utf-8': { schema: {} },
            },
          },
          ...ok,
        },
      },
      checks: [
        ['media-type.unknown', 'warning'],
        ['media-type.unknown', 'warning'],
        ['media-type.unknown', 'info'],
      ],
    },
    {
      name: 'one finding per path item, not per method',
      parameters: [],
      key: '{$request.query.cb}',
      pathItem: { post: { ...jsonBody, ...ok }, put: { ...jsonBody, ...ok } },
      checks: [['expression.undeclared-parameter', 'warning']],
    },
  ];
  for (const { name, parameters, key, pathItem, checks } of cases) {
    test(name, () => {
      const findings = lintOf(parameters, key, pathItem);
      assert.deepEqual(
        findings.map((finding) => [finding.check, finding.severity]),
        checks,
        JSON.stringify(findings, null, 1),
      );
      for (const finding of findings) {
        assert.ok(finding.contract?.startsWith('subscribe/event/'), 'names its contract');
        assert.ok(
          finding.spec?.startsWith('/paths/~1subscribe/post/callbacks/event/'),
          'points into the document',
        );
      }
    });
  }
});
