import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { reservedPrefix, serveExtraRoute } from './serve-extra-route.ts';

describe('serveExtraRoute', () => {
  let server: Server;
  let origin = '';
  const seen: string[] = [];

  before(async () => {
    server = createServer((request, response) => {
      const routes = {
        dashboard: (_request: unknown, answer: typeof response) => {
          answer.writeHead(200).end('dashboard');
        },
      };
      if (serveExtraRoute(request, response, routes)) return;
      seen.push(request.url ?? '');
      response.writeHead(200).end('own');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    origin = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const cases: Array<{ path: string; status: number; body: string }> = [
    { path: '/__callback-verify/dashboard/token/', status: 200, body: 'dashboard' },
    { path: '/__callback-verify/dashboard', status: 200, body: 'dashboard' },
    { path: '/__callback-verify/dashboard?x=1', status: 200, body: 'dashboard' },
    { path: '/__callback-verify/unknown/', status: 404, body: '' },
    { path: '/__callback-verify/', status: 404, body: '' },
    // Names of Object.prototype members are not routes.
    { path: '/__callback-verify/constructor', status: 404, body: '' },
    { path: '/__callback-verify/__proto__/x', status: 404, body: '' },
    { path: '/__callback-verify/toString', status: 404, body: '' },
    // Outside the prefix, the server answers itself.
    { path: '/__callback-verify', status: 200, body: 'own' },
    { path: '/invoices/__callback-verify/dashboard', status: 200, body: 'own' },
    { path: '/', status: 200, body: 'own' },
  ];
  for (const { path, status, body } of cases) {
    test(`${path} → ${status} ${body || '(empty)'}`, async () => {
      const before = seen.length;
      const response = await fetch(`${origin}${path}`);
      assert.equal(response.status, status);
      assert.equal(await response.text(), body);
      assert.equal(seen.length - before, body === 'own' ? 1 : 0, 'reached the server itself');
    });
  }

  test('the prefix is the one the dashboards are mounted under', () => {
    assert.equal(reservedPrefix, '/__callback-verify/');
  });
});
