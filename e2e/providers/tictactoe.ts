/**
 * Example provider of specs/tictactoe.yaml. PUT /board/{row}/{column} with a `progressUrl` header
 * answers 202 and then POSTs the board status to that URL; without the header it answers 200 with
 * the status at once. Authentication is accepted as sent and not checked.
 */
import {
  commonFlags,
  createLogger,
  deliver,
  deliveryFlags,
  newMessageId,
  parseFlags,
  parseJson,
  type Reply,
  readChoice,
  readInteger,
  readSigner,
  serve,
} from './lib.ts';

const faults = ['none', 'wrong-type', 'no-callback'] as const;

const usage = `usage: node e2e/providers/tictactoe.ts [--port 0] [--fault <name>] [options]

Serves GET /board, GET and PUT /board/{row}/{column} (specs/tictactoe.yaml).
PUT with a progressUrl header: 202, then POST {winner, board} to progressUrl.

  --port <n>        port to listen on (default 0: any free port)
  --host <addr>     interface (default 127.0.0.1)
  --fault <name>    ${faults.join(' | ')} (default none)
  --delay-ms <n>    wait before the callback (default 50)
  --reset-each      clear the board before every PUT, so the same square can be marked again
  --sign standard-webhooks --secret whsec_...   also sign the callback
  --quiet           no stderr log`;

const flags = parseFlags(
  {
    ...commonFlags,
    ...deliveryFlags,
    'reset-each': { type: 'boolean', default: false },
  },
  usage,
);
const fault = readChoice('fault', flags.fault, faults);
const delayMs = readInteger('delay-ms', flags['delay-ms'], 50);
const signer = readSigner(flags.sign, flags.secret);
const log = createLogger('tictactoe', flags.quiet);

type Mark = '.' | 'X' | 'O';
const board: Mark[][] = emptyBoard();

function emptyBoard(): Mark[][] {
  return [0, 1, 2].map(() => ['.', '.', '.']);
}

function winner(): Mark {
  const lines = [
    ...[0, 1, 2].map((i) => [board[i]?.[0], board[i]?.[1], board[i]?.[2]]),
    ...[0, 1, 2].map((i) => [board[0]?.[i], board[1]?.[i], board[2]?.[i]]),
    [board[0]?.[0], board[1]?.[1], board[2]?.[2]],
    [board[0]?.[2], board[1]?.[1], board[2]?.[0]],
  ];
  for (const [a, b, c] of lines) {
    if (a !== undefined && a !== '.' && a === b && b === c) return a;
  }
  return '.';
}

function status(): { winner: Mark; board: Mark[][] } {
  return { winner: winner(), board: board.map((row) => [...row]) };
}

/** The status body the callback carries; `wrong-type` flattens the board into a string. */
function callbackBody(): unknown {
  const current = status();
  if (fault === 'wrong-type')
    return { winner: current.winner, board: current.board.flat().join('') };
  return current;
}

/** Reads a 1-based coordinate path segment; undefined unless it is 1, 2 or 3. */
function coordinate(segment: string | undefined): number | undefined {
  return segment === '1' || segment === '2' || segment === '3' ? Number(segment) - 1 : undefined;
}

const html = (text: string): Reply => ({
  status: 400,
  headers: { 'content-type': 'text/html; charset=utf-8' },
  text,
});

const server = await serve({
  host: flags.host,
  port: readInteger('port', flags.port, 0),
  log,
  handle(call): Reply {
    const segments = call.url.pathname.split('/').slice(1);
    if (segments[0] !== 'board' || segments.length > 3 || segments.length === 2) {
      return { status: 404, text: 'Not Found' };
    }
    if (segments.length === 1) {
      return call.method === 'GET' ? { status: 200, json: status() } : { status: 405, text: '' };
    }
    const row = coordinate(segments[1]);
    const column = coordinate(segments[2]);
    if (row === undefined || column === undefined) return html('Illegal coordinates.');
    if (call.method === 'GET') return { status: 200, json: board[row]?.[column] };
    if (call.method !== 'PUT') return { status: 405, text: '' };
    const mark = parseJson(call.body);
    if (mark !== 'X' && mark !== 'O') return html('Invalid Mark (X or O).');
    if (flags['reset-each']) board.splice(0, 3, ...emptyBoard());
    const cells = board[row];
    if (cells === undefined || cells[column] !== '.') return html('Square is not empty.');
    cells[column] = mark;
    const progressUrl = call.headers.progressurl;
    if (typeof progressUrl !== 'string' || progressUrl === '') {
      log(`PUT ${call.url.pathname} ${mark} -> 200 (no progressUrl)`);
      return { status: 200, json: status() };
    }
    const plan =
      fault === 'no-callback' ? 'fault no-callback: no callback' : `callback in ${delayMs} ms`;
    log(`PUT ${call.url.pathname} ${mark} -> 202; ${plan}`);
    const body = callbackBody();
    return {
      status: 202,
      headers: { location: progressUrl },
      after: () => {
        if (fault === 'no-callback') return;
        const id = newMessageId();
        server.later(delayMs, () =>
          deliver({
            method: 'POST',
            url: progressUrl,
            body,
            attempts: 1,
            backoffMs: 0,
            log,
            headers: (_attempt, text) => ({ ...signer?.headers(id, text) }),
          }),
        );
      },
    };
  },
});
