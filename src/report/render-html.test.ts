import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { renderHtml } from './render-html.ts';
import { renderJson } from './render-json.ts';
import type { Report } from './report.ts';
import {
  conformantRun,
  failingRun,
  listenReport,
  sendReport,
} from './sample-reports.test-fixture.ts';

function embeddedData(html: string): { raw: string; value: unknown } {
  const match = /<script type="application\/json" id="cv-data">([\s\S]*?)<\/script>/.exec(html);
  assert.ok(match, 'has the data block');
  return { raw: match[1]!, value: JSON.parse(match[1]!) };
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');

describe('renderHtml', () => {
  const cases: Array<{ name: string; given: Report; want: string[] }> = [
    {
      name: 'conformant run',
      given: conformantRun,
      want: [
        '<title>callback-verify run: Invoice API — conformant</title>',
        '<div class="cv-verdict cv-pass" role="status">✓ Conformant</div>',
        '<li><b>1</b><span>passed</span></li>',
      ],
    },
    {
      name: 'failing run',
      given: failingRun,
      want: [
        '<title>callback-verify run: Invoice API — not conformant</title>',
        '<div class="cv-verdict cv-fail" role="status">✗ Not conformant</div>',
        '<li><b>2</b><span>failed</span></li>',
        '<li><b>1</b><span>missing</span></li>',
        '<li><b>1</b><span>unexpected</span></li>',
        '<li><b>5</b><span>errors</span></li>',
      ],
    },
    { name: 'listen', given: listenReport, want: ['<h1>callback-verify listen</h1>'] },
    { name: 'send', given: sendReport, want: ['<h1>callback-verify send</h1>'] },
  ];
  for (const { name, given, want } of cases) {
    it(`${name}: one self-contained page with the report's data`, () => {
      const html = renderHtml(given);
      for (const part of want) assert.ok(html.includes(part), `has ${part}`);
      assert.match(html, /^<!doctype html>\n<html lang="en">/);
      assert.doesNotMatch(
        html,
        /<link\b|<script[^>]+\bsrc=|@import|url\((?!data:)/i,
        'no external assets',
      );
      const { raw, value } = embeddedData(html);
      assert.ok(!raw.includes('<'), 'no < inside the data block');
      assert.deepEqual(value, JSON.parse(renderJson(given)));
    });
  }

  it('escapes hostile text everywhere it appears', () => {
    const attack = '</script><script>alert(1)</script><!--';
    const hostile: Report = {
      ...failingRun,
      spec: { source: `a"b'<c>`, openapi: '3.1.0', title: attack },
      provider: { output: `${attack}\u2028` },
    };
    const html = renderHtml(hostile);
    assert.equal(html.match(/<script\b/g)?.length, 2, 'only the data block and the page script');
    assert.ok(html.includes('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;!--'));
    assert.ok(html.includes('<code>a&quot;b&#39;&lt;c&gt;</code>'));
    const { value } = embeddedData(html);
    assert.equal((value as { spec: { title: string } }).spec.title, attack);
    assert.equal((value as { provider: { output: string } }).provider.output, `${attack}\u2028`);
  });

  it('allows only its own inline script and style by hash', () => {
    const html = renderHtml(conformantRun);
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1];
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1];
    assert.ok(script?.includes('function render(root, state)'));
    assert.ok(style?.includes('prefers-color-scheme: dark'));
    const policy = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    assert.ok(policy.includes(`script-src &#39;sha256-${sha256(script!)}&#39;`), policy);
    assert.ok(policy.includes(`style-src &#39;sha256-${sha256(style!)}&#39;`), policy);
    assert.ok(policy.startsWith('default-src &#39;none&#39;'));
  });
});
