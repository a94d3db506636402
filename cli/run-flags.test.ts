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

test('run: an --operation, --tag or --contract typo is refused before the provider starts or is reached', async () => {
  // The provider command would print its URL and run; nothing listens on port 9.
  const cases: Array<[string[], RegExp]> = [
    [
      ['--operation', 'createInvoce'],
      /No operation with callbacks matches --operation createInvoce\./,
    ],
    [['--tag', 'invoice'], /No operation with callbacks is tagged invoice\./],
    [
      ['--contract', 'createInvoice/invoicePaid/put'],
      /No callback contract createInvoice\/invoicePaid\/put in the spec\./,
    ],
  ];
  for (const [filter, want] of cases) {
    const started = await run([
      '--provider-cmd',
      `"${process.execPath}" -e "console.log('up on http://127.0.0.1:9'); setTimeout(() => {}, 30000)"`,
      ...filter,
    ]);
    assert.equal(started.code, 2, filter.join(' '));
    assert.match(started.stderr, /^error CV_CONTRACT_NOT_FOUND: /, filter.join(' '));
    assert.match(started.stderr, want);
    assert.doesNotMatch(started.stderr, /dashboard:|starting provider/);
  }
  const reached = await run(['--provider', 'http://127.0.0.1:9', '--operation', 'nope']);
  assert.equal(reached.code, 2);
  assert.match(reached.stderr, /^error CV_CONTRACT_NOT_FOUND: /);
  assert.doesNotMatch(reached.stderr, /CV_PROVIDER_UNREACHABLE/);
});
