/**
 * specs/trivial.yaml's provider over HTTPS, both ways: it serves POST /hook with a TLS certificate
 * and sends its callback over https trusting the `--ca` it is given, as a provider whose consumers
 * must use https:// callback URLs would. GET /health answers 200 (for --ready-url).
 */
import { readFileSync } from 'node:fs';
import { createServer, request } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createLogger, fail, parseFlags } from './lib.ts';

const usage = `usage: node e2e/providers/trivial-https.ts --tls-cert <pem> --tls-key <pem> [--ca <pem>] [--port 0] [--quiet]

Serves POST /hook?callback_url=<https url> over HTTPS: 202, then POST <url>/done {"ok":true,"seq":n}.

  --tls-cert <file>  server certificate (PEM)
  --tls-key <file>   its private key (PEM)
  --ca <file>        certificate authority trusted for callback URLs (PEM; default: Node's)
  --port <n>         port to listen on (default 0: any free port)
  --host <addr>      interface (default 127.0.0.1)
  --quiet            no stderr log`;

const flags = parseFlags(
  {
    port: { type: 'string' },
    host: { type: 'string', default: '127.0.0.1' },
    quiet: { type: 'boolean', default: false },
    'tls-cert': { type: 'string' },
    'tls-key': { type: 'string' },
    ca: { type: 'string' },
  },
  usage,
);
const log = createLogger('trivial-https', flags.quiet === true);
const certFile = flags['tls-cert'];
const keyFile = flags['tls-key'];
if (certFile === undefined || keyFile === undefined) {
  fail(`--tls-cert and --tls-key are required\n\n${usage}`);
}
const ca = flags.ca === undefined ? undefined : readFileSync(flags.ca);
let seq = 0;

function callBack(base: string, body: unknown): void {
  const url = `${base}/done`;
  const outgoing = request(
    url,
    { method: 'POST', headers: { 'content-type': 'application/json' }, ...(ca ? { ca } : {}) },
    (incoming) => {
      incoming.resume();
      log(`callback attempt 1/1 POST ${url} -> ${incoming.statusCode}`);
    },
  );
  outgoing.on('error', (error: NodeJS.ErrnoException) =>
    log(`callback attempt 1/1 POST ${url} -> error ${error.code ?? error.message}`),
  );
  outgoing.end(JSON.stringify(body));
}

const server = createServer(
  { cert: readFileSync(certFile), key: readFileSync(keyFile) },
  (incoming, response) => {
    incoming.resume();
    const url = new URL(incoming.url ?? '/', 'https://x');
    if (incoming.method === 'GET' && url.pathname === '/health') {
      response.writeHead(200).end('ok');
      return;
    }
    if (incoming.method !== 'POST' || url.pathname !== '/hook') {
      response.writeHead(404).end();
      return;
    }
    const base = url.searchParams.get('callback_url');
    if (base === null || !/^https:\/\/[^/]/.test(base)) {
      response.writeHead(400).end('callback_url must be an https URL');
      return;
    }
    seq += 1;
    const body = { ok: true, seq };
    response.writeHead(202).end();
    log(`POST /hook -> 202; callback to ${base}/done`);
    callBack(base, body);
  },
);
server.listen(Number(flags.port ?? 0), flags.host, () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`listening on https://${flags.host}:${port}\n`);
});
const stop = (): void => {
  server.close();
  server.closeAllConnections();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
