import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('./main.ts', import.meta.url));
const spec = fileURLToPath(new URL('../specs/invoices.yaml', import.meta.url));

function run(args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [main, 'run', spec, ...args], (error, _stdout, stderr) => {
      resolve({
        code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1,
        stderr,
      });
    });
  });
}

test('run: a bad --ready-timeout is refused before the dashboard or the provider starts', async () => {
  const { code, stderr } = await run([
    '--provider-cmd',
    `"${process.execPath}" -e "setTimeout(() => {}, 30000)"`,
    '--provider',
    'http://127.0.0.1:9',
    '--ready-timeout',
    'soon',
  ]);
  assert.equal(code, 2);
  assert.match(
    stderr,
    /^error CV_USAGE: --ready-timeout must be a positive number of seconds, got "soon"\./,
  );
  assert.doesNotMatch(stderr, /dashboard:|starting provider/);
});
