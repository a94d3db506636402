import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ConfigError } from '../errors.ts';
import { loadConfig } from './load-config.ts';

const dir = await mkdtemp(join(tmpdir(), 'cv-config-'));
after(() => rm(dir, { recursive: true, force: true }));

test('loadConfig finds callback-verify.config.yaml in the working directory', async () => {
  const cwd = join(dir, 'yaml');
  await import('node:fs/promises').then((fs) => fs.mkdir(cwd));
  await writeFile(join(cwd, 'callback-verify.config.yaml'), 'timeout: 3\nheaders:\n  X-A: b\n');
  const loaded = await loadConfig({ cwd });
  assert.equal(loaded.path, join(cwd, 'callback-verify.config.yaml'));
  assert.deepEqual(loaded.config, { timeout: 3, headers: { 'X-A': 'b' } });
});

test('loadConfig without any file is an empty config', async () => {
  assert.deepEqual(await loadConfig({ cwd: dir }), { config: {} });
});

test('loadConfig with --config reads JSON and reports syntax errors with the path', async () => {
  const path = join(dir, 'broken.json');
  await writeFile(path, '{ "timeout": 3, }');
  await assert.rejects(
    loadConfig({ cwd: dir, path: 'broken.json' }),
    (error: unknown) => error instanceof ConfigError && error.message.includes(path),
  );
});

test('loadConfig with a missing --config file is a ConfigError', async () => {
  await assert.rejects(
    loadConfig({ cwd: dir, path: 'nope.yaml' }),
    (error: unknown) => error instanceof ConfigError && /does not exist/.test(error.message),
  );
});

test('loadConfig with a directory as --config says so and what to pass instead', async () => {
  await assert.rejects(loadConfig({ cwd: dir, path: '.' }), (error: unknown) => {
    assert.ok(error instanceof ConfigError);
    assert.equal(error.message, `Cannot read config file ${dir}: it is a directory.`);
    assert.match(error.hint ?? '', /--config/);
    return true;
  });
});
