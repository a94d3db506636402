/**
 * Example provider of specs/trivial.yaml, the smallest provider there is: POST /hook?callback_url=…
 * answers 202 and at once POSTs `{"ok": true, "seq": n}` to `{callback_url}/done`. Used to measure
 * what a trigger → callback round trip costs.
 */
import {
  commonFlags,
  createLogger,
  deliver,
  parseFlags,
  type Reply,
  readInteger,
  serve,
} from './lib.ts';

const usage = `usage: node e2e/providers/trivial.ts [--port 0] [--delay-ms 0] [--quiet]

Serves POST /hook?callback_url=<url> (specs/trivial.yaml): 202, then POST <url>/done {"ok":true,"seq":n}.

  --port <n>       port to listen on (default 0: any free port)
  --host <addr>    interface (default 127.0.0.1)
  --delay-ms <n>   wait before the callback (default 0)
  --quiet          no stderr log (use it when measuring)`;

const flags = parseFlags({ ...commonFlags, 'delay-ms': { type: 'string' } }, usage);
const delayMs = readInteger('delay-ms', flags['delay-ms'], 0);
const log = createLogger('trivial', flags.quiet);
let seq = 0;

const server = await serve({
  host: flags.host,
  port: readInteger('port', flags.port, 0),
  log,
  handle(call): Reply {
    if (call.url.pathname !== '/hook') return { status: 404, text: 'Not Found' };
    if (call.method !== 'POST') return { status: 405, text: 'Method Not Allowed' };
    const base = call.url.searchParams.get('callback_url');
    if (base === null || !/^https?:\/\/[^/]/.test(base)) {
      return { status: 400, text: 'callback_url must be an http(s) URL' };
    }
    seq += 1;
    const body = { ok: true, seq };
    return {
      status: 202,
      after: () =>
        server.later(delayMs, () =>
          deliver({
            method: 'POST',
            url: `${base}/done`,
            body,
            attempts: 1,
            backoffMs: 0,
            log,
            headers: () => ({}),
          }),
        ),
    };
  },
});
