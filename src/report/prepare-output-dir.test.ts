import assert from 'node:assert/strict';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ReportError } from '../errors.ts';
import { prepareOutputDir } from './prepare-output-dir.ts';

describe('prepareOutputDir', () => {
  let root: string;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'cv-output-'));
    await writeFile(join(root, 'a-file'), 'x');
  });
  after(() => rm(root, { recursive: true, force: true }));

  it('creates the directory and its parents and returns the absolute path', async () => {
    const wanted = join(root, 'new', 'nested');
    assert.equal(await prepareOutputDir(wanted), wanted);
    assert.ok((await stat(wanted)).isDirectory());
    assert.equal(await prepareOutputDir(wanted), wanted, 'an existing directory is fine');
  });

  const refused = [
    { name: 'the path is a file', path: ['a-file'], reason: /: it is a file, not a directory\.$/ },
    {
      name: 'a parent is a file',
      path: ['a-file', 'sub', 'deeper'],
      reason: /a-file is a file, not a directory\.$/,
    },
  ];
  for (const { name, path, reason } of refused) {
    it(`refuses with CV_REPORT_WRITE when ${name}`, async () => {
      await assert.rejects(prepareOutputDir(join(root, ...path)), (error: unknown) => {
        assert.ok(error instanceof ReportError);
        assert.equal(error.code, 'CV_REPORT_WRITE');
        assert.equal(error.path, join(root, ...path));
        assert.match(error.message, reason);
        assert.match(error.hint ?? '', /--output/);
        return true;
      });
    });
  }
});
