import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { buildCatalogue } from './build-catalogue.ts';
import type { Catalogue } from './contract.ts';
import { isJsonObject } from './is-json-object.ts';
import { loadDocument } from './load-document.ts';
import { resolvePointer } from './resolve-pointer.ts';

const corpus = join(import.meta.dirname, '../../specs/corpus');

/** The figures of manifest.json that the catalogue must reproduce. */
const figures = [
  'ops_with_callbacks',
  'callback_path_items',
  'callback_operations',
  'webhooks',
  'webhook_operations',
  'x_webhooks',
] as const;
type Figure = (typeof figures)[number];

/**
 * Where the manifest is wrong, checked by hand against the document; the test expects the
 * corrected figure and says why.
 */
const errata: Record<string, Partial<Record<Figure, { value: number; why: string }>>> = {
  'redocly-openapi-starter/openapi.yaml': {
    webhook_operations: {
      value: 1,
      why: 'webhooks.order-notification is a $ref to webhooks/order-notification.yaml, which declares `post`; the manifest counter did not follow external $refs',
    },
  },
};

/**
 * The lint findings each document gets (`severity check` → count), checked by hand against the
 * documents; a document not listed has none. ETSI reads `subscription.href` from a body whose
 * schema has `callbackUri`; Vonage Dispatch reads `callback` from a schema without it; Sakari's
 * trigger is a DELETE with no body; Up's key is the plain variable `{webhookURL}`; the OAI 3.2
 * callback examples declare their callbacks only under `components.callbacks`.
 */
const expectedFindings: Record<string, Record<string, number>> = {
  'apisguru-contentgroove.json': { 'warning expression.free-text': 1 },
  'apisguru-etsi-mec010-2.json': {
    'info expression.dotted-pointer': 1,
    'info expression.unknown-body-field': 1,
  },
  'apisguru-sakari.json': { 'warning expression.undeclared-body': 1 },
  'apisguru-vonage-dispatch.json': { 'info expression.unknown-body-field': 2 },
  'apisguru-whatsapp-unblu.json': { 'info expression.dotted-pointer': 1 },
  'fastapi-callbacks-tutorial001.json': { 'warning expression.fastapi-dialect': 2 },
  'fastapi-sub-callbacks.json': { 'warning expression.fastapi-dialect': 4 },
  'oai-callback-object-examples-3.2.yaml': { 'info callback.unreferenced': 1 },
  'oai-tictactoe.yaml': { 'warning body.no-schema': 1 },
  'openapi-ts-simple-example.yaml': { 'warning body.no-schema': 1 },
  'redoc-demo-petstore-3.0.yaml': { 'warning url.fixed-host': 1 },
  'redoc-demo-petstore-3.1.yaml': { 'warning url.fixed-host': 1 },
  'stoplight-http-spec-kitchen-sink.json': { 'info expression.unknown-body-field': 1 },
  'up-bank.json': {
    'warning expression.plain-variable': 1,
    'warning expression.undeclared-parameter': 1,
  },
  'redocly-openapi-starter/openapi.yaml': { 'warning ref.extension-unresolved': 2 },
};

interface Entry {
  file: string;
  openapi: string;
  counts: Record<Figure, number>;
  callbackKeys: Record<string, number>;
}

function readManifest(): Entry[] {
  const parsed: unknown = JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8'));
  assert.ok(Array.isArray(parsed), 'manifest.json holds a list');
  return parsed.map((item: unknown) => {
    assert.ok(
      isJsonObject(item) && typeof item.file === 'string' && typeof item.openapi === 'string',
    );
    const counts = {} as Record<Figure, number>;
    for (const figure of figures) {
      const value: unknown = item[figure];
      assert.equal(typeof value, 'number', `${item.file}: ${figure}`);
      counts[figure] = Number(value);
    }
    const keys = isJsonObject(item.callback_keys) ? item.callback_keys : {};
    const callbackKeys = Object.fromEntries(
      Object.entries(keys).map(([key, count]) => [key, Number(count)]),
    );
    return { file: item.file, openapi: item.openapi, counts, callbackKeys };
  });
}

/** The manifest's figures, counted from the catalogue. */
function countCatalogue(catalogue: Catalogue): {
  counts: Record<Figure, number>;
  callbackKeys: Record<string, number>;
} {
  const callbacks = catalogue.contracts.filter((contract) => contract.kind === 'callback');
  const webhooks = catalogue.contracts.filter((contract) => contract.declaredIn === 'webhooks');
  const xWebhooks = catalogue.contracts.filter((contract) => contract.declaredIn === 'x-webhooks');
  const pathItems = new Map<string, string>();
  for (const contract of callbacks) {
    const key = `${contract.trigger?.pointer}\u0000${contract.name}\u0000${contract.expression?.raw}`;
    pathItems.set(key, contract.expression?.raw ?? '');
  }
  const callbackKeys: Record<string, number> = {};
  for (const raw of pathItems.values()) callbackKeys[raw] = (callbackKeys[raw] ?? 0) + 1;
  return {
    counts: {
      ops_with_callbacks: new Set(callbacks.map((contract) => contract.trigger?.pointer)).size,
      callback_path_items: pathItems.size,
      callback_operations: callbacks.length,
      webhooks: new Set(webhooks.map((contract) => contract.name)).size,
      webhook_operations: webhooks.length,
      x_webhooks: new Set(xWebhooks.map((contract) => contract.name)).size,
    },
    callbackKeys,
  };
}

describe('corpus: every document loads and its catalogue matches manifest.json', () => {
  const manifest = readManifest();

  test('the manifest lists every document of the corpus', () => {
    assert.ok(manifest.length >= 37, `manifest has ${manifest.length} entries`);
  });

  for (const entry of manifest) {
    test(entry.file, async () => {
      const loaded = await loadDocument(join(corpus, entry.file));
      assert.equal(loaded.openapi, entry.openapi);
      const catalogue = buildCatalogue(loaded);
      const { counts, callbackKeys } = countCatalogue(catalogue);
      const expected = { ...entry.counts };
      for (const [figure, fix] of Object.entries(errata[entry.file] ?? {})) {
        assert.equal(expected[figure as Figure], entry.counts[figure as Figure]);
        expected[figure as Figure] = fix.value;
      }
      assert.deepEqual(counts, expected);
      assert.deepEqual(callbackKeys, entry.callbackKeys);

      const findings: Record<string, number> = {};
      for (const finding of catalogue.findings) {
        const key = `${finding.severity} ${finding.check}`;
        findings[key] = (findings[key] ?? 0) + 1;
      }
      assert.deepEqual(findings, expectedFindings[entry.file] ?? {});

      const ids = catalogue.contracts.map((contract) => contract.id);
      assert.equal(new Set(ids).size, ids.length, 'contract ids are unique');
      for (const contract of catalogue.contracts) {
        assert.notEqual(
          resolvePointer(loaded.document, contract.pointer),
          undefined,
          contract.pointer,
        );
        assert.notEqual(resolvePointer(loaded.document, contract.operation.pointer), undefined);
        for (const media of contract.operation.requestBody?.content ?? []) {
          if (media.schema === undefined) continue;
          assert.equal(
            resolvePointer(loaded.document, media.schema.pointer),
            media.schema.schema,
            media.schema.pointer,
          );
        }
      }
    });
  }
});
