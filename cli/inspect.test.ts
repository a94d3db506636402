import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, test } from 'node:test';

const root = join(import.meta.dirname, '..');
const corpus = join(root, 'specs/corpus');
const fixtures = join(root, 'src/spec/fixtures');

/** Runs `node cli/main.ts …args` and collects what it printed and how it exited. */
function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(root, 'cli/main.ts'), ...args],
      { cwd: root },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe('callback-verify inspect', () => {
  test('prints a table of contracts with where each URL comes from', async () => {
    const { code, stdout, stderr } = await runCli([
      'inspect',
      join(corpus, 'oai-callback-example.yaml'),
    ]);
    assert.equal(code, 0, stderr);
    assert.match(stdout, /Callbacks \(1\)/);
    assert.match(
      stdout,
      /post-streams\/onData\/post\s+POST \/streams\s+POST\s+\{\$request\.query\.callbackUrl\}\/data\s+query parameter callbackUrl/,
    );
  });

  test('lists webhooks and lint findings with severity and location', async () => {
    const { code, stdout } = await runCli([
      'inspect',
      join(corpus, 'redoc-demo-petstore-3.0.yaml'),
    ]);
    assert.equal(code, 0, 'lint warnings alone do not fail');
    assert.match(stdout, /webhook\/newPet\/post\s+POST\s+x-webhooks/);
    assert.match(stdout, /warning url\.fixed-host post-store-subscribe\/orderDelivered\/post/);
    assert.match(stdout, /at #\/paths\/~1store~1subscribe\/post\/callbacks\/orderDelivered\//);
  });

  test('--json prints the documented shape, sorted, identical across runs', async () => {
    const spec = join(corpus, 'redoc-demo-petstore-3.1.yaml');
    const [first, second] = await Promise.all([
      runCli(['inspect', spec, '--json']),
      runCli(['inspect', spec, '--json']),
    ]);
    assert.equal(first.code, 0, first.stderr);
    assert.equal(first.stdout, second.stdout);
    const summary: unknown = JSON.parse(first.stdout);
    assert.ok(
      typeof summary === 'object' &&
        summary !== null &&
        'contracts' in summary &&
        Array.isArray(summary.contracts),
    );
    assert.ok('format' in summary && summary.format === 'callback-verify/inspect@1');
    const ids = summary.contracts.map((contract: { id: string }) => contract.id);
    assert.deepEqual(ids, [...ids].sort());
    assert.equal(ids.length, 7);
    const delivered = summary.contracts.find(
      (contract: { id: string }) => contract.id === 'post-store-subscribe/orderDelivered/post',
    );
    assert.deepEqual(delivered.url.base, {
      kind: 'fixed',
      origin: 'http://notificationServer.com',
    });
    assert.deepEqual(delivered.trigger, {
      method: 'post',
      path: '/store/subscribe',
      operationId: null,
      pointer: '/paths/~1store~1subscribe/post',
    });
  });

  test('--strict exits 1 on warnings', async () => {
    const spec = join(corpus, 'fastapi-sub-callbacks.json');
    assert.equal((await runCli(['inspect', spec])).code, 0);
    assert.equal((await runCli(['inspect', spec, '--strict'])).code, 1);
    assert.equal(
      (await runCli(['inspect', join(corpus, 'oai-callback-example.yaml'), '--strict'])).code,
      0,
    );
  });

  const broken: Array<[string, string]> = [
    ['swagger2.yaml', 'CV_SPEC_SWAGGER2'],
    ['bad-yaml.yaml', 'CV_SPEC_PARSE'],
    ['broken-callback-ref.yaml', 'CV_SPEC_REF'],
    ['no-such-file.yaml', 'CV_SPEC_NOT_FOUND'],
  ];
  for (const [file, errorCode] of broken) {
    test(`a spec that cannot be loaded (${file}) exits 2 with ${errorCode}`, async () => {
      const { code, stdout, stderr } = await runCli(['inspect', join(fixtures, file)]);
      assert.equal(code, 2);
      assert.equal(stdout, '');
      assert.match(stderr, new RegExp(`error ${errorCode}: `));
    });
  }
});
