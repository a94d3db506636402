export { prepareOutputDir } from './prepare-output-dir.ts';
export { type ReportAssets, readReportAssets } from './read-report-assets.ts';
export { type ConsoleOptions, renderConsole } from './render-console.ts';
export { renderHtml } from './render-html.ts';
export { renderJson } from './render-json.ts';
export { renderJunit } from './render-junit.ts';
export { renderMarkdown } from './render-markdown.ts';
export type * from './report.ts';
export { sanitiseText } from './sanitise-text.ts';
export { summarise } from './summarise.ts';
export { type JsonBody, type JsonValue, toReportJson } from './to-report-json.ts';
export {
  type ReporterName,
  reporterNames,
  type WriteReportsOptions,
  writeReports,
} from './write-reports.ts';
