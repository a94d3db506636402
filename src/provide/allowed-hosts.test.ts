import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HostNotAllowedError, UsageError } from '../errors.ts';
import { assertHostAllowed } from './allowed-hosts.ts';

describe('assertHostAllowed', () => {
  const cases: Array<{
    url: string;
    allowHosts?: string[];
    allowAnyHost?: boolean;
    allowed: boolean;
  }> = [
    { url: 'http://127.0.0.1:3000/hooks', allowed: true },
    { url: 'http://127.8.9.10/hooks', allowed: true },
    { url: 'http://127.1/hooks', allowed: true },
    { url: 'http://2130706433/hooks', allowed: true },
    { url: 'http://localhost:8080/x', allowed: true },
    { url: 'http://LOCALHOST./x', allowed: true },
    { url: 'http://[::1]:9000/x', allowed: true },
    { url: 'http://[::ffff:127.0.0.1]/x', allowed: true },
    { url: 'http://0.0.0.0/x', allowed: false },
    { url: 'http://128.0.0.1/x', allowed: false },
    { url: 'http://[::2]/x', allowed: false },
    { url: 'http://localhost.example.com/x', allowed: false },
    { url: 'http://127.0.0.1.nip.io/x', allowed: false },
    { url: 'https://hooks.example.com/x', allowed: false },
    { url: 'https://hooks.example.com/x', allowHosts: ['hooks.example.com'], allowed: true },
    { url: 'https://HOOKS.example.com/x', allowHosts: ['hooks.example.com'], allowed: true },
    { url: 'https://evil.com/x', allowHosts: ['hooks.example.com'], allowed: false },
    { url: 'https://a.b.example.com/x', allowHosts: ['*.example.com'], allowed: true },
    { url: 'https://example.com/x', allowHosts: ['*.example.com'], allowed: false },
    { url: 'https://badexample.com/x', allowHosts: ['*.example.com'], allowed: false },
    { url: 'http://svc:8080/x', allowHosts: ['svc:8080'], allowed: true },
    { url: 'http://svc:9090/x', allowHosts: ['svc:8080'], allowed: false },
    { url: 'https://svc/x', allowHosts: ['svc:443'], allowed: true },
    { url: 'http://[fd00::1]:80/x', allowHosts: ['[fd00::1]'], allowed: true },
    { url: 'http://10.0.0.5/x', allowHosts: ['10.0.0.5'], allowed: true },
    { url: 'https://anything.example.org/x', allowAnyHost: true, allowed: true },
  ];
  for (const { url, allowHosts = [], allowAnyHost = false, allowed } of cases) {
    it(`${url} with [${allowHosts.join(', ')}]${allowAnyHost ? ' and any host' : ''} → ${allowed ? 'allowed' : 'refused'}`, () => {
      if (allowed) {
        assert.equal(assertHostAllowed(url, { allowHosts, allowAnyHost }).href, new URL(url).href);
      } else {
        assert.throws(
          () => assertHostAllowed(url, { allowHosts, allowAnyHost }),
          (error: unknown) =>
            error instanceof HostNotAllowedError && error.code === 'CV_HOST_NOT_ALLOWED',
        );
      }
    });
  }

  it('the refusal names the host and the flag that allows it', () => {
    try {
      assertHostAllowed('https://hooks.example.com:8443/x', {
        allowHosts: [],
        allowAnyHost: false,
      });
      assert.fail('expected a refusal');
    } catch (error) {
      assert.ok(error instanceof HostNotAllowedError);
      assert.equal(error.host, 'hooks.example.com:8443');
      assert.match(error.hint ?? '', /--allow-host hooks\.example\.com:8443/);
    }
  });

  it('refuses URLs that are not http(s)', () => {
    for (const url of ['file:///etc/passwd', 'ftp://127.0.0.1/x', 'not a url']) {
      assert.throws(
        () => assertHostAllowed(url, { allowHosts: [], allowAnyHost: true }),
        UsageError,
        url,
      );
    }
  });
});
