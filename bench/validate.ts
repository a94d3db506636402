/**
 * `node bench/validate.ts`: what it costs to compile GitHub's 261 webhook body schemas.
 *
 * - shared: the validator's way — the document registered once, each body schema compiled as
 *   a `$ref` into it, so shared components compile once;
 * - dereferenced: the baseline — a fully dereferenced copy (json-schema-ref-parser), each body
 *   schema compiled on its own with the same Ajv options;
 * - on demand: one contract's schema compiled the first time a request needs it, on a fresh
 *   validator (document view and Ajv instance built too) and on one that has compiled others.
 *
 * Each measurement runs in its own process so RSS figures do not bleed into each other.
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
import { ajvOptions } from '../src/validate/schema/create-ajv.ts';
import { createSchemaEngine } from '../src/validate/schema/index.ts';

const specPath = fileURLToPath(
  new URL('../specs/corpus/github-webhooks-octokit.json', import.meta.url),
);

interface PhaseResult {
  phase: string;
  schemas: number;
  ms: number;
  rssMb: number;
  samples?: number[];
  setUp?: number[];
  failures?: number;
}

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
    return {
      phase,
      schemas: schemas.length,
      ms,
      rssMb: megabytes(process.memoryUsage().rss - rssBefore),
      failures,
    };
  }
  if (phase === 'on-demand') {
    // Every 10th webhook, each on a fresh engine: the first request of a freshly started receiver.
    const samples: number[] = [];
    const setUp: number[] = [];
    for (let index = 0; index < schemas.length; index += 10) {
      const schema = schemas[index];
      if (schema === undefined) continue;
      const engine = createSchemaEngine(document, 'request');
      const started = performance.now();
      engine.warmUp();
      const begun = performance.now();
      engine.prepare(schema);
      samples.push(performance.now() - begun);
      setUp.push(begun - started);
    }
    return { phase, schemas: samples.length, ms: 0, rssMb: 0, samples, setUp };
  }
  throw new Error(`unknown phase ${phase}`);
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
  const onDemand = measure('on-demand');
  const warm = shared.samples ?? [];
  const cold = onDemand.samples ?? [];
  const lines = [
    `GitHub webhooks: ${shared.schemas} body schemas (compile failures: shared ${shared.failures}, dereferenced ${dereferenced.failures})`,
    `compile all, dereferenced copy (baseline): ${fmt(dereferenced.ms)}, +${dereferenced.rssMb} MB RSS (dereference included)`,
    `compile all, shared $refs (validator):    ${fmt(shared.ms)}, +${shared.rssMb} MB RSS (document view included)`,
    `ratio shared / dereferenced:              time ${(shared.ms / dereferenced.ms).toFixed(2)}x, RSS ${(shared.rssMb / Math.max(1, dereferenced.rssMb)).toFixed(2)}x`,
    `per-document set-up (view + Ajv, warmUp): p50 ${fmt(percentile(onDemand.setUp ?? [], 0.5))}`,
    `one schema on demand, nothing compiled yet (${cold.length} samples): p50 ${fmt(percentile(cold, 0.5))}, p95 ${fmt(percentile(cold, 0.95))}`,
    `one schema on demand, after others (${warm.length} samples):        p50 ${fmt(percentile(warm, 0.5))}, p95 ${fmt(percentile(warm, 0.95))}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
