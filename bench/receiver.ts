/**
 * `node bench/receiver.ts`: what the receiver costs per request, against a bare node:http server.
 *
 * - throughput and p99 latency for a realistic GitHub `organization-member-added` webhook
 *   (≈ 2.7 KB JSON, its seven required headers) validated against its schema and journaled to a
 *   file, next to a bare node:http server that only parses the JSON; both driven by the same load
 *   generator (a worker thread, keep-alive connections) in the same run, with the server
 *   thread's CPU time per request (steadier than throughput on a shared machine);
 * - memory growth after 100k recorded requests (journal on disk, the default in-memory window);
 * - the time from process start until `callback-verify listen` on GitHub's 4.8 MB document
 *   accepts requests.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { Receiver } from '../src/receive/index.ts';

const specPath = fileURLToPath(
  new URL('../specs/corpus/github-webhooks-octokit.json', import.meta.url),
);
const contractId = 'webhook/organization-member-added/post';
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const seconds = Number(process.env.BENCH_SECONDS ?? 4);
const recorded = Number(process.env.BENCH_RECORDED ?? 100_000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);

interface LoadJob {
  url: string;
  headers: Record<string, string>;
  body: string;
  connections: number;
  /** Stop after this many ms, or after `count` requests. */
  durationMs?: number;
  count?: number;
}

interface LoadResult {
  requests: number;
  wallMs: number;
  p50: number;
  p99: number;
  statuses: Record<string, number>;
  /** CPU time of the server's thread (the load generator runs in its own) per request, in µs. */
  serverCpuUs?: number;
}

/** The load generator: `connections` loops, each sending the next request when its answer is in. */
async function generateLoad(job: LoadJob): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: job.connections });
  const url = new URL(job.url);
  const headers = { ...job.headers, 'content-length': String(Buffer.byteLength(job.body)) };
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const started = performance.now();
  let sent = 0;
  const more = (): boolean =>
    job.count !== undefined
      ? sent < job.count
      : performance.now() - started < (job.durationMs ?? 1000);
  const one = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const at = performance.now();
      const outgoing = request(url, { method: 'POST', agent, headers }, (response) => {
        response.resume();
        response.on('end', () => {
          latencies.push(performance.now() - at);
          const key = String(response.statusCode);
          statuses[key] = (statuses[key] ?? 0) + 1;
          resolve();
        });
      });
      outgoing.on('error', reject);
      outgoing.end(job.body);
    });
  await Promise.all(
    Array.from({ length: job.connections }, async () => {
      while (more()) {
        sent += 1;
        await one();
      }
    }),
  );
  const wallMs = performance.now() - started;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (p: number): number =>
    latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
  return { requests: latencies.length, wallMs, p50: at(0.5), p99: at(0.99), statuses };
}

function load(job: LoadJob): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(fileURLToPath(import.meta.url), { workerData: job });
    // Taken once the worker is running, so its start-up is not counted.
    let cpu: NodeJS.CpuUsage | undefined;
    worker.once('online', () => {
      cpu = process.threadCpuUsage();
    });
    worker.once('message', (result: LoadResult) => {
      const used = process.threadCpuUsage(cpu);
      resolve({ ...result, serverCpuUs: (used.user + used.system) / result.requests });
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

function user(login: string, id: number): Record<string, unknown> {
  const api = `https://api.github.com/users/${login}`;
  return {
    login,
    id,
    node_id: Buffer.from(`04:User${id}`).toString('base64'),
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    gravatar_id: '',
    url: api,
    html_url: `https://github.com/${login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: 'User',
    user_view_type: 'public',
    site_admin: false,
  };
}

/** A realistic delivery: what GitHub sends when octocat adds hubot to the octo-org organization. */
function githubDelivery(): { headers: Record<string, string>; body: string } {
  const org = 'https://api.github.com/orgs/octo-org';
  const payload = {
    action: 'member_added',
    membership: {
      url: `${org}/memberships/hubot`,
      state: 'active',
      role: 'member',
      direct_membership: true,
      organization_url: org,
      user: user('hubot', 583231),
    },
    organization: {
      login: 'octo-org',
      id: 6811672,
      node_id: 'MDEyOk9yZ2FuaXphdGlvbjY4MTE2NzI=',
      url: org,
      repos_url: `${org}/repos`,
      events_url: `${org}/events`,
      hooks_url: `${org}/hooks`,
      issues_url: `${org}/issues`,
      members_url: `${org}/members{/member}`,
      public_members_url: `${org}/public_members{/member}`,
      avatar_url: 'https://avatars.githubusercontent.com/u/6811672?v=4',
      description: 'The octo organization',
    },
    installation: { id: 2311213, node_id: 'MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMjMxMTIxMw==' },
    sender: user('octocat', 1),
  };
  return {
    headers: {
      'content-type': 'application/json',
      'user-agent': 'GitHub-Hookshot/a6b3c1f',
      'x-github-hook-id': '292430182',
      'x-github-event': 'organization',
      'x-github-hook-installation-target-id': '6811672',
      'x-github-hook-installation-target-type': 'organization',
      'x-github-delivery': '72d3162e-cc78-11e3-81ab-4c9367dc0958',
      'x-hub-signature-256':
        'sha256=d57c68ca6f92289e6987922ff26938930f6e66a2d161ef06abdf1859230aa23c',
    },
    body: JSON.stringify(payload),
  };
}

function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext('gc');
  if (typeof gc === 'function') gc();
}

const rate = (result: LoadResult): number => (result.requests / result.wallMs) * 1000;
const cpuPerRequest = (result: LoadResult): number => result.serverCpuUs ?? Number.NaN;

/** The median of one figure over the rounds. */
function medianOf(results: LoadResult[], figure: (result: LoadResult) => number): number {
  const sorted = results.map(figure).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** The round with the median throughput. */
function median(results: LoadResult[]): LoadResult {
  const sorted = [...results].sort((a, b) => rate(a) - rate(b));
  return sorted[Math.floor(sorted.length / 2)] ?? results[0]!;
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function line(name: string, result: LoadResult): string {
  return `${name.padEnd(34)} ${rate(result).toFixed(0).padStart(7)} req/s   ${cpuPerRequest(result).toFixed(0).padStart(4)} µs CPU/req   p50 ${result.p50.toFixed(2)} ms   p99 ${result.p99.toFixed(2)} ms   statuses ${JSON.stringify(result.statuses)}`;
}

async function bareServer(): Promise<{ url: string; close: () => void }> {
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      JSON.parse(Buffer.concat(chunks).toString('utf8'));
      outgoing.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/hook`, close: () => server.close() };
}

async function timeToListen(): Promise<number> {
  const main = fileURLToPath(new URL('../cli/main.ts', import.meta.url));
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [main, 'listen', specPath, '--json', '--no-dashboard', '--timeout', '30'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve) => {
    createInterface({ input: child.stdout }).once('line', (text) => {
      const ready = JSON.parse(text) as { urls: Record<string, string> };
      resolve(ready.urls[contractId] ?? '');
    });
  });
  const { headers, body } = githubDelivery();
  const response = await fetch(url, { method: 'POST', headers, body });
  await response.arrayBuffer();
  const elapsed = performance.now() - started;
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  return elapsed;
}

/**
 * The validator alone on the delivery (headers, content type, body parsed and checked), in a
 * loop, next to `JSON.parse` of the same bytes: the part of a request the HTTP figures cannot
 * separate from Node's own work.
 */
function validationInALoop(
  receiver: Receiver,
  delivery: { headers: Record<string, string>; body: string },
): string {
  const contract = receiver.catalogue.contracts.find((c) => c.id === contractId);
  if (contract === undefined) return `validation in a loop: ${contractId} not found`;
  const body = new TextEncoder().encode(delivery.body);
  const request = { method: 'POST', url: '/', headers: delivery.headers, body };
  const count = 20_000;
  const time = (work: () => void): number => {
    const started = performance.now();
    for (let index = 0; index < count; index++) work();
    return ((performance.now() - started) * 1000) / count;
  };
  const checks: number[] = [];
  const parses: number[] = [];
  for (let round = 0; round < 5; round++) {
    checks.push(time(() => receiver.validator.checkRequest(contract, request)));
    parses.push(time(() => JSON.parse(delivery.body)));
  }
  const middle = (values: number[]): number => values.sort((a, b) => a - b)[2] ?? Number.NaN;
  return `validation in a loop (median of 5 × ${count}): ${middle(checks).toFixed(1)} µs per delivery; JSON.parse of the same bytes ${middle(parses).toFixed(1)} µs (${(middle(checks) / middle(parses)).toFixed(1)}x)`;
}

async function main(): Promise<void> {
  const { buildCatalogue, loadDocument } = await import('../src/spec/index.ts');
  const { createReceiver } = await import('../src/receive/index.ts');
  const catalogue = buildCatalogue(await loadDocument(specPath));
  const delivery = githubDelivery();
  const dir = await mkdtemp(join(tmpdir(), 'cv-bench-'));
  try {
    const receiver = await createReceiver(catalogue, {
      journalPath: join(dir, 'throughput.jsonl'),
    });
    const check = await fetch(receiver.urlFor(contractId), {
      method: 'POST',
      headers: delivery.headers,
      body: delivery.body,
    });
    await check.arrayBuffer();
    const verdict = receiver.exchanges()[0];
    process.stdout.write(
      `payload ${delivery.body.length} bytes, ${Object.keys(delivery.headers).length - 1} required headers; verdict ${verdict?.verdict}${verdict?.verdict === 'pass' ? '' : ` ${JSON.stringify(verdict?.findings.slice(0, 2))}`}\n`,
    );
    process.stdout.write(`${validationInALoop(receiver, delivery)}\n`);
    const bare = await bareServer();
    const job = { headers: delivery.headers, body: delivery.body, connections };
    // Warm both (JIT, schema compiled), then measure each the same way.
    await load({ ...job, url: bare.url, durationMs: 1000 });
    await load({ ...job, url: receiver.urlFor(contractId), durationMs: 1000 });
    // Alternate rounds so a noisy neighbour on a shared machine hits both alike; report medians.
    const bareRounds: LoadResult[] = [];
    const receiverRounds: LoadResult[] = [];
    for (let round = 0; round < rounds; round++) {
      bareRounds.push(await load({ ...job, url: bare.url, durationMs: seconds * 1000 }));
      receiverRounds.push(
        await load({ ...job, url: receiver.urlFor(contractId), durationMs: seconds * 1000 }),
      );
    }
    const bareResult = median(bareRounds);
    const receiverResult = median(receiverRounds);
    bare.close();
    await receiver.close();
    process.stdout.write(`${line('bare node:http + JSON.parse', bareResult)}\n`);
    process.stdout.write(`${line('receiver (validate + journal file)', receiverResult)}\n`);
    const ratio = rate(receiverResult) / rate(bareResult);
    process.stdout.write(
      `receiver / bare throughput: ${ratio.toFixed(2)}x (median of ${rounds} alternating rounds of ${seconds} s, ${connections} connections)\n`,
    );
    // Throughput swings with the machine's load; the server thread's CPU per request much less.
    const cpuBare = medianOf(bareRounds, cpuPerRequest);
    const cpuReceiver = medianOf(receiverRounds, cpuPerRequest);
    process.stdout.write(
      `server-thread CPU per request (median of the rounds): receiver ${cpuReceiver.toFixed(0)} µs, bare ${cpuBare.toFixed(0)} µs, ${(cpuReceiver / cpuBare).toFixed(2)}x\n`,
    );

    const memoryReceiver = await createReceiver(catalogue, {
      journalPath: join(dir, 'memory.jsonl'),
    });
    await load({ ...job, url: memoryReceiver.urlFor(contractId), count: 2000 });
    collectGarbage();
    const before = process.memoryUsage();
    await load({ ...job, url: memoryReceiver.urlFor(contractId), count: recorded });
    collectGarbage();
    const after = process.memoryUsage();
    process.stdout.write(
      `memory after ${recorded} recorded requests (journal on disk, last 1 000 kept in memory): heap +${mb(after.heapUsed - before.heapUsed)}, buffers +${mb(after.arrayBuffers - before.arrayBuffers)}, rss +${mb(after.rss - before.rss)}; stats ${JSON.stringify({ ...memoryReceiver.stats(), byContract: undefined })}\n`,
    );
    await memoryReceiver.close();

    const startMs = await timeToListen();
    process.stdout.write(
      `process start → listen on GitHub's document (261 webhooks) answers its first request: ${startMs.toFixed(0)} ms\n`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// Last, so every declaration above is initialised before either role starts.
if (!isMainThread) {
  generateLoad(workerData as LoadJob).then((result) => parentPort?.postMessage(result));
} else {
  await main();
}
