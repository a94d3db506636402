import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Catalogue } from '../spec/contract.ts';
import { buildCatalogue, loadDocument } from '../spec/index.ts';
import { type PlanOptions, planTriggers } from './plan-triggers.ts';

const dir = await mkdtemp(join(tmpdir(), 'cv-plan-32-'));
after(() => rm(dir, { recursive: true, force: true }));

async function catalogueOf(source: object): Promise<Catalogue> {
  const path = join(dir, `doc-${Math.random().toString(36).slice(2)}.json`);
  await writeFile(path, JSON.stringify(source));
  return buildCatalogue(await loadDocument(path));
}

function options(overrides: Partial<PlanOptions> = {}): PlanOptions {
  let n = 0;
  return {
    provider: 'http://127.0.0.1:8000/',
    filters: { operations: [], tags: [], contracts: [] },
    headers: {},
    timeoutMs: 1000,
    operations: {},
    urlFor: (contract, token) => `http://127.0.0.1:9/R/${contract.split('/')[0]}/${token}`,
    createToken: () => `tok${++n}`,
    ...overrides,
  };
}

const callbacks = {
  done: {
    '{$request.header.X-Hook}': {
      additionalOperations: { NOTIFY: { responses: { '204': { description: 'ok' } } } },
    },
  },
};

/** A trigger declared under additionalOperations (LINK) with a querystring parameter. */
const document = {
  openapi: '3.2.0',
  info: { title: 't', version: '1' },
  paths: {
    '/files': {
      additionalOperations: {
        LINK: {
          operationId: 'linkFiles',
          parameters: [
            { name: 'X-Hook', in: 'header', required: true, schema: { type: 'string' } },
            {
              name: 'filter',
              in: 'querystring',
              required: true,
              content: {
                'application/x-www-form-urlencoded': {
                  schema: {
                    type: 'object',
                    properties: { kind: { type: 'string' }, max: { type: 'integer' } },
                  },
                  example: { kind: 'image file', max: 3 },
                },
              },
            },
          ],
          responses: { '202': { description: 'accepted' } },
          callbacks,
        },
      },
    },
  },
};

test('run plans a trigger from additionalOperations with its method and its querystring', async () => {
  const catalogue = await catalogueOf(document);
  assert.deepEqual(
    catalogue.contracts.map((contract) => [contract.id, contract.method]),
    [['linkFiles/done/notify', 'NOTIFY']],
  );
  const [trigger] = planTriggers(catalogue, options()).triggers;
  assert.equal(trigger?.method, 'LINK');
  assert.equal(trigger?.url, 'http://127.0.0.1:8000/files?kind=image%20file&max=3');
});

test('a configured querystring value replaces the example', async () => {
  const catalogue = await catalogueOf(document);
  const [trigger] = planTriggers(
    catalogue,
    options({ operations: { linkFiles: { parameters: { filter: { kind: 'pdf' } } } } }),
  ).triggers;
  assert.equal(trigger?.url, 'http://127.0.0.1:8000/files?kind=pdf');
});
