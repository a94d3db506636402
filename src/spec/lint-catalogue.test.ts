import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Finding } from './../validate/finding.ts';
import { buildCatalogue } from './build-catalogue.ts';
import type { JsonObject } from './document.ts';

const ok = { responses: { '200': { description: 'ok' } } };
const jsonBody = {
  requestBody: { content: { 'application/json': { schema: { type: 'object' } } } },
};

const subscriptionBody = {
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Subscription' } } },
};

/** Lint findings for one trigger (parameters, request body) and one callback key → path item. */
function lintOf(
  parameters: unknown[],
  key: string,
  pathItem: JsonObject,
  triggerBody: JsonObject | undefined,
): Finding[] {
  const trigger = {
    operationId: 'subscribe',
    parameters,
    ...(triggerBody === undefined ? {} : { requestBody: triggerBody }),
    ...ok,
    callbacks: { event: { [key]: pathItem } },
  };
  const document = {
    openapi: '3.1.0',
    info: { title: 'lint', version: '1' },
    paths: { '/subscribe': { post: trigger } },
    components: {
      schemas: {
        Subscription: {
          type: 'object',
          properties: { url: { type: 'string' }, hook: { type: 'object' } },
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
    triggerBody?: JsonObject | null;
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
      name: 'an OAS 3.2 querystring parameter declares every query name',
      parameters: [
        {
          name: 'q',
          in: 'querystring',
          content: { 'application/x-www-form-urlencoded': { schema: { type: 'object' } } },
        },
      ],
      key: '{$request.query.cb}',
      pathItem: { post: { ...jsonBody, ...ok } },
      checks: [],
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
      key: 'https://hooks.example.com/events?u={$request.body#/url}',
      pathItem: { post: { ...jsonBody, ...ok } },
      checks: [['url.fixed-host', 'warning']],
    },
    {
      name: 'a path with no host',
      parameters: [],
      key: '/events/{$request.body#/url}',
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
    {
      name: 'request body field the trigger body schema lists',
      parameters: [],
      key: '{$request.body#/url}',
      pathItem: { post: { ...jsonBody, ...ok } },
      checks: [],
    },
    {
      name: 'request body read, but the trigger declares no body',
      parameters: [],
      key: '{$request.body#/url}',
      pathItem: { post: { ...jsonBody, ...ok } },
      triggerBody: null,
      checks: [['expression.undeclared-body', 'warning']],
    },
    {
      name: 'request body field a closed schema does not list',
      parameters: [],
      key: '{$request.body#/callbackUrl}',
      pathItem: { post: { ...jsonBody, ...ok } },
      checks: [['expression.unknown-body-field', 'info']],
    },
    {
      name: 'schemas with composition or open properties prove nothing',
      parameters: [],
      key: '{$request.body#/callbackUrl}',
      pathItem: { post: { ...jsonBody, ...ok } },
      triggerBody: {
        content: {
          'application/json': {
            schema: { allOf: [{ $ref: '#/components/schemas/Subscription' }], properties: {} },
          },
        },
      },
      checks: [],
    },
  ];
  for (const { name, parameters, key, pathItem, triggerBody, checks } of cases) {
    test(name, () => {
      const body = triggerBody === null ? undefined : (triggerBody ?? subscriptionBody);
      const findings = lintOf(parameters, key, pathItem, body);
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

describe('lintCatalogue: callbacks declared only under components.callbacks', () => {
  const callback = { '{$request.query.url}': { post: { ...jsonBody, ...ok } } };
  const cases: Array<{ name: string; paths: JsonObject; want: string[][] }> = [
    { name: 'no operation refers to them', paths: {}, want: [['callback.unreferenced', 'info']] },
    {
      name: 'an operation refers to one',
      paths: {
        '/subscribe': {
          post: {
            operationId: 'subscribe',
            parameters: [query('url')],
            ...ok,
            callbacks: { onEvent: { $ref: '#/components/callbacks/onEvent' } },
          },
        },
      },
      want: [],
    },
  ];
  for (const { name, paths, want } of cases) {
    test(name, () => {
      const { findings } = buildCatalogue({
        source: 'inline',
        openapi: '3.2.0',
        version: '3.2',
        title: 'lint',
        document: {
          openapi: '3.2.0',
          info: { title: 'lint', version: '1' },
          paths,
          components: { callbacks: { onEvent: callback } },
        },
        findings: [],
      });
      assert.deepEqual(
        findings.map((finding) => [finding.check, finding.severity]),
        want,
      );
      for (const finding of findings) {
        assert.equal(finding.spec, '/components/callbacks');
        assert.match(finding.message, /"onEvent", but no operation refers to it/);
      }
    });
  }
});
