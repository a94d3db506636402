import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('./main.ts', import.meta.url));

async function cli(args: string[], options: { closeStdout?: boolean } = {}) {
  const child = spawn(process.execPath, [main, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  // Closing the read end at once makes every write to stdout fail with EPIPE, like `| head -0`.
  if (options.closeStdout === true) child.stdout.destroy();
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += String(chunk);
  });
  child.stderr.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const [code] = await once(child, 'close');
  return { code, stdout, stderr };
}

test('commander usage errors read "error CV_USAGE: …" and exit 2', async () => {
  const cases: Array<[string[], RegExp]> = [
    [['listen', 'specs/invoices.yaml', '--bogus'], /^error CV_USAGE: unknown option '--bogus'/],
    [['nope'], /^error CV_USAGE: unknown command 'nope'/],
    [['inspect'], /^error CV_USAGE: missing required argument 'spec'/],
  ];
  for (const [args, want] of cases) {
    const { code, stderr } = await cli(args);
    assert.equal(code, 2, args.join(' '));
    assert.match(stderr, want);
  }
});

test('a closed stdout is not a crash: --help and inspect exit 0 with nothing on stderr', async () => {
  for (const args of [
    ['inspect', '--help'],
    ['inspect', 'specs/invoices.yaml'],
  ]) {
    const { code, stderr } = await cli(args, { closeStdout: true });
    assert.equal(code, 0, `${args.join(' ')}: ${stderr}`);
    assert.equal(stderr, '', args.join(' '));
  }
});
