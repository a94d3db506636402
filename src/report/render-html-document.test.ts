import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderHtmlDocument } from './render-html-document.ts';

test('renderHtmlDocument: the shared head, then meta, the escaped title and styles in order, then the body', () => {
  const html = renderHtmlDocument({
    title: 'a <b> & "c"',
    meta: ['<meta name="m">'],
    styles: ['<style>s</style>'],
    body: '<p>body</p>',
  });
  assert.match(html, /^<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n/);
  assert.ok(
    html.includes(
      '<meta name="color-scheme" content="light dark">\n<meta name="m">\n<title>a &lt;b&gt; &amp; &quot;c&quot;</title>\n<style>s</style>\n</head>',
    ),
    html,
  );
  assert.ok(html.endsWith('<body>\n<p>body</p>\n</body>\n</html>\n'));
});
