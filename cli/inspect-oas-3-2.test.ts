import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';

const root = join(import.meta.dirname, '..');

function inspect(args: string[]): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(root, 'cli/main.ts'), 'inspect', join(root, 'specs/cache-3.2.yaml'), ...args],
      { cwd: root },
      (error, stdout) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout });
      },
    );
  });
}

test('inspect lists the additionalOperations of an OAS 3.2 document with their methods', async () => {
  const { code, stdout } = await inspect(['--json']);
  assert.equal(code, 0);
  const summary: unknown = JSON.parse(stdout);
  assert.ok(typeof summary === 'object' && summary !== null && 'contracts' in summary);
  assert.ok(Array.isArray(summary.contracts));
  const methods = summary.contracts.map((contract: { id: string; method: string }) => [
    contract.id,
    contract.method,
  ]);
  assert.deepEqual(methods, [
    ['registerTenant/purged/post', 'post'],
    ['registerTenant/purged/purge', 'PURGE'],
    ['webhook/progress/post', 'post'],
    ['webhook/purge/purge', 'PURGE'],
  ]);
});

test('the inspect table shows PURGE, the query string and the item-by-item media types', async () => {
  const { stdout } = await inspect([]);
  assert.match(
    stdout,
    /webhook\/purge\/purge\s+PURGE\s+webhooks\s+selector \(application\/x-www-form-urlencoded\)\s+\(no body\)/,
  );
  assert.match(stdout, /webhook\/progress\/post\s+POST\s+webhooks\s+text\/event-stream \(items\)/);
  assert.match(stdout, /registerTenant\/purged\/post .* application\/jsonl \(items\)\s+yes/);
});

test('inspect --json gives the itemSchema media types and the querystring parameter', async () => {
  const { stdout } = await inspect(['--json']);
  const summary: unknown = JSON.parse(stdout);
  assert.ok(typeof summary === 'object' && summary !== null && 'contracts' in summary);
  assert.ok(Array.isArray(summary.contracts));
  interface Row {
    id: string;
    querystring: unknown;
    itemSchemas: unknown;
    examples: unknown;
  }
  const byId = new Map(summary.contracts.map((contract: Row) => [contract.id, contract] as const));
  assert.deepEqual(byId.get('webhook/purge/purge')?.querystring, {
    name: 'selector',
    mediaType: 'application/x-www-form-urlencoded',
  });
  assert.deepEqual(byId.get('webhook/progress/post')?.itemSchemas, ['text/event-stream']);
  assert.deepEqual(byId.get('registerTenant/purged/post')?.examples, ['itemSchema']);
});
