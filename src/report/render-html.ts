import { createHash } from 'node:crypto';
import { escapeHtml } from './escape-html.ts';
import { readReportAssets } from './read-report-assets.ts';
import { renderHtmlDocument } from './render-html-document.ts';
import type { Report } from './report.ts';
import { toReportJson } from './to-report-json.ts';

const hash = (text: string): string =>
  `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * JSON that can sit inside `<script type="application/json">`: `<` (so no `</script>` or
 * `<!--` can end the block), `>` and `&` become `\u` escapes, which JSON.parse reads back as the same text.
 */
function embedJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The verdict and counts, rendered on the server so they show even before the script runs. */
function staticHeader(report: Report): string {
  const s = report.summary;
  const count = (value: number, label: string) =>
    `<li><b>${value}</b><span>${escapeHtml(label)}</span></li>`;
  return [
    '<header class="cv-header">',
    `<h1>callback-verify ${escapeHtml(report.command)}</h1>`,
    `<p class="cv-meta">${escapeHtml(report.spec.title)} · <code>${escapeHtml(report.spec.source)}</code> · OpenAPI ${escapeHtml(report.spec.openapi)} · ${escapeHtml(report.startedAt)}</p>`,
    `<div class="cv-verdict ${s.conformant ? 'cv-pass' : 'cv-fail'}" role="status">${s.conformant ? '✓ Conformant' : '✗ Not conformant'}</div>`,
    '<ul class="cv-counts" aria-label="Summary">',
    count(s.passed, 'passed'),
    count(s.failed, 'failed'),
    count(s.missing, 'missing'),
    count(s.unexpected, 'unexpected'),
    count(s.errors, 'errors'),
    count(s.warnings, 'warnings'),
    count(s.contracts, 'contracts'),
    count(s.exchanges, 'exchanges'),
    '</ul>',
    '</header>',
    '<noscript><p>Turn on JavaScript to see contracts, exchanges and findings; callback-verify.json holds the same data.</p></noscript>',
  ].join('\n');
}

/**
 * One self-contained HTML page (inline CSS and JS, no external assets) with the same
 * information as the JSON report: summary, per-contract verdicts, every exchange with its
 * findings highlighted in place, filters, and the provider's output. Every value from the
 * report is escaped; the data is embedded as JSON and drawn by `assets/report.js`, and a
 * Content-Security-Policy allows only the page's own script and style.
 * @example await writeFile('report.html', renderHtml(report));
 */
export function renderHtml(report: Report): string {
  const { css, js } = readReportAssets();
  const title = `callback-verify ${report.command}: ${report.spec.title} — ${report.summary.conformant ? 'conformant' : 'not conformant'}`;
  const policy = `default-src 'none'; style-src ${hash(css)}; script-src ${hash(js)}; img-src data:; base-uri 'none'; form-action 'none'`;
  return renderHtmlDocument({
    title,
    meta: [
      `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(policy)}">`,
      `<meta name="generator" content="${escapeHtml(`${report.tool.name} ${report.tool.version}`)}">`,
    ],
    styles: [`<style>${css}</style>`],
    body: `<div id="cv-app" class="cv">
${staticHeader(report)}
</div>
<script type="application/json" id="cv-data">${embedJson(toReportJson(report))}</script>
<script>${js}</script>`,
  });
}
