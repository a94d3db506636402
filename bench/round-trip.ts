/**
 * What one trigger → callback round trip costs with callback-verify in the loop, against the
 * trivial example provider: 1,000 triggers at concurrency 50, driven by a bare script with a bare
 * node:http receiver, by the same script with the tool's receiver, and by `runConformance`
 * (planning, token injection, receiver routing, validation, journaling in memory, correlation,
 * the report), in the same process, in alternating rounds.
 *
 * All three paths are measured the same way, with `performance.now()`:
 * - the client is the run's (node:http over keep-alive connections), and so is concurrency: at
 *   most 50 triggers wait for their response; a trigger's slot is free again once its response
 *   is in, and callbacks are awaited after the last trigger;
 * - a round trip runs from sending the trigger until its response is in and its callback has been
 *   handled (answered by the bare receiver; answered and handed to subscribers by the tool's);
 * - CPU is this process's user + system time over the round, per round trip (the provider runs in
 *   its own process and is the same for all three); GC is the main thread's collection pauses.
 */
import { Agent, createServer, request } from 'node:http';
import { PerformanceObserver } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { resolveRunOptions } from '../src/config/index.ts';
import { createReceiver } from '../src/receive/index.ts';
import type { Catalogue } from '../src/spec/contract.ts';
import { buildCatalogue, loadDocument } from '../src/spec/index.ts';
import {
  runConformance,
  runPool,
  runReceiverOptions,
  startProvider,
} from '../src/trigger/index.ts';

const triggers = Number(process.env.BENCH_TRIGGERS ?? 1000);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 50);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const root = fileURLToPath(new URL('..', import.meta.url));

interface Result {
  roundTripsMs: number[];
  wallMs: number;
  cpuMs: number;
  /** Garbage-collection pauses of the main thread during the round. */
  gcMs: number;
}

interface Figures {
  p50: number;
  p95: number;
  perSecond: number;
  /** CPU of this process per round trip, in µs. */
  cpuUs: number;
  /** Main-thread garbage-collection pauses per round trip, in µs. */
  gcUs: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

/** Times `work` (wall and CPU) around the round trips it returns. */
async function measure(work: () => Promise<number[]>, count = triggers): Promise<Result> {
  let gcMs = 0;
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMs += entry.duration;
  });
  gc.observe({ entryTypes: ['gc'] });
  const cpu = process.cpuUsage();
  const started = performance.now();
  const roundTripsMs = await work();
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  // Entries are delivered asynchronously: let the last ones of the round arrive.
  await new Promise((resolve) => setImmediate(resolve));
  gc.disconnect();
  if (roundTripsMs.length !== count) {
    throw new Error(`only ${roundTripsMs.length} of ${count} round trips completed`);
  }
  return { roundTripsMs, wallMs, cpuMs: (used.user + used.system) / 1000, gcMs };
}

/** One POST over a keep-alive agent, resolved once the whole response is in. */
function post(url: string, agent: Agent): Promise<void> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: 'POST', agent }, (response) => {
      response.resume();
      response.on('end', resolve);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

/**
 * The bare script: sends each trigger with node:http over keep-alive connections (as the run
 * does), at most `concurrency` waiting for a response, then waits for every callback. `handled`
 * resolves with the time each trigger's callback was handled.
 */
async function drive(
  provider: string,
  callbackUrl: (id: string) => string,
  handled: Map<string, Promise<number>>,
): Promise<number[]> {
  const ids = Array.from({ length: triggers }, (_, i) => `t${i}`);
  const agent = new Agent({ keepAlive: true });
  const responses = await runPool(ids, concurrency, async (id) => {
    const sentAt = performance.now();
    await post(`${provider}/hook?callback_url=${encodeURIComponent(callbackUrl(id))}`, agent);
    return { id, sentAt, respondedAt: performance.now() };
  });
  agent.destroy();
  return Promise.all(
    responses.map(async ({ id, sentAt, respondedAt }) => {
      const at = (await handled.get(id)) ?? Number.NaN;
      return Math.max(respondedAt, at) - sentAt;
    }),
  );
}

/** A map whose promise for an id resolves when `settle(id, at)` is called. */
function arrivals(): {
  promises: Map<string, Promise<number>>;
  settle: (id: string, at: number) => void;
} {
  const promises = new Map<string, Promise<number>>();
  const resolvers = new Map<string, (at: number) => void>();
  for (let i = 0; i < triggers; i += 1) {
    promises.set(
      `t${i}`,
      new Promise((resolve) => {
        resolvers.set(`t${i}`, resolve);
      }),
    );
  }
  return { promises, settle: (id, at) => resolvers.get(id)?.(at) };
}

/** Bare script + a plain node:http receiver that answers 200 once the body is in. */
async function runBare(provider: string): Promise<Result> {
  const { promises, settle } = arrivals();
  const server = createServer((request, response) => {
    const id = (request.url ?? '').split('/')[2] ?? '';
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      settle(id, performance.now());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  try {
    return await measure(() =>
      drive(provider, (id) => `http://127.0.0.1:${port}/b/${id}`, promises),
    );
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

/** The bare script again, but callbacks land on the tool's receiver (routing, validation). */
async function runReceiverOnly(provider: string, catalogue: Catalogue): Promise<Result> {
  const { promises, settle } = arrivals();
  const receiver = await createReceiver(catalogue);
  const unsubscribe = receiver.subscribe((exchange) => {
    if (exchange.token !== undefined) settle(exchange.token, performance.now());
  });
  try {
    return await measure(() =>
      drive(provider, (id) => receiver.urlFor('hook/done/post', id), promises),
    );
  } finally {
    unsubscribe();
    await receiver.close();
  }
}

/** The same load through the tool: every trigger planned, injected, received, validated, correlated. */
async function runTool(provider: string, catalogue: Catalogue, count = triggers): Promise<Result> {
  const base = resolveRunOptions({ provider, concurrency, repeat: count, timeout: 30 }, {});
  // The bench's own receiver (started as runConformance would) so it can see when each callback
  // has been handled; the trigger's response time comes from the run's own progress events.
  const receiver = await createReceiver(catalogue, runReceiverOptions(base));
  const handledAt = new Map<string, number>();
  const respondedAt = new Map<string, number>();
  const unsubscribe = receiver.subscribe((exchange) => {
    handledAt.set(exchange.id, performance.now());
  });
  try {
    let clean = true;
    const result = await measure(async () => {
      const report = await runConformance(catalogue, {
        ...base,
        receiver,
        graceMs: 0,
        onProgress: (event) => {
          if (event.type === 'trigger-sent') respondedAt.set(event.trigger, performance.now());
        },
      });
      clean = report.summary.conformant;
      const durations = new Map(report.triggers.map((t) => [t.id, t.durationMs ?? Number.NaN]));
      return report.expectations.flatMap((expectation) => {
        const responded = respondedAt.get(expectation.trigger);
        const handled = handledAt.get(expectation.exchanges[0] ?? '');
        const duration = durations.get(expectation.trigger);
        if (responded === undefined || handled === undefined || duration === undefined) return [];
        return [Math.max(responded, handled) - (responded - duration)];
      });
    }, count);
    if (!clean) throw new Error('the tool run was not conformant');
    return result;
  } finally {
    unsubscribe();
    await receiver.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Per-round figures, then the median of each over the rounds. */
function describe(results: Result[]): Figures {
  const each = results.map((result) => {
    const sorted = [...result.roundTripsMs].sort((a, b) => a - b);
    return {
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      perSecond: (result.roundTripsMs.length / result.wallMs) * 1000,
      cpuUs: (result.cpuMs / result.roundTripsMs.length) * 1000,
      gcUs: (result.gcMs / result.roundTripsMs.length) * 1000,
    };
  });
  return {
    p50: median(each.map((f) => f.p50)),
    p95: median(each.map((f) => f.p95)),
    perSecond: median(each.map((f) => f.perSecond)),
    cpuUs: median(each.map((f) => f.cpuUs)),
    gcUs: median(each.map((f) => f.gcUs)),
  };
}

const provider = await startProvider({
  command: `"${process.execPath}" e2e/providers/trivial.ts --port 0 --quiet`,
  cwd: root,
  baseEnv: process.env,
});
try {
  const catalogue = buildCatalogue(await loadDocument(`${root}specs/trivial.yaml`));
  // Warm every path (JIT, sockets, the schema compiled) before measuring.
  await runBare(provider.url);
  await runReceiverOnly(provider.url, catalogue);
  await runTool(provider.url, catalogue, 200);
  // Alternate rounds so a noisy neighbour on a shared machine hits every path alike.
  const bare: Result[] = [];
  const receiverOnly: Result[] = [];
  const tool: Result[] = [];
  for (let round = 0; round < rounds; round += 1) {
    bare.push(await runBare(provider.url));
    receiverOnly.push(await runReceiverOnly(provider.url, catalogue));
    tool.push(await runTool(provider.url, catalogue));
  }
  const a = describe(bare);
  const r = describe(receiverOnly);
  const b = describe(tool);
  const ms = (value: number): string => `${value.toFixed(2)} ms`;
  const us = (value: number): string => `${value.toFixed(0)} µs`;
  const signed = (value: number, unit: (v: number) => string): string =>
    `${value >= 0 ? '+' : '−'}${unit(Math.abs(value))}`;
  const row = (name: string, cells: string[]): string =>
    `${name.padEnd(30)} ${cells.map((cell, i) => cell.padStart(i === 2 ? 14 : 12)).join(' ')}\n`;
  const figures = (f: Figures): string[] => [
    ms(f.p50),
    ms(f.p95),
    f.perSecond.toFixed(0),
    us(f.cpuUs),
    us(f.gcUs),
  ];
  process.stdout.write(
    `${triggers} triggers at concurrency ${concurrency} against e2e/providers/trivial.ts, ` +
      `median of ${rounds} alternating rounds\n\n` +
      row('path', ['p50', 'p95', 'round trips/s', 'CPU/trip', 'GC/trip']) +
      row('bare script + bare receiver', figures(a)) +
      row('bare script + tool receiver', figures(r)) +
      row('callback-verify run', figures(b)) +
      // Throughput is not additive, so this row has none; CPU per round trip is.
      row('added per round trip (run)', [
        signed(b.p50 - a.p50, ms),
        signed(b.p95 - a.p95, ms),
        '',
        signed(b.cpuUs - a.cpuUs, us),
        signed(b.gcUs - a.gcUs, us),
      ]) +
      row('ratio run / bare', [
        `${(b.p50 / a.p50).toFixed(2)}×`,
        `${(b.p95 / a.p95).toFixed(2)}×`,
        `${(b.perSecond / a.perSecond).toFixed(2)}×`,
        `${(b.cpuUs / a.cpuUs).toFixed(2)}×`,
        `${(b.gcUs / a.gcUs).toFixed(2)}×`,
      ]),
  );
} finally {
  await provider.stop();
}
