import { escapeHtml } from './escape-html.ts';

/** What differs between the tool's HTML pages; the rest of the document is the same for all. */
export interface HtmlDocument {
  /** Plain text; escaped here. */
  title: string;
  /** `<meta>`/`<link>` lines that go before the title. */
  meta: readonly string[];
  /** Stylesheets that go after the title. */
  styles: readonly string[];
  body: string;
}

/**
 * An HTML page with the head every page of the tool has (UTF-8, the viewport, light and dark
 * colour schemes).
 * @example renderHtmlDocument({ title: 'Report', meta: [], styles: ['<style>…</style>'], body: '<p>…</p>' })
 */
export function renderHtmlDocument(page: HtmlDocument): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
${[...page.meta, `<title>${escapeHtml(page.title)}</title>`, ...page.styles].join('\n')}
</head>
<body>
${page.body}
</body>
</html>
`;
}
