import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { resolveRunOptions } from '../config/index.ts';
import { createReceiver } from '../receive/index.ts';
import { buildCatalogue, loadDocument } from '../spec/index.ts';
import { createValidator, type Validator } from '../validate/index.ts';
import { fixedHostSpec } from './fixed-host-spec.test-fixture.ts';
import { runConformance } from './run-conformance.ts';
import { runReceiverOptions } from './run-receiver-options.ts';

const dir = await mkdtemp(join(tmpdir(), 'cv-run-'));
const servers: Server[] = [];
after(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  await rm(dir, { recursive: true, force: true });
});

async function listen(server: Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** A provider configured (as a real one would be) to send transfer callbacks to `callbackBase`. */
async function startFixedHostProvider(callbackBase: string): Promise<string> {
  const port = await listen(
    createServer((request, response) => {
      let text = '';
      request.on('data', (chunk: Buffer) => {
        text += chunk.toString();
      });
      request.on('end', () => {
        const { id } = JSON.parse(text) as { id: string };
        response.writeHead(200).end();
        setTimeout(() => {
          void fetch(`${callbackBase}?transactionId=${encodeURIComponent(id)}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ ok: true }),
          }).catch(() => {});
        }, 20);
      });
    }),
  );
  return `http://127.0.0.1:${port}`;
}

describe('runConformance with a fixed callback host', () => {
  it('maps --callback-base onto the receiver and checks the exact URL', async () => {
    const path = join(dir, 'fixed.json');
    await writeFile(path, JSON.stringify(fixedHostSpec('http')));
    const catalogue = buildCatalogue(await loadDocument(path));
    const callbackBase = `http://127.0.0.1:${await freePort()}`;
    const provider = await startFixedHostProvider(callbackBase);
    const report = await runConformance(
      catalogue,
      resolveRunOptions({ provider, timeout: 3, callbackBase }, {}),
    );
    assert.equal(report.summary.conformant, true, JSON.stringify(report.expectations, null, 1));
    const [expectation] = report.expectations;
    assert.equal(expectation?.status, 'received');
    assert.equal(expectation?.expectedUrl, `${callbackBase}?transactionId=tr-7`);
    assert.equal(report.exchanges[0]?.contract, 'createTransfer/transferDone/post');
  });

  it('without --callback-base: nothing is injected, a callback.fixed-host warning says what to do', async () => {
    const path = join(dir, 'fixed-without.json');
    await writeFile(path, JSON.stringify(fixedHostSpec('http')));
    const catalogue = buildCatalogue(await loadDocument(path));
    const provider = await startFixedHostProvider('http://127.0.0.1:9');
    const report = await runConformance(catalogue, resolveRunOptions({ provider, timeout: 1 }, {}));
    assert.deepEqual(report.expectations, []);
    const contract = report.contracts[0];
    assert.equal(contract?.verdict, 'not-exercised');
    assert.equal(contract?.findings[0]?.check, 'callback.fixed-host');
    assert.equal(contract?.findings[0]?.severity, 'warning');
    assert.match(contract?.findings[0]?.message ?? '', /--callback-base/);
  });
});

describe('runConformance and its receiver', () => {
  it("checks trigger responses with the receiver's validator, not a second one", async () => {
    const path = join(dir, 'shared-validator.json');
    await writeFile(path, JSON.stringify(fixedHostSpec('http')));
    const catalogue = buildCatalogue(await loadDocument(path));
    const callbackBase = `http://127.0.0.1:${await freePort()}`;
    const provider = await startFixedHostProvider(callbackBase);
    const options = resolveRunOptions({ provider, timeout: 3, callbackBase }, {});
    const real = createValidator(catalogue.document);
    const responses: number[] = [];
    const validator: Validator = {
      ...real,
      checkResponse(operation, response, contractId) {
        responses.push(response.status);
        return real.checkResponse(operation, response, contractId);
      },
    };
    const receiver = await createReceiver(catalogue, {
      ...runReceiverOptions(options),
      validator,
    });
    try {
      const report = await runConformance(catalogue, { ...options, receiver });
      assert.deepEqual(responses, [200]);
      assert.equal(report.triggers[0]?.status, 200);
      assert.equal(report.summary.conformant, true, JSON.stringify(report.findings));
    } finally {
      await receiver.close();
    }
  });
});
