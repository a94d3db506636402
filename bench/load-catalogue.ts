/**
 * Load + catalogue of the largest corpus document (GitHub's 261 webhooks, 4.8 MB) next to a bare
 * `JSON.parse` of the same file, as a ratio; then `inspect` on it, process start to exit; then
 * the largest YAML document (Rebilly, 2.2 MB) loaded, next to parsing it with `yaml` alone.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { buildCatalogue } from '../src/spec/build-catalogue.ts';
import { loadDocument } from '../src/spec/load-document.ts';

const spec = fileURLToPath(
  new URL('../specs/corpus/github-webhooks-octokit.json', import.meta.url),
);
const cli = fileURLToPath(new URL('../cli/main.ts', import.meta.url));
const rounds = 7;

function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const parse: number[] = [];
const load: number[] = [];
const catalogue: number[] = [];
let contracts = 0;
for (let round = 0; round < rounds; round++) {
  let start = performance.now();
  JSON.parse(readFileSync(spec, 'utf8'));
  parse.push(performance.now() - start);
  start = performance.now();
  const loaded = await loadDocument(spec);
  const loadedAt = performance.now();
  contracts = buildCatalogue(loaded).contracts.length;
  load.push(loadedAt - start);
  catalogue.push(performance.now() - loadedAt);
}
const bare = median(parse);
const total = median(load) + median(catalogue);
const peakMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(
  [
    `document: ${spec} (${contracts} contracts), median of ${rounds} rounds`,
    `read + JSON.parse:    ${bare.toFixed(1)} ms`,
    `loadDocument:         ${median(load).toFixed(1)} ms`,
    `buildCatalogue:       ${median(catalogue).toFixed(1)} ms`,
    `load + catalogue:     ${total.toFixed(1)} ms = ${(total / bare).toFixed(1)}x the bare parse (aim: under 10x)`,
    `peak RSS (process):   ${peakMb.toFixed(0)} MB`,
    '',
  ].join('\n'),
);

const start = performance.now();
const inspect = spawnSync(process.execPath, [cli, 'inspect', spec, '--json'], {
  stdio: ['ignore', 'ignore', 'inherit'],
});
const took = performance.now() - start;
process.stdout.write(
  `inspect --json, process start to exit: ${took.toFixed(0)} ms (exit ${inspect.status}; aim: under 1000 ms)\n`,
);
if (inspect.status !== 0) process.exitCode = 1;

const yamlSpec = fileURLToPath(
  new URL('../specs/corpus/rebilly-redocly-smoke.yaml', import.meta.url),
);
const yamlText = readFileSync(yamlSpec, 'utf8');
const yamlAlone: number[] = [];
const yamlLoad: number[] = [];
for (let round = 0; round < 3; round++) {
  let start = performance.now();
  parseDocument(yamlText).toJS();
  yamlAlone.push(performance.now() - start);
  start = performance.now();
  await loadDocument(yamlSpec);
  yamlLoad.push(performance.now() - start);
}
process.stdout.write(
  `Rebilly (2.2 MB YAML): loadDocument ${median(yamlLoad).toFixed(0)} ms; parsing it with yaml alone ${median(yamlAlone).toFixed(0)} ms (${(median(yamlLoad) / median(yamlAlone)).toFixed(2)}x), median of 3\n`,
);
