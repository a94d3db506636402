import { escapeHtml } from '../escape-html.ts';
import { renderHtmlDocument } from '../render-html-document.ts';
import type { Report } from '../report.ts';

/** The page's Content-Security-Policy: its own files and its own event stream, nothing else. */
export const dashboardPolicy =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * The dashboard's HTML shell. It loads the report page's stylesheet and script plus the live
 * script by relative URL (so the token in the page's path carries over) and draws nothing
 * itself: the live script mounts the report view on the snapshot the event stream sends first.
 * The empty icon keeps the browser from asking the receiver for `/favicon.ico`, which would
 * arrive as an unexpected callback.
 * @example renderDashboardPage(source.snapshot(), 200)
 */
export function renderDashboardPage(report: Report, maxExchanges: number): string {
  const title = `callback-verify ${report.command} dashboard: ${report.spec.title}`;
  return renderHtmlDocument({
    title,
    meta: ['<meta name="referrer" content="no-referrer">', '<link rel="icon" href="data:,">'],
    styles: [
      '<link rel="stylesheet" href="report.css">',
      '<link rel="stylesheet" href="dashboard.css">',
    ],
    body: `<div id="cv-live" class="cv-live" data-state="connecting"><span id="cv-live-text" role="status" aria-live="polite">Connecting…</span><button id="cv-pause" type="button" aria-pressed="false" title="Stop drawing new callbacks while you read (they are kept)">Pause</button></div>
<div id="cv-app" class="cv" data-max-exchanges="${maxExchanges}" data-title="${escapeHtml(title)}">
<p class="cv-meta">Loading ${escapeHtml(report.spec.title)}…</p>
</div>
<noscript><p>The dashboard needs JavaScript. <a href="snapshot.json">snapshot.json</a> holds the same data.</p></noscript>
<script src="report.js"></script>
<script src="dashboard.js"></script>`,
  });
}
