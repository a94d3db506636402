/**
 * End-to-end: the built CLI's `mock` plays the provider of an OAS 3.2 document and the built CLI's
 * `run` triggers it, so PURGE (additionalOperations) with its querystring and a JSON Lines report
 * (itemSchema) travel the whole way: planned, sent, received, routed and checked.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist/cli/main.js');
const env = { ...process.env, SCARF_ANALYTICS: 'false', NO_COLOR: '1' };
const spec = 'specs/cache-3.2.yaml';

/** Starts `callback-verify mock` and resolves with the child and the URL it listens on. */
async function startMock(): Promise<{ child: ChildProcess; origin: string }> {
  const child = spawn(process.execPath, [cli, 'mock', spec, '--port', '0', '--no-dashboard'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
  });
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`mock not ready:\n${output}`)), 20_000);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      output += `${line}\n`;
      const url = /listening on (http:\/\/\S+)/.exec(line)?.[1];
      if (url !== undefined) {
        clearTimeout(timer);
        resolve(url);
      }
    });
  });
  return { child, origin };
}

interface RunReport {
  expectations: Array<{ contract: string; status: string }>;
  exchanges: Array<{
    contract?: string;
    verdict: string;
    request: { method: string; url: string };
  }>;
  summary: { conformant: boolean };
}

function isRunReport(value: unknown): value is RunReport {
  return typeof value === 'object' && value !== null && 'expectations' in value;
}

test('run against mock: the PURGE callback and the JSON Lines report both arrive and pass', async () => {
  const mock = await startMock();
  try {
    const { code, stdout, stderr } = await new Promise<{
      code: number;
      stdout: string;
      stderr: string;
    }>((resolve) => {
      execFile(
        process.execPath,
        [
          cli,
          'run',
          spec,
          '--provider',
          mock.origin,
          '--reporter',
          'json',
          '--quiet',
          '--no-dashboard',
          '--timeout',
          '10',
        ],
        { cwd: root, env, timeout: 60_000 },
        (error, out, err) =>
          resolve({
            code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1,
            stdout: out,
            stderr: err,
          }),
      );
    });
    const report: unknown = JSON.parse(stdout);
    assert.ok(isRunReport(report), stderr);
    assert.deepEqual(
      report.expectations.map((expectation) => [expectation.contract, expectation.status]).sort(),
      [
        ['registerTenant/purged/post', 'received'],
        ['registerTenant/purged/purge', 'received'],
      ],
      stdout,
    );
    const purge = report.exchanges.find((exchange) => exchange.request.method === 'PURGE');
    assert.match(purge?.request.url ?? '', /\/cache\?path=%2Fimages&recursive=true$/);
    assert.ok(
      report.exchanges.every((exchange) => exchange.verdict === 'pass'),
      JSON.stringify(report.exchanges),
    );
    assert.equal(report.summary.conformant, true);
    assert.equal(code, 0, stderr);
  } finally {
    mock.child.kill('SIGTERM');
    await once(mock.child, 'exit');
  }
});
