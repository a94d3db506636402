import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { buildCatalogue, loadDocument } from '../../spec/index.ts';
import { buildCallbackRoutes, type CallbackRoute } from './build-callback-routes.ts';
import { routeCallback } from './route-callback.ts';

const spec = `
openapi: 3.1.0
info: { title: Routes, version: 1.0.0 }
paths:
  /subscribe:
    post:
      operationId: subscribe
      responses: { '201': { description: ok } }
      callbacks:
        event:
          '{$request.body#/url}/events/{$request.body#/id}':
            post: { responses: { '200': { description: ok } } }
        eventStatus:
          '{$request.body#/url}/events/{$request.body#/id}/status':
            put: { responses: { '200': { description: ok } } }
        fixed:
          'https://hooks.example.com/notify?id={$request.body#/id}':
            post: { responses: { '200': { description: ok } } }
        bare:
          '{$request.header.progressUrl}':
            post: { responses: { '200': { description: ok } } }
webhooks:
  newPet:
    post: { responses: { '200': { description: ok } } }
  cache:
    post: { responses: { '200': { description: ok } } }
    additionalOperations:
      PURGE: { responses: { '204': { description: ok } } }
`;

describe('routeCallback', () => {
  let routes: CallbackRoute[];
  before(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cv-routes-'));
    const file = join(dir, 'routes.yaml');
    await writeFile(file, spec);
    routes = buildCallbackRoutes(
      buildCatalogue(await loadDocument(file)),
      'https://cb.test/',
      '/webhooks',
    );
  });

  const rows: Array<{ method: string; url: string; want?: string; captured?: string[] }> = [
    {
      method: 'POST',
      url: 'https://cb.test/events/e%201',
      want: 'subscribe/event/post',
      captured: ['e 1'],
    },
    {
      method: 'PUT',
      url: 'https://cb.test/events/7/status',
      want: 'subscribe/eventStatus/put',
      captured: ['7'],
    },
    // Only another method matches the path: routed there so the check reports the method.
    { method: 'POST', url: 'https://cb.test/events/7/status', want: 'subscribe/eventStatus/put' },
    {
      method: 'POST',
      url: 'https://hooks.example.com/notify?id=9',
      want: 'subscribe/fixed/post',
      captured: ['9'],
    },
    { method: 'POST', url: 'https://cb.test', want: 'subscribe/bare/post' },
    { method: 'POST', url: 'https://cb.test/', want: 'subscribe/bare/post' },
    { method: 'POST', url: 'https://cb.test/webhooks/newPet', want: 'webhook/newPet/post' },
    { method: 'POST', url: 'https://cb.test/webhooks/newPetX' },
    // An OAS 3.2 additionalOperations method is told apart from the post beside it.
    { method: 'PURGE', url: 'https://cb.test/webhooks/cache', want: 'webhook/cache/purge' },
    { method: 'POST', url: 'https://cb.test/webhooks/cache', want: 'webhook/cache/post' },
    { method: 'POST', url: 'https://cb.testing/events/1' },
    { method: 'POST', url: 'https://other.test/events/1' },
  ];
  for (const row of rows) {
    test(`${row.method} ${row.url}`, () => {
      const found = routeCallback(routes, row.method, row.url);
      if (row.want === undefined) {
        assert.equal(found.kind, 'unmatched');
        return;
      }
      assert.equal(found.kind === 'matched' ? found.contract.id : found.kind, row.want);
      if (row.captured !== undefined && found.kind === 'matched') {
        assert.deepEqual(
          found.captured.map((value) => value.value),
          row.captured,
        );
      }
    });
  }
});
