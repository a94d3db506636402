import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('./main.ts', import.meta.url));

async function cli(args: string[]) {
  const child = spawn(process.execPath, [main, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += String(chunk);
  });
  child.stderr.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const [code] = await once(child, 'exit');
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
