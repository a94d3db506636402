import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { resolveRunOptions } from '../config/index.ts';
import type { Catalogue } from '../spec/contract.ts';
import { buildCatalogue, loadDocument } from '../spec/index.ts';
import { readTlsIdentity } from '../tls/read-tls-identity.ts';
import { fixedHostSpec } from './fixed-host-spec.test-fixture.ts';
import { runConformance } from './run-conformance.ts';

const dir = await mkdtemp(join(tmpdir(), 'cv-run-tls-'));
const servers: Server[] = [];
after(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  await rm(dir, { recursive: true, force: true });
});
const fixture = (name: string): string =>
  fileURLToPath(new URL(`../receive/fixtures/tls/${name}`, import.meta.url));

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** A plain-HTTP provider that sends its transfer callback to `callbackBase`, trusting `ca`. */
async function startProvider(callbackBase: string, ca: Buffer): Promise<string> {
  const server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => {
      text += chunk.toString();
    });
    request.on('end', () => {
      const { id } = JSON.parse(text) as { id: string };
      response.writeHead(200).end();
      const url = `${callbackBase}?transactionId=${encodeURIComponent(id)}`;
      const headers = { 'content-type': 'application/json' };
      const send = callbackBase.startsWith('https:')
        ? httpsRequest(url, { method: 'POST', ca, headers })
        : httpRequest(url, { method: 'POST', headers });
      send.on('error', () => {});
      send.end(JSON.stringify({ ok: true }));
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let catalogue: Catalogue;
let identity: { cert: Buffer; key: Buffer };
before(async () => {
  const path = join(dir, 'fixed.json');
  await writeFile(path, JSON.stringify(fixedHostSpec('https')));
  catalogue = buildCatalogue(await loadDocument(path));
  identity = await readTlsIdentity(fixture('cert.pem'), fixture('key.pem'));
});

describe('runConformance with an HTTPS receiver and --callback-base', () => {
  for (const scheme of ['http', 'https'] as const) {
    it(`forwards callbacks sent to an ${scheme} callback base to the https receiver`, async () => {
      const callbackBase = `${scheme}://127.0.0.1:${await freePort()}`;
      const provider = await startProvider(callbackBase, identity.cert);
      const report = await runConformance(catalogue, {
        ...resolveRunOptions({ provider, timeout: 3, callbackBase }, {}),
        receiverTls: identity,
      });
      assert.equal(report.summary.conformant, true, JSON.stringify(report.expectations, null, 1));
      assert.equal(report.expectations[0]?.status, 'received');
      assert.equal(report.exchanges[0]?.contract, 'createTransfer/transferDone/post');
    });
  }

  it('an https callback base without a certificate is CV_USAGE', async () => {
    const callbackBase = `https://127.0.0.1:${await freePort()}`;
    const provider = await startProvider(callbackBase, await readFile(fixture('cert.pem')));
    await assert.rejects(
      runConformance(catalogue, resolveRunOptions({ provider, timeout: 1, callbackBase }, {})),
      /--callback-base https:\/\/127\.0\.0\.1:\d+ is https, but there is no certificate/,
    );
  });
});
