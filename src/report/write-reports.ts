import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ReportError } from '../errors.ts';
import { prepareOutputDir } from './prepare-output-dir.ts';
import { renderHtml } from './render-html.ts';
import { renderJson } from './render-json.ts';
import { renderJunit } from './render-junit.ts';
import { renderMarkdown } from './render-markdown.ts';
import type { Report } from './report.ts';

/** An output format; `console` is printed by the CLI, the others are files. */
export type ReporterName = 'console' | 'json' | 'junit' | 'markdown' | 'html';

/** Every reporter name, in the order files are written. */
export const reporterNames: readonly ReporterName[] = [
  'console',
  'json',
  'junit',
  'markdown',
  'html',
];

/** The file each file reporter writes into the output directory. */
const reportFileNames: Readonly<Record<Exclude<ReporterName, 'console'>, string>> = {
  json: 'callback-verify.json',
  junit: 'junit.xml',
  markdown: 'summary.md',
  html: 'report.html',
};

const renderers: Record<Exclude<ReporterName, 'console'>, (report: Report) => string> = {
  json: renderJson,
  junit: renderJunit,
  markdown: renderMarkdown,
  html: renderHtml,
};

/** Options of {@link writeReports}. */
export interface WriteReportsOptions {
  reporters: readonly ReporterName[];
  /** Created when missing. */
  outputDir: string;
}

function describeFailure(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Writes next to the target and renames, so a reader never sees half a report. */
async function writeAtomically(path: string, content: string): Promise<void> {
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, content, 'utf8');
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new ReportError(
      'CV_REPORT_WRITE',
      `Could not write ${path}: ${describeFailure(error)}.`,
      {
        hint: 'Check that the output directory is writable and the disk has room, or pass another --output.',
        cause: error,
        path,
      },
    );
  }
}

/**
 * Writes the file reporters' output into `outputDir` (`callback-verify.json`, `junit.xml`,
 * `summary.md`, `report.html`) and returns the absolute paths written, in reporter order.
 * `console` writes no file. Each file is written to a temporary name and renamed, so an
 * interrupted run never leaves a truncated report. Throws {@link ReportError} when it cannot.
 * @example await writeReports(report, { reporters: ['json', 'junit'], outputDir: 'reports' })
 */
export async function writeReports(
  report: Report,
  options: WriteReportsOptions,
): Promise<string[]> {
  const wanted = reporterNames.filter(
    (name): name is Exclude<ReporterName, 'console'> =>
      name !== 'console' && options.reporters.includes(name),
  );
  if (wanted.length === 0) return [];
  const directory = await prepareOutputDir(options.outputDir);
  const written: string[] = [];
  for (const name of wanted) {
    const path = join(directory, reportFileNames[name]);
    await writeAtomically(path, renderers[name](report));
    written.push(path);
  }
  return written;
}
