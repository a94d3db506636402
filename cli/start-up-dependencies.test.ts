import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

const main = fileURLToPath(new URL('./main.ts', import.meta.url));
const root = fileURLToPath(new URL('..', import.meta.url));

/** Dependencies some inputs need and that take long to load: never loaded before they are needed. */
const heavy = ['@faker-js/faker', 'fast-xml-parser', 'yaml', '@stoplight/prism-http', 'stripe'];

/** The packages a CLI command loads, recorded by a module hook in the child process. */
async function packagesLoaded(args: string[]): Promise<Set<string>> {
  const dir = await mkdtemp(join(tmpdir(), 'cv-start-up-'));
  try {
    const hook = join(dir, 'record.mjs');
    const out = join(dir, 'loaded.json');
    await writeFile(
      hook,
      `import { registerHooks } from 'node:module';
import { writeFileSync } from 'node:fs';
const seen = new Set();
registerHooks({ load(url, context, next) { seen.add(url); return next(url, context); } });
process.on('exit', () => writeFileSync(${JSON.stringify(out)}, JSON.stringify([...seen])));
`,
    );
    const run = spawnSync(process.execPath, ['--import', pathToFileURL(hook).href, main, ...args], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, SCARF_ANALYTICS: 'false' },
    });
    assert.ok(run.status === 0 || run.status === 1, run.stderr);
    const urls: unknown = JSON.parse(await readFile(out, 'utf8'));
    assert.ok(Array.isArray(urls));
    const packages = new Set<string>();
    for (const url of urls) {
      const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(String(url))?.[1];
      if (name !== undefined) packages.add(name);
    }
    return packages;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('listen on a JSON document with JSON bodies loads none of the heavy optional dependencies', async () => {
  const loaded = await packagesLoaded([
    'listen',
    'specs/corpus/github-webhooks-octokit.json',
    '--json',
    '--no-dashboard',
    '--timeout',
    '0.01',
  ]);
  assert.ok(loaded.has('ajv'), 'the hook sees the packages that are loaded');
  assert.deepEqual(
    heavy.filter((name) => loaded.has(name)),
    [],
  );
});

test('inspect on a YAML document js-yaml reads loads neither yaml nor the validator', async () => {
  const loaded = await packagesLoaded(['inspect', 'specs/invoices.yaml']);
  assert.ok(loaded.has('js-yaml'));
  assert.deepEqual(
    [...heavy, 'ajv'].filter((name) => loaded.has(name)),
    [],
  );
});
