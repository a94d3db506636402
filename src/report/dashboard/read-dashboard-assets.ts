import { readFileSync } from 'node:fs';
import { ReportError } from '../../errors.ts';
import { readReportAssets } from '../read-report-assets.ts';

/** The files the dashboard page loads, by the name it asks for them. */
export interface DashboardAsset {
  type: string;
  body: string;
}

// Beside the sources under type stripping; from dist/src/report/dashboard/ (after tsc) the
// assets are not copied, so look in the package's src/report/assets/ as well.
const candidates = [
  new URL('../assets/', import.meta.url),
  new URL('../../../../src/report/assets/', import.meta.url),
];

function load(): Map<string, DashboardAsset> | Error {
  for (const directory of candidates) {
    try {
      const js = readFileSync(new URL('dashboard.js', directory), 'utf8');
      const css = readFileSync(new URL('dashboard.css', directory), 'utf8');
      return new Map([
        ['dashboard.js', { type: 'text/javascript; charset=utf-8', body: js }],
        ['dashboard.css', { type: 'text/css; charset=utf-8', body: css }],
      ]);
    } catch {
      // Try the next place.
    }
  }
  return new Error(`looked in ${candidates.map((url) => url.pathname).join(' and ')}`);
}

let loaded: Map<string, DashboardAsset> | Error | undefined;
// The whole set, built once: the dashboard looks an asset up on every request for one.
let assets: ReadonlyMap<string, DashboardAsset> | undefined;

/**
 * The dashboard's files: the report page's stylesheet and script (shared with the HTML
 * report) and the dashboard's own live script and styles. Read once, on first use.
 * @example readDashboardAssets().get('report.js')?.body
 */
export function readDashboardAssets(): ReadonlyMap<string, DashboardAsset> {
  if (assets !== undefined) return assets;
  loaded ??= load();
  if (loaded instanceof Error) {
    throw new ReportError(
      'CV_INTERNAL',
      `The dashboard's script and stylesheet were not found (${loaded.message}).`,
      { hint: 'Reinstall callback-verify; its package must include src/report/assets/.' },
    );
  }
  const { css, js } = readReportAssets();
  assets = new Map([
    ['report.css', { type: 'text/css; charset=utf-8', body: css }],
    ['report.js', { type: 'text/javascript; charset=utf-8', body: js }],
    ...loaded,
  ]);
  return assets;
}
