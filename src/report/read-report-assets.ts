import { readFileSync } from 'node:fs';
import { ReportError } from '../errors.ts';

/** The page's stylesheet and script, as shipped in `src/report/assets/`. */
export interface ReportAssets {
  css: string;
  js: string;
}

// From src/report/ (type stripping) the assets sit beside this file; from dist/src/report/
// (after tsc) they are not copied, so look in the package's src/report/assets/ as well.
const candidates = [
  new URL('./assets/', import.meta.url),
  new URL('../../../src/report/assets/', import.meta.url),
];

function load(): ReportAssets | Error {
  const tried: string[] = [];
  for (const directory of candidates) {
    try {
      const css = readFileSync(new URL('report.css', directory), 'utf8');
      const js = readFileSync(new URL('report.js', directory), 'utf8');
      // Inlined as-is, so neither may close its own element.
      if (/<\/(script|style)/i.test(css + js))
        return new Error(`${directory.pathname} closes a tag`);
      return { css, js };
    } catch {
      tried.push(directory.pathname);
    }
  }
  return new Error(`looked in ${tried.join(' and ')}`);
}

// Read on first use (not at import, which every command and library user pays), then kept;
// the HTML report and the dashboard both inline these.
let loaded: ReportAssets | Error | undefined;

/**
 * The report page's CSS and JS (read once, on first use). Throws when the package is
 * missing its `src/report/assets/` files.
 * @example const { css, js } = readReportAssets();
 */
export function readReportAssets(): ReportAssets {
  loaded ??= load();
  if (loaded instanceof Error) {
    throw new ReportError(
      'CV_INTERNAL',
      `The HTML report's stylesheet and script were not found (${loaded.message}).`,
      { hint: 'Reinstall callback-verify; its package must include src/report/assets/.' },
    );
  }
  return loaded;
}
