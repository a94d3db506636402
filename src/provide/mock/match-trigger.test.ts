import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TriggerOperation } from '../../spec/contract.ts';
import { matchTrigger } from './match-trigger.ts';

function trigger(method: TriggerOperation['method'], path: string): TriggerOperation {
  return {
    method,
    path,
    tags: [],
    parameters: [],
    responses: [],
    security: [],
    pointer: `/paths/${path}/${method}`,
  };
}

const triggers = [
  trigger('post', '/invoices'),
  trigger('post', '/jobs/{jobId}/start'),
  trigger('post', '/jobs/{jobId}/{action}'),
  trigger('post', '/jobs/all/start'),
];

const rows: Array<{
  method: string;
  path: string;
  want?: { path: string; params: Record<string, string> };
}> = [
  { method: 'POST', path: '/invoices', want: { path: '/invoices', params: {} } },
  { method: 'post', path: '/invoices/', want: { path: '/invoices', params: {} } },
  { method: 'GET', path: '/invoices' },
  { method: 'POST', path: '/invoices/1' },
  {
    method: 'POST',
    path: '/jobs/j%201/start',
    want: { path: '/jobs/{jobId}/start', params: { jobId: 'j 1' } },
  },
  { method: 'POST', path: '/jobs/all/start', want: { path: '/jobs/all/start', params: {} } },
  {
    method: 'POST',
    path: '/jobs/7/stop',
    want: { path: '/jobs/{jobId}/{action}', params: { jobId: '7', action: 'stop' } },
  },
  {
    method: 'POST',
    path: '/jobs/%E0%A4%A/start',
    want: { path: '/jobs/{jobId}/start', params: { jobId: '%E0%A4%A' } },
  },
];

for (const row of rows) {
  test(`matchTrigger ${row.method} ${row.path}`, () => {
    const found = matchTrigger(triggers, row.method, row.path);
    if (row.want === undefined) {
      assert.equal(found, undefined);
      return;
    }
    assert.equal(found?.trigger.path, row.want.path);
    assert.deepEqual(found?.params, row.want.params);
  });
}
