import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { describe, it } from 'node:test';
import { ProviderError } from '../errors.ts';
import { canConnect, checkProviderReachable, startProvider } from './provider-process.ts';

const node = `"${process.execPath}"`;
/** A provider that listens on a free port and prints its URL, like the example providers. */
const server = `${node} -e "const s=require('node:http').createServer((q,r)=>r.end('ok')).listen(0,'127.0.0.1',()=>console.log('listening on http://127.0.0.1:'+s.address().port))"`;

describe('startProvider', { concurrency: true }, () => {
  it('starts the command, finds the URL it prints, captures output, and stops the process group', async () => {
    const provider = await startProvider({ command: server, readyTimeoutMs: 10_000 });
    assert.match(provider.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.match(provider.output(), /listening on/);
    const response = await fetch(provider.url);
    assert.equal(await response.text(), 'ok');
    await provider.stop();
    assert.equal(await canConnect(provider.url, 500), false, 'nothing listens after stop');
    await provider.stop(); // idempotent
  });

  it('with --ready-url, is ready once that URL answers (any status)', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const address = probe.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    await new Promise((resolve) => probe.close(resolve));
    const provider = await startProvider({
      command: `${node} -e "require('node:http').createServer((q,r)=>{r.statusCode=503;r.end()}).listen(${port},'127.0.0.1')"`,
      url: `http://127.0.0.1:${port}`,
      readyUrl: `http://127.0.0.1:${port}/health`,
      readyTimeoutMs: 10_000,
    });
    try {
      assert.equal(provider.url, `http://127.0.0.1:${port}`);
      assert.equal((await fetch(`${provider.url}/health`)).status, 503);
    } finally {
      await provider.stop();
    }
  });

  it('with --ready-url, waits for that URL and reports the output when it never answers', async () => {
    const provider = await startProvider({
      command: server,
      readyUrl: 'http://127.0.0.1:9/never',
      readyTimeoutMs: 600,
    }).catch((error: unknown) => error);
    assert.ok(provider instanceof ProviderError);
    assert.equal(provider.code, 'CV_PROVIDER_START');
    assert.match(
      provider.message,
      /did not answer at http:\/\/127\.0\.0\.1:9\/never within 0\.6 s/,
    );
    assert.match(provider.message, /listening on/, 'the message shows its output');
  });

  it('a command that exits early is CV_PROVIDER_START with its last output', async () => {
    await assert.rejects(
      startProvider({
        command: `${node} -e "console.error('missing DATABASE_URL'); process.exit(4)"`,
      }),
      (error: unknown) =>
        error instanceof ProviderError &&
        error.code === 'CV_PROVIDER_START' &&
        /exited with code 4 before it answered/.test(error.message) &&
        /missing DATABASE_URL/.test(error.message) &&
        error.output?.includes('missing DATABASE_URL') === true,
    );
  });

  it('the command sees baseEnv with env set over it, and nothing else of this process', async () => {
    process.env.CV_TEST_LEAK = 'leaked';
    const show = `${node} -e "console.log(JSON.stringify([process.env.CV_TEST_LEAK ?? null, process.env.CV_TEST_BASE ?? null, process.env.CV_TEST_SET ?? null])); process.exit(3)"`;
    // The command exits at once, so its output arrives on the ProviderError.
    const outputOf = async (
      options: Omit<Parameters<typeof startProvider>[0], 'command'>,
    ): Promise<string | undefined> => {
      const error = await startProvider({ command: show, ...options }).then(
        () => undefined,
        (thrown: unknown) => thrown,
      );
      assert.ok(error instanceof ProviderError);
      return /\[.*\]/.exec(error.output ?? '')?.[0];
    };
    try {
      assert.equal(await outputOf({}), '[null,null,null]');
      assert.equal(
        await outputOf({
          baseEnv: { CV_TEST_BASE: 'base', CV_TEST_SET: 'base' },
          env: { CV_TEST_SET: 'set' },
        }),
        '[null,"base","set"]',
      );
      assert.equal(await outputOf({ baseEnv: process.env }), '["leaked",null,null]');
    } finally {
      delete process.env.CV_TEST_LEAK;
    }
  });

  it('a command that never answers times out and is stopped', async () => {
    const started = Date.now();
    await assert.rejects(
      startProvider({
        command: `${node} -e "setInterval(() => {}, 1000)"`,
        url: 'http://127.0.0.1:9',
        readyTimeoutMs: 500,
        stopGraceMs: 500,
      }),
      (error: unknown) => error instanceof ProviderError && /within 0\.5 s/.test(error.message),
    );
    assert.ok(Date.now() - started < 5000);
  });
});

describe('checkProviderReachable', () => {
  it('passes when something listens and says CV_PROVIDER_UNREACHABLE when nothing does', async () => {
    const listening = createServer((_, response) => response.end()).listen(0, '127.0.0.1');
    await new Promise((resolve) => listening.once('listening', resolve));
    const address = listening.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    await checkProviderReachable(`http://127.0.0.1:${port}`);
    await new Promise((resolve) => listening.close(resolve));
    await assert.rejects(
      checkProviderReachable(`http://127.0.0.1:${port}`, 500),
      (error: unknown) =>
        error instanceof ProviderError && error.code === 'CV_PROVIDER_UNREACHABLE',
    );
  });
});
