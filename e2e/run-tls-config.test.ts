/**
 * `run` over TLS with the receiver's certificate and the trusted CA taken from the config file's
 * `tls` and `ca` (paths relative to the config file) instead of flags.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { freePort, runCli } from './start-cli.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = await mkdtemp(join(tmpdir(), 'cv-run-tls-config-'));
after(() => rm(work, { recursive: true, force: true }));
const cert = 'src/receive/fixtures/tls/cert.pem';
const key = 'src/receive/fixtures/tls/key.pem';
const provider = `node e2e/providers/trivial-https.ts --tls-cert ${cert} --tls-key ${key} --ca ${cert} --quiet`;
/** A fixture's path as the config file in `work` names it: relative to that file. */
const fromConfig = (path: string): string => relative(work, join(root, path));

describe('run over HTTPS from the config file', () => {
  it('tls and ca from the config file serve and trust HTTPS (exit 0)', async () => {
    const port = await freePort();
    const config = join(work, 'callback-verify.config.json');
    await writeFile(
      config,
      JSON.stringify({
        provider: `https://127.0.0.1:${port}`,
        tls: { cert: fromConfig(cert), key: fromConfig(key) },
        ca: [fromConfig(cert)],
      }),
    );
    const { code, stdout, stderr } = await runCli([
      'run',
      'specs/trivial.yaml',
      '--config',
      config,
      '--provider-cmd',
      `${provider} --port ${port}`,
      '--ready-url',
      `https://127.0.0.1:${port}/health`,
      '--no-dashboard',
    ]);
    assert.equal(code, 0, stdout + stderr);
    assert.match(
      stdout,
      /POST https:\/\/127\.0\.0\.1:\d+\/hook\?callback_url=https%3A%2F%2F127\.0\.0\.1/,
    );
    assert.match(stdout, /✓ CONFORMANT {2}1 expected callback: 1 passed/);
  });

  it('a config tls naming a missing file is CV_TLS_CONFIG naming the config key (exit 2)', async () => {
    const config = join(work, 'missing.config.yaml');
    await writeFile(config, 'tls:\n  cert: nope.pem\n  key: nope-key.pem\n');
    const { code, stderr } = await runCli([
      'run',
      'specs/trivial.yaml',
      '--config',
      config,
      '--provider',
      'https://127.0.0.1:9',
    ]);
    assert.equal(code, 2, stderr);
    assert.match(
      stderr,
      /error CV_TLS_CONFIG: .*missing\.config\.yaml: "tls\.cert" .*nope\.pem cannot be read \(ENOENT\)/,
    );
  });
});
