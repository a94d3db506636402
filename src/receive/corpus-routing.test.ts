import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildCatalogue, loadDocument } from '../spec/index.ts';
import { createReceiver } from './create-receiver.ts';
import type { ReceiverRoute } from './types.ts';

const corpus = fileURLToPath(new URL('../../specs/corpus/', import.meta.url));
/** Methods `fetch` cannot send (TRACE is forbidden, QUERY is not in Node's parser everywhere). */
const unsendable = new Set(['trace', 'query']);

/** A URL that the route's template matches: every embedded expression filled with `v1`. */
function exampleUrl(route: ReceiverRoute): string {
  const tail = route.pattern.replace(/\{[^}]*\}/g, 'v1');
  if (tail === '' || tail.startsWith('?') || tail.startsWith('/')) return `${route.url}${tail}`;
  return `${route.url}/${tail}`;
}

const documents = (await readdir(corpus))
  .filter((name) => /\.(json|ya?ml)$/.test(name) && name !== 'manifest.json')
  .map((name) => join(corpus, name));
documents.push(join(corpus, 'redocly-openapi-starter', 'openapi.yaml'));

for (const path of documents) {
  test(`every contract of ${path.slice(corpus.length)} is routed to itself`, async () => {
    const catalogue = buildCatalogue(await loadDocument(path));
    const receiver = await createReceiver(catalogue, { closeGraceMs: 100 });
    try {
      const routes = receiver.routes().filter((route) => !unsendable.has(route.method));
      for (const route of routes) {
        const response = await fetch(exampleUrl(route), { method: route.method.toUpperCase() });
        await response.arrayBuffer();
        const exchange = receiver.exchanges().at(-1);
        const checks = exchange?.findings.map((f) => f.check) ?? [];
        assert.ok(
          !checks.includes('callback.unexpected') && !checks.includes('method.mismatch'),
          `${route.contract} at ${exampleUrl(route)}: ${JSON.stringify(exchange?.findings[0])}`,
        );
        // Two contracts may declare the very same URL and method; either is a right match.
        const twins = routes
          .filter(
            (r) => r.url === route.url && r.pattern === route.pattern && r.method === route.method,
          )
          .map((r) => r.contract);
        assert.ok(
          twins.includes(exchange?.contract ?? ''),
          `${route.contract} went to ${exchange?.contract}`,
        );
      }
      assert.equal(receiver.stats().unexpected, 0);
    } finally {
      await receiver.close();
    }
  });
}
