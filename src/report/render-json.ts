import type { Report } from './report.ts';
import { toReportJson } from './to-report-json.ts';

/**
 * The report as stable JSON: 2-space indent, keys in the model's order, raw bodies as
 * `{ bytes, base64, text? }`. The shape is documented in the user manual (reports).
 * @example await writeFile('callback-verify.json', renderJson(report));
 */
export function renderJson(report: Report): string {
  return `${JSON.stringify(toReportJson(report), null, 2)}\n`;
}
