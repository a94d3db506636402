import { mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { ReportError } from '../errors.ts';

/**
 * Creates the report directory (and its parents) and resolves with its absolute path. Commands
 * that run for a while call it before they start, so an unusable `--output` is an error up front
 * rather than a report lost at the end. Throws {@link ReportError} `CV_REPORT_WRITE` when the
 * path, or one of its parents, is a file, or when it cannot be created.
 * @example await prepareOutputDir('reports') // '/home/me/project/reports'
 */
export async function prepareOutputDir(outputDir: string): Promise<string> {
  const directory = resolve(outputDir);
  try {
    await mkdir(directory, { recursive: true });
    return directory;
  } catch (error) {
    const file = await findFileInTheWay(directory);
    const reason =
      file === undefined
        ? error instanceof Error
          ? error.message
          : String(error)
        : `${file === directory ? 'it' : file} is a file, not a directory`;
    throw new ReportError(
      'CV_REPORT_WRITE',
      `Could not create the report directory ${directory}: ${reason}.`,
      { hint: 'Pass an --output directory you can write to.', cause: error, path: directory },
    );
  }
}

/** The path itself or the nearest existing parent, when that is a file. */
async function findFileInTheWay(path: string): Promise<string | undefined> {
  for (let current = path; ; current = dirname(current)) {
    try {
      return (await stat(current)).isFile() ? current : undefined;
    } catch {
      if (dirname(current) === current) return undefined;
    }
  }
}
