/**
 * What one trigger → callback round trip costs with callback-verify in the loop, against the
 * trivial example provider: 1,000 triggers at concurrency 50, driven once by a bare script with a
 * bare node:http receiver and once by `runConformance` (planning, token injection, receiver
 * routing, validation, journaling in memory, correlation), in the same process and run.
 * A round trip is the time from sending the trigger until both its response and its callback are
 * in (the tool reports response time plus the callback's latency after the response, so the bare
 * paths are measured the same way).
 */
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { resolveRunOptions } from '../src/config/index.ts';
import { createReceiver } from '../src/receive/index.ts';
import { buildCatalogue, loadDocument } from '../src/spec/index.ts';
import { runConformance, runPool, startProvider } from '../src/trigger/index.ts';

const triggers = Number(process.env.BENCH_TRIGGERS ?? 1000);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 50);
const root = fileURLToPath(new URL('..', import.meta.url));

interface Result {
  name: string;
  roundTripsMs: number[];
  wallMs: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

/** The bare baseline: fetch the trigger, a plain node:http server notes when each callback lands. */
async function runBare(provider: string): Promise<Result> {
  const waiting = new Map<string, (at: number) => void>();
  const server = createServer((request, response) => {
    const at = performance.now();
    const id = (request.url ?? '').split('/')[2] ?? '';
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      waiting.get(id)?.(at);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const started = performance.now();
  const roundTripsMs = await runPool(
    Array.from({ length: triggers }, (_, i) => String(i)),
    concurrency,
    async (id) => {
      const arrived = new Promise<number>((resolve) => waiting.set(id, resolve));
      const sentAt = performance.now();
      const callbackUrl = `http://127.0.0.1:${port}/b/${id}`;
      const response = await fetch(
        `${provider}/hook?callback_url=${encodeURIComponent(callbackUrl)}`,
        {
          method: 'POST',
        },
      );
      await response.arrayBuffer();
      const respondedAt = performance.now();
      const at = await arrived;
      waiting.delete(id);
      return Math.max(respondedAt, at) - sentAt;
    },
  );
  const wallMs = performance.now() - started;
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  return { name: 'bare script + bare receiver', roundTripsMs, wallMs };
}

/** The bare script again, but callbacks land on the tool's receiver (routing, validation, journal). */
async function runReceiverOnly(provider: string): Promise<Result> {
  const catalogue = buildCatalogue(await loadDocument(`${root}specs/trivial.yaml`));
  const receiver = await createReceiver(catalogue);
  const waiting = new Map<string, () => void>();
  const arrivals = new Map<string, number>();
  const unsubscribe = receiver.subscribe((exchange) => {
    if (exchange.token === undefined) return;
    arrivals.set(exchange.token, Date.parse(exchange.receivedAt));
    waiting.get(exchange.token)?.();
  });
  const started = performance.now();
  const roundTripsMs = await runPool(
    Array.from({ length: triggers }, (_, i) => `t${i}`),
    concurrency,
    async (token) => {
      const arrived = new Promise<void>((resolve) => waiting.set(token, resolve));
      const sentAt = Date.now();
      const callbackUrl = receiver.urlFor('hook/done/post', token);
      const response = await fetch(
        `${provider}/hook?callback_url=${encodeURIComponent(callbackUrl)}`,
        {
          method: 'POST',
        },
      );
      await response.arrayBuffer();
      const respondedAt = Date.now();
      await arrived;
      waiting.delete(token);
      return Math.max(respondedAt, arrivals.get(token) ?? sentAt) - sentAt;
    },
  );
  const wallMs = performance.now() - started;
  unsubscribe();
  await receiver.close();
  return { name: 'bare script + tool receiver', roundTripsMs, wallMs };
}

/** The same load through the tool: every trigger planned, injected, received, validated, correlated. */
async function runTool(provider: string, count = triggers): Promise<Result> {
  const catalogue = buildCatalogue(await loadDocument(`${root}specs/trivial.yaml`));
  const options = {
    ...resolveRunOptions({ provider, concurrency, repeat: count, timeout: 30 }, {}),
    graceMs: 0,
  };
  const started = performance.now();
  const report = await runConformance(catalogue, options);
  const wallMs = performance.now() - started;
  const durations = new Map(
    report.triggers.map((trigger) => [trigger.id, trigger.durationMs ?? 0]),
  );
  const roundTripsMs = report.expectations
    .filter((expectation) => expectation.latencyMs !== undefined)
    .map((expectation) => (durations.get(expectation.trigger) ?? 0) + (expectation.latencyMs ?? 0));
  if (!report.summary.conformant || roundTripsMs.length !== count) {
    throw new Error(
      `the tool run was not clean: ${roundTripsMs.length}/${count} callbacks, summary ${JSON.stringify(report.summary)}`,
    );
  }
  return { name: 'callback-verify run', roundTripsMs, wallMs };
}

function describe(result: Result): { p50: number; p95: number; perSecond: number } {
  const sorted = [...result.roundTripsMs].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    perSecond: (result.roundTripsMs.length / result.wallMs) * 1000,
  };
}

const provider = await startProvider({
  command: `"${process.execPath}" e2e/providers/trivial.ts --port 0 --quiet`,
  cwd: root,
});
try {
  // Warm both paths (JIT, sockets) before measuring.
  await runBare(provider.url);
  await runTool(provider.url, 200);
  await runReceiverOnly(provider.url);
  const bare = await runBare(provider.url);
  const receiverOnly = await runReceiverOnly(provider.url);
  const tool = await runTool(provider.url);
  const a = describe(bare);
  const r = describe(receiverOnly);
  const b = describe(tool);
  const ms = (value: number): string => `${value.toFixed(2)} ms`;
  process.stdout.write(
    `${triggers} triggers at concurrency ${concurrency} against e2e/providers/trivial.ts\n\n` +
      `${'path'.padEnd(30)} ${'p50'.padStart(10)} ${'p95'.padStart(10)} ${'round trips/s'.padStart(14)}\n` +
      `${bare.name.padEnd(30)} ${ms(a.p50).padStart(10)} ${ms(a.p95).padStart(10)} ${a.perSecond.toFixed(0).padStart(14)}\n` +
      `${receiverOnly.name.padEnd(30)} ${ms(r.p50).padStart(10)} ${ms(r.p95).padStart(10)} ${r.perSecond.toFixed(0).padStart(14)}\n` +
      `${tool.name.padEnd(30)} ${ms(b.p50).padStart(10)} ${ms(b.p95).padStart(10)} ${b.perSecond.toFixed(0).padStart(14)}\n` +
      `${'added by the tool'.padEnd(30)} ${ms(b.p50 - a.p50).padStart(10)} ${ms(b.p95 - a.p95).padStart(10)} ${(b.perSecond - a.perSecond).toFixed(0).padStart(14)}\n` +
      `${'ratio tool / bare'.padEnd(30)} ${`${(b.p50 / a.p50).toFixed(2)}×`.padStart(10)} ${`${(b.p95 / a.p95).toFixed(2)}×`.padStart(10)} ${`${(b.perSecond / a.perSecond).toFixed(2)}×`.padStart(14)}\n`,
  );
} finally {
  await provider.stop();
}
