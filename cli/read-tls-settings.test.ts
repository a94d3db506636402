import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { LoadedConfig } from '../src/config/index.ts';
import { readTlsSettings } from './read-tls-settings.ts';

const tlsFile = (name: string): string =>
  fileURLToPath(new URL(`../src/receive/fixtures/tls/${name}`, import.meta.url));
const configPath = '/srv/app/callback-verify.config.yaml';
const loaded = (config: LoadedConfig['config']): LoadedConfig => ({ path: configPath, config });

describe('readTlsSettings', () => {
  const cases: Array<{
    name: string;
    flags: { tlsCert?: string; tlsKey?: string; ca?: string[] };
    config: LoadedConfig['config'];
    want: { cert?: string; ca: string[] };
  }> = [
    { name: 'neither: plain HTTP, no extra CAs', flags: {}, config: {}, want: { ca: [] } },
    {
      name: 'the config file alone',
      flags: {},
      config: {
        tls: { cert: tlsFile('cert.pem'), key: tlsFile('key.pem') },
        ca: [tlsFile('other-cert.pem')],
      },
      want: { cert: 'cert.pem', ca: ['other-cert.pem'] },
    },
    {
      name: 'flags win over the config file (whose files are never read)',
      flags: {
        tlsCert: tlsFile('other-cert.pem'),
        tlsKey: tlsFile('other-key.pem'),
        ca: [tlsFile('cert.pem')],
      },
      config: { tls: { cert: '/nope/cert.pem', key: '/nope/key.pem' }, ca: ['/nope/ca.pem'] },
      want: { cert: 'other-cert.pem', ca: ['cert.pem'] },
    },
    {
      name: '--ca alone replaces the config ca, config tls still applies',
      flags: { ca: [tlsFile('other-cert.pem')] },
      config: {
        tls: { cert: tlsFile('cert.pem'), key: tlsFile('key.pem') },
        ca: ['/nope/ca.pem'],
      },
      want: { cert: 'cert.pem', ca: ['other-cert.pem'] },
    },
  ];
  for (const { name, flags, config, want } of cases) {
    test(name, async () => {
      const settings = await readTlsSettings(flags, loaded(config));
      assert.deepEqual(
        settings.tls?.cert,
        want.cert === undefined ? undefined : await readFile(tlsFile(want.cert)),
      );
      assert.deepEqual(
        settings.ca,
        await Promise.all(want.ca.map((name) => readFile(tlsFile(name), 'utf8'))),
      );
    });
  }

  const refusals: Array<{ name: string; config: LoadedConfig['config']; message: RegExp }> = [
    {
      name: 'a missing tls.cert names the config file and key',
      config: { tls: { cert: '/nope/cert.pem', key: tlsFile('key.pem') } },
      message:
        /^\/srv\/app\/callback-verify\.config\.yaml: "tls\.cert" \/nope\/cert\.pem cannot be read \(ENOENT\)\.$/,
    },
    {
      name: 'a key of another certificate',
      config: { tls: { cert: tlsFile('cert.pem'), key: tlsFile('other-key.pem') } },
      message: /the private key does not belong to the certificate/,
    },
    {
      name: 'a ca file that is no certificate',
      config: { ca: [tlsFile('key.pem')] },
      message:
        /^\/srv\/app\/callback-verify\.config\.yaml: "ca" .*key\.pem holds no PEM certificate\.$/,
    },
  ];
  for (const { name, config, message } of refusals) {
    test(`${name}: CV_TLS_CONFIG`, async () => {
      await assert.rejects(readTlsSettings({}, loaded(config)), (error: unknown) => {
        assert.equal((error as { code?: string }).code, 'CV_TLS_CONFIG');
        assert.match((error as Error).message, message);
        return true;
      });
    });
  }
});
