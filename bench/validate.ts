/**
 * `node bench/validate.ts`: what it costs to compile GitHub's 261 webhook body schemas.
 *
 * - shared: the validator's way — the document registered once, each body schema compiled as
 *   a `$ref` into it, so shared components compile once;
 * - dereferenced: the baseline — a fully dereferenced copy (json-schema-ref-parser), each body
 *   schema compiled on its own with the same Ajv options;
 * - on demand: one contract's schema compiled the first time a request needs it, on fresh state
 *   each time: right after the set-up (document view and Ajv instance, timed apart), with nothing
 *   compiled; after `warmUp()`, which a receiver runs right after it starts listening and which
 *   also compiles the schemas most of the document references; and, from the compile-all run,
 *   after others. The baseline is the same schema compiled from the dereferenced copy, on a fresh
 *   Ajv instance;
 * - first request: the same two ways, each in a freshly started process, where nothing in Ajv
 *   has been optimised by the JIT yet: what the first delivery to a just-started receiver waits.
 *
 * Each measurement runs in its own process so RSS figures do not bleed into each other. Wall
 * times move with the load of the machine; the CPU time (of the whole process, so the
 * collector's and the JIT's helper threads count too) moves less.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import $RefParser from '@apidevtools/json-schema-ref-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import type { SchemaSpec } from '../src/spec/contract.ts';
import type { JsonObject, LoadedDocument } from '../src/spec/document.ts';
import { buildCatalogue, loadDocument } from '../src/spec/index.ts';
import { ajvOptions, createAjv } from '../src/validate/schema/create-ajv.ts';
import { buildSchemaView, createSchemaEngine } from '../src/validate/schema/index.ts';
import { toFragment, toViewPointer } from '../src/validate/schema/to-view-pointer.ts';

const specPath = fileURLToPath(
  new URL('../specs/corpus/github-webhooks-octokit.json', import.meta.url),
);

interface PhaseResult {
  phase: string;
  schemas: number;
  ms: number;
  rssMb: number;
  samples?: number[];
  onDemandResult?: OnDemand;
  failures?: number;
  /** Dereferenced baseline: one schema compiled on demand on a fresh Ajv instance. */
  onDemand?: number[];
}

/** Every `step`-th webhook: the samples of the on-demand measurements. */
const onDemandStep = 5;
/** Webhooks timed in a fresh process each (a few: every process loads the 4.7 MB document). */
const freshIndexes = [3, 40, 80, 120, 160, 200, 240];

const cpuMs = (since: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

const megabytes = (bytes: number): number => Math.round(bytes / 1024 / 1024);

function bodySchemas(document: LoadedDocument): SchemaSpec[] {
  return buildCatalogue(document).contracts.flatMap((contract) =>
    (contract.operation.requestBody?.content ?? []).flatMap((media) =>
      media.schema === undefined ? [] : [media.schema],
    ),
  );
}

async function runPhase(phase: string): Promise<PhaseResult> {
  const document = await loadDocument(specPath);
  const schemas = bodySchemas(document);
  if (phase === 'shared') {
    const rssBefore = process.memoryUsage().rss;
    const start = performance.now();
    const engine = createSchemaEngine(document, 'request');
    const samples: number[] = [];
    let failures = 0;
    for (const schema of schemas) {
      const begun = performance.now();
      if (!engine.prepare(schema).ok) failures++;
      samples.push(performance.now() - begun);
    }
    const ms = performance.now() - start;
    return {
      phase,
      schemas: schemas.length,
      ms,
      rssMb: megabytes(process.memoryUsage().rss - rssBefore),
      samples,
      failures,
    };
  }
  if (phase === 'dereferenced') {
    const rssBefore = process.memoryUsage().rss;
    const start = performance.now();
    const copy = await $RefParser.dereference(structuredClone(document.document), {
      dereference: { circular: 'ignore' },
    });
    const ajv = newBaselineAjv();
    let failures = 0;
    for (const schema of schemas) {
      const target = resolve(copy, schema.pointer);
      try {
        ajv.compile(typeof target === 'object' && target !== null ? target : {});
      } catch {
        failures++;
      }
    }
    const ms = performance.now() - start;
    const rssMb = megabytes(process.memoryUsage().rss - rssBefore);
    const onDemand: number[] = [];
    for (let index = 0; index < schemas.length; index += onDemandStep) {
      const schema = schemas[index];
      if (schema === undefined) continue;
      const fresh = newBaselineAjv();
      const target = resolve(copy, schema.pointer);
      const begun = performance.now();
      try {
        fresh.compile(typeof target === 'object' && target !== null ? target : {});
      } catch {
        // Counted in `failures` above.
      }
      onDemand.push(performance.now() - begun);
    }
    return { phase, schemas: schemas.length, ms, rssMb, failures, onDemand };
  }
  if (phase === 'on-demand') {
    // Every few webhooks, each on a fresh engine: the first request of a started receiver.
    const result: OnDemand = emptyOnDemand();
    for (let index = 0; index < schemas.length; index += onDemandStep) {
      const schema = schemas[index];
      if (schema !== undefined) measureOnDemand(document, schema, index, result);
    }
    return { phase, schemas: result.afterWarmUp.length, ms: 0, rssMb: 0, onDemandResult: result };
  }
  if (phase.startsWith('fresh-')) {
    // `fresh-bare-40`, `fresh-warm-40`: one way only, so the JIT has seen nothing before it.
    const [, way, at] = phase.split('-');
    const schema = schemas[Number(at)];
    if (schema === undefined || (way !== 'bare' && way !== 'warm')) {
      throw new Error(`unknown phase ${phase}`);
    }
    const result: OnDemand = emptyOnDemand();
    measureOnDemand(document, schema, Number(at), result, way);
    return { phase, schemas: 1, ms: 0, rssMb: 0, onDemandResult: result };
  }
  throw new Error(`unknown phase ${phase}`);
}

/** Wall (and CPU) milliseconds of the two ways a first request meets an unprepared schema. */
interface OnDemand {
  /** Set-up only: document view, then the Ajv instance with the view registered. */
  viewMs: number[];
  ajvMs: number[];
  /** Compiling the schema (and all it references) right after the set-up: nothing compiled. */
  bare: number[];
  bareCpu: number[];
  /** `warmUp()`: the set-up plus the shared schemas, as a receiver does right after listening. */
  warmUp: number[];
  /** Compiling the schema after `warmUp()`: what the first request waits for in a receiver. */
  afterWarmUp: number[];
  afterWarmUpCpu: number[];
}

function emptyOnDemand(): OnDemand {
  return {
    viewMs: [],
    ajvMs: [],
    bare: [],
    bareCpu: [],
    warmUp: [],
    afterWarmUp: [],
    afterWarmUpCpu: [],
  };
}

/**
 * One schema, both ways, each on its own fresh state; which way goes first alternates so neither
 * always inherits the other's garbage or JIT warmth.
 */
function measureOnDemand(
  document: LoadedDocument,
  schema: SchemaSpec,
  index: number,
  into: OnDemand,
  only?: 'bare' | 'warm',
): void {
  const bare = (): void => {
    const viewStarted = performance.now();
    const view = buildSchemaView(document.document, document.version, 'request');
    const ajvStarted = performance.now();
    const setup = createAjv(view, document.version, `bench-${index}`);
    const begun = performance.now();
    const cpuBefore = process.cpuUsage();
    const pointer = toViewPointer(view, schema.pointer);
    if (pointer === undefined || setup.validatorFor(toFragment(pointer)) === undefined) {
      throw new Error(`cannot compile ${schema.pointer}`);
    }
    into.bareCpu.push(cpuMs(cpuBefore));
    into.bare.push(performance.now() - begun);
    into.viewMs.push(ajvStarted - viewStarted);
    into.ajvMs.push(begun - ajvStarted);
  };
  const warm = (): void => {
    const engine = createSchemaEngine(document, 'request');
    const started = performance.now();
    engine.warmUp();
    const begun = performance.now();
    const cpuBefore = process.cpuUsage();
    if (!engine.prepare(schema).ok) throw new Error(`cannot compile ${schema.pointer}`);
    into.afterWarmUpCpu.push(cpuMs(cpuBefore));
    into.afterWarmUp.push(performance.now() - begun);
    into.warmUp.push(begun - started);
  };
  if (only === 'bare') bare();
  else if (only === 'warm') warm();
  else if (index % 2 === 0) {
    bare();
    warm();
  } else {
    warm();
    bare();
  }
}

/** The baseline's Ajv instance: the validator's options and the annotations GitHub uses. */
function newBaselineAjv(): Ajv2020 {
  const ajv = new Ajv2020({ ...ajvOptions, logger: false });
  ajvFormats.default(ajv);
  for (const keyword of [
    'example',
    'xml',
    'externalDocs',
    'discriminator',
    'x-github',
    'x-github-plan',
  ]) {
    ajv.addKeyword({ keyword });
  }
  return ajv;
}

function resolve(root: unknown, pointer: string): unknown {
  let node = root;
  for (const token of pointer.split('/').slice(1)) {
    const key = token.replaceAll('~1', '/').replaceAll('~0', '~');
    node = typeof node === 'object' && node !== null ? (node as JsonObject)[key] : undefined;
  }
  return node;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? Number.NaN;
}

function measure(phase: string): PhaseResult {
  const result = spawnSync(process.execPath, [fileURLToPath(import.meta.url), `--phase=${phase}`], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`phase ${phase} failed:\n${result.stderr}`);
  const parsed: unknown = JSON.parse(result.stdout);
  if (typeof parsed !== 'object' || parsed === null || !('phase' in parsed)) {
    throw new Error(`phase ${phase} printed no result`);
  }
  return parsed as PhaseResult;
}

const phaseArgument = process.argv.find((argument) => argument.startsWith('--phase='));
if (phaseArgument !== undefined) {
  process.stdout.write(JSON.stringify(await runPhase(phaseArgument.slice('--phase='.length))));
} else if (!existsSync(specPath)) {
  process.stdout.write(`skipped: ${specPath} is not there\n`);
} else {
  const fmt = (ms: number): string =>
    ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
  const dereferenced = measure('dereferenced');
  const shared = measure('shared');
  const onDemand = measure('on-demand').onDemandResult ?? emptyOnDemand();
  const fresh = freshIndexes.flatMap((index) =>
    ['bare', 'warm'].map((way) => measure(`fresh-${way}-${index}`).onDemandResult),
  );
  const freshAll = (pick: (result: OnDemand) => number[]): number[] =>
    fresh.flatMap((result) => (result === undefined ? [] : pick(result)));
  const warm = shared.samples ?? [];
  const baseline = dereferenced.onDemand ?? [];
  const p50 = (values: readonly number[]): number => percentile(values, 0.5);
  const p95 = (values: readonly number[]): number => percentile(values, 0.95);
  const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}x`;
  const n = onDemand.bare.length;
  const lines = [
    `GitHub webhooks: ${shared.schemas} body schemas (compile failures: shared ${shared.failures}, dereferenced ${dereferenced.failures})`,
    `compile all, dereferenced copy (baseline): ${fmt(dereferenced.ms)}, +${dereferenced.rssMb} MB RSS (dereference included)`,
    `compile all, shared $refs (validator):    ${fmt(shared.ms)}, +${shared.rssMb} MB RSS (document view included)`,
    `ratio shared / dereferenced:              time ${ratio(shared.ms, dereferenced.ms)}, RSS ${(shared.rssMb / Math.max(1, dereferenced.rssMb)).toFixed(2)}x`,
    `one schema on demand, ${n} webhooks, each on fresh state, p50 / p95:`,
    `  from the dereferenced copy, fresh Ajv (baseline):  ${fmt(p50(baseline))} / ${fmt(p95(baseline))}`,
    `  nothing compiled yet (after the set-up only):       ${fmt(p50(onDemand.bare))} / ${fmt(p95(onDemand.bare))} (${ratio(p50(onDemand.bare), p50(baseline))} of baseline; CPU p50 ${fmt(p50(onDemand.bareCpu))})`,
    `  after warmUp() (set-up + shared schemas):           ${fmt(p50(onDemand.afterWarmUp))} / ${fmt(p95(onDemand.afterWarmUp))} (${ratio(p50(onDemand.afterWarmUp), p50(baseline))} of baseline; CPU p50 ${fmt(p50(onDemand.afterWarmUpCpu))})`,
    `  after others (${warm.length} samples, compile-all run):       ${fmt(p50(warm))} / ${fmt(p95(warm))}`,
    `per-document set-up p50: view ${fmt(p50(onDemand.viewMs))} + Ajv instance ${fmt(p50(onDemand.ajvMs))}; warmUp() with the shared schemas ${fmt(p50(onDemand.warmUp))}`,
    `first request in a fresh process (${freshIndexes.length} webhooks, each way in its own process, cold JIT), p50:`,
    `  set-up only ${fmt(p50(freshAll((r) => r.viewMs)) + p50(freshAll((r) => r.ajvMs)))}, then compile ${fmt(p50(freshAll((r) => r.bare)))} (CPU ${fmt(p50(freshAll((r) => r.bareCpu)))})`,
    `  warmUp() ${fmt(p50(freshAll((r) => r.warmUp)))}, then compile ${fmt(p50(freshAll((r) => r.afterWarmUp)))} (CPU ${fmt(p50(freshAll((r) => r.afterWarmUpCpu)))})`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
