import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { before, describe, test } from 'node:test';
import { sendDeliveries } from '../provide/send-deliveries.ts';
import type { Catalogue } from '../spec/contract.ts';
import { buildCatalogue, loadDocument } from '../spec/index.ts';
import { createReceiver } from './create-receiver.ts';
import type { Receiver } from './types.ts';

const spec = new URL('../../specs/cache-3.2.yaml', import.meta.url).pathname;
const purgeHook = 'webhook/purge/purge';
const purgeCallback = 'registerTenant/purged/purge';
const report = 'registerTenant/purged/post';
const progress = 'webhook/progress/post';

let catalogue: Catalogue;
before(async () => {
  catalogue = buildCatalogue(await loadDocument(spec));
});

async function withReceiver(run: (receiver: Receiver) => Promise<void>): Promise<void> {
  const receiver = await createReceiver(catalogue, { closeGraceMs: 200 });
  try {
    await run(receiver);
  } finally {
    await receiver.close();
  }
}

/** One request with any method token (fetch would do too, but this shows the bytes are raw). */
function send(url: string, method: string): Promise<{ status: number; allow?: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(url, { method }, (incoming) => {
      incoming.resume();
      incoming.on('end', () => {
        const allow = incoming.headers.allow;
        resolve({ status: incoming.statusCode ?? 0, ...(allow === undefined ? {} : { allow }) });
      });
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('OAS 3.2 additionalOperations through the receiver', () => {
  test('the catalogue has a contract per additional method, ids in lower case', () => {
    const ids = catalogue.contracts.map((contract) => [contract.id, contract.method]);
    assert.deepEqual(ids, [
      ['registerTenant/purged/post', 'post'],
      ['registerTenant/purged/purge', 'PURGE'],
      ['webhook/purge/purge', 'PURGE'],
      ['webhook/progress/post', 'post'],
    ]);
  });

  test('a PURGE webhook is routed to its contract and passes', async () => {
    await withReceiver(async (receiver) => {
      const answer = await send(`${receiver.urlFor(purgeHook)}?path=%2Fimages`, 'PURGE');
      assert.equal(answer.status, 204);
      const [exchange] = receiver.exchanges();
      assert.equal(exchange?.contract, purgeHook);
      assert.equal(exchange?.request.method, 'PURGE');
      assert.equal(exchange?.verdict, 'pass', JSON.stringify(exchange?.findings));
    });
  });

  test('a PURGE callback is routed past the POST declared on the same URL', async () => {
    await withReceiver(async (receiver) => {
      const answer = await send(
        `${receiver.urlFor(purgeCallback)}/cache?path=%2Fimg&recursive=true`,
        'PURGE',
      );
      assert.equal(answer.status, 204);
      const [exchange] = receiver.exchanges();
      assert.equal(exchange?.contract, purgeCallback);
      assert.equal(exchange?.verdict, 'pass', JSON.stringify(exchange?.findings));
    });
  });

  test('another method on the PURGE URL is method.mismatch, 405 with Allow: PURGE', async () => {
    await withReceiver(async (receiver) => {
      const answer = await send(receiver.urlFor(purgeHook), 'DELETE');
      assert.equal(answer.status, 405);
      assert.equal(answer.allow, 'PURGE');
      const [exchange] = receiver.exchanges();
      assert.equal(exchange?.findings[0]?.check, 'method.mismatch');
      assert.deepEqual(exchange?.findings[0]?.expected, 'PURGE');
    });
  });

  test('send delivers a PURGE contract with the PURGE method, and the receiver accepts it', async () => {
    await withReceiver(async (receiver) => {
      const { deliveries } = await sendDeliveries(catalogue, {
        contract: purgeHook,
        to: receiver.urlFor(purgeHook),
      });
      assert.equal(deliveries[0]?.method, 'PURGE');
      assert.equal(deliveries[0]?.status, 204, JSON.stringify(deliveries[0]?.findings));
      const [exchange] = receiver.exchanges();
      assert.equal(exchange?.request.method, 'PURGE');
      assert.equal(exchange?.contract, purgeHook);
    });
  });
});

describe('OAS 3.2 in: querystring through the receiver', () => {
  test('a PURGE whose query string breaks the selector schema fails at /query/…', async () => {
    await withReceiver(async (receiver) => {
      await send(`${receiver.urlFor(purgeHook)}?path=images&recursive=maybe`, 'PURGE');
      const [exchange] = receiver.exchanges();
      assert.equal(exchange?.verdict, 'fail');
      assert.deepEqual(
        exchange?.findings.map((finding) => [finding.check, finding.where]),
        [
          ['querystring.schema', '/query/path'],
          ['querystring.schema', '/query/recursive'],
        ],
      );
    });
  });

  test('a PURGE with no query string misses the required querystring', async () => {
    await withReceiver(async (receiver) => {
      await send(receiver.urlFor(purgeHook), 'PURGE');
      const [exchange] = receiver.exchanges();
      assert.equal(exchange?.findings[0]?.check, 'querystring.required');
    });
  });

  test('send writes the querystring example as the whole query string', async () => {
    await withReceiver(async (receiver) => {
      await sendDeliveries(catalogue, { contract: purgeHook, to: receiver.urlFor(purgeHook) });
      const [exchange] = receiver.exchanges();
      assert.match(exchange?.request.url ?? '', /\?path=%2Fimages&recursive=true$/);
      assert.equal(exchange?.verdict, 'pass', JSON.stringify(exchange?.findings));
    });
  });
});

/** A POST of `body` as `contentType`. */
function post(url: string, contentType: string, body: string): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': contentType }, body });
}

describe('OAS 3.2 itemSchema through the receiver', () => {
  test('each JSON line of the purge report is checked against itemSchema', async () => {
    await withReceiver(async (receiver) => {
      const lines = '{"path":"/a.png","bytes":10}\n{"path":"/b.png","bytes":-1}\nnot json\n';
      const response = await post(`${receiver.urlFor(report)}/cache`, 'application/jsonl', lines);
      assert.equal(response.status, 204);
      const [exchange] = receiver.exchanges();
      assert.equal(exchange?.contract, report);
      assert.deepEqual(
        exchange?.findings.map((finding) => [finding.check, finding.where]),
        [
          ['body.schema', '/body/1/bytes'],
          ['body.malformed', '/body/2'],
        ],
      );
      assert.match(exchange?.findings[0]?.spec ?? '', /^\/components\/schemas\/PurgedFile\//);
    });
  });

  test('a conforming report passes', async () => {
    await withReceiver(async (receiver) => {
      await post(
        `${receiver.urlFor(report)}/cache`,
        'application/jsonl',
        '{"path":"/a","bytes":0}\n',
      );
      assert.equal(receiver.exchanges()[0]?.verdict, 'pass');
    });
  });

  test('each server-sent event is an object checked against itemSchema', async () => {
    await withReceiver(async (receiver) => {
      const events =
        'event: progress\ndata: {"percent":40}\n\n: comment\n\nevent: finished\ndata: {}\n\nevent: done\n\n';
      await post(receiver.urlFor(progress), 'text/event-stream', events);
      const [exchange] = receiver.exchanges();
      assert.deepEqual(
        exchange?.findings.map((finding) => [finding.check, finding.where]),
        [
          ['body.schema', '/body/1/event'],
          ['body.schema', '/body/2/data'],
        ],
      );
    });
  });

  test('send generates a few items for itemSchema, and the receiver accepts them', async () => {
    await withReceiver(async (receiver) => {
      const { deliveries } = await sendDeliveries(catalogue, {
        contract: progress,
        to: receiver.urlFor(progress),
      });
      assert.equal(deliveries[0]?.payload, 'generated');
      const [exchange] = receiver.exchanges();
      const text = new TextDecoder().decode(exchange?.request.body);
      assert.equal(text.match(/^event: progress$/gm)?.length, 3, text);
      assert.match(text, /^data: \{"percent":\d+\}$/m);
      assert.equal(exchange?.verdict, 'pass', JSON.stringify(exchange?.findings));
    });
  });

  test('send writes the item example of the purge report as JSON Lines', async () => {
    await withReceiver(async (receiver) => {
      const { deliveries } = await sendDeliveries(catalogue, {
        contract: report,
        to: `${receiver.urlFor(report)}/cache`,
      });
      assert.equal(deliveries[0]?.payload, 'example:itemSchema');
      const [exchange] = receiver.exchanges();
      assert.equal(exchange?.request.headers['content-type'], 'application/jsonl');
      assert.equal(
        new TextDecoder().decode(exchange?.request.body),
        '{"path":"/images/logo.png","bytes":5120}\n',
      );
      assert.equal(exchange?.verdict, 'pass', JSON.stringify(exchange?.findings));
    });
  });
});
