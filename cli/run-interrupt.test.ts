import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('./main.ts', import.meta.url));
const spec = fileURLToPath(new URL('../specs/invoices.yaml', import.meta.url));

test('run: Ctrl-C while the provider is still starting exits 130, not as a failed start', async () => {
  // The provider never answers, so run is still waiting for it when the signal comes.
  const child = spawn(
    process.execPath,
    [
      main,
      'run',
      spec,
      '--provider-cmd',
      `"${process.execPath}" -e "setTimeout(() => {}, 30000)"`,
      '--provider',
      'http://127.0.0.1:9',
      '--ready-timeout',
      '30',
      '--no-dashboard',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += String(chunk);
    if (stderr.includes('starting provider:')) child.kill('SIGINT');
  });
  const [code] = await once(child, 'close');
  assert.equal(code, 130, stderr);
  assert.match(stderr, /SIGINT: stopping before any trigger was sent/);
  assert.doesNotMatch(stderr, /CV_PROVIDER_START/);
});
