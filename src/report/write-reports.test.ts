import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ReportError } from '../errors.ts';
import { renderHtml } from './render-html.ts';
import { renderJson } from './render-json.ts';
import { renderJunit } from './render-junit.ts';
import { renderMarkdown } from './render-markdown.ts';
import { failingRun } from './sample-reports.test-fixture.ts';
import { type ReporterName, writeReports } from './write-reports.ts';

describe('writeReports', () => {
  let root: string;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'cv-reports-'));
  });
  after(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const cases: Array<{ name: string; reporters: ReporterName[]; want: Record<string, string> }> = [
    {
      name: 'every file reporter, in a directory it creates',
      reporters: ['html', 'console', 'markdown', 'junit', 'json'],
      want: {
        'callback-verify.json': renderJson(failingRun),
        'junit.xml': renderJunit(failingRun),
        'summary.md': renderMarkdown(failingRun),
        'report.html': renderHtml(failingRun),
      },
    },
    { name: 'one reporter', reporters: ['junit'], want: { 'junit.xml': renderJunit(failingRun) } },
    { name: 'console writes no file', reporters: ['console'], want: {} },
  ];
  cases.forEach(({ name, reporters, want }, index) => {
    it(name, async () => {
      const outputDir = join(root, `case-${index}`, 'nested');
      const written = await writeReports(failingRun, { reporters, outputDir });
      assert.deepEqual(
        written,
        Object.keys(want).map((file) => join(outputDir, file)),
      );
      for (const [file, content] of Object.entries(want)) {
        assert.equal(await readFile(join(outputDir, file), 'utf8'), content);
      }
      if (written.length > 0) {
        assert.deepEqual(
          (await readdir(outputDir)).sort(),
          Object.keys(want).sort(),
          'no temp files left',
        );
      } else {
        await assert.rejects(readdir(outputDir), { code: 'ENOENT' }, 'no directory for no file');
      }
    });
  });

  it('replaces an earlier report', async () => {
    const outputDir = join(root, 'again');
    await writeReports(failingRun, { reporters: ['json'], outputDir });
    const changed = { ...failingRun, command: 'listen' as const };
    await writeReports(changed, { reporters: ['json'], outputDir });
    const parsed = JSON.parse(await readFile(join(outputDir, 'callback-verify.json'), 'utf8'));
    assert.equal(parsed.command, 'listen');
  });

  it('throws ReportError when the output directory cannot be made', async () => {
    const file = join(root, 'a-file');
    await writeFile(file, 'x');
    await assert.rejects(
      writeReports(failingRun, { reporters: ['json'], outputDir: join(file, 'sub') }),
      (error: unknown) =>
        error instanceof ReportError &&
        error.code === 'CV_REPORT_WRITE' &&
        /a-file/.test(error.message),
    );
  });
});
