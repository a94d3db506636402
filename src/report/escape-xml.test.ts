import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeXml } from './escape-xml.ts';

describe('escapeXml', () => {
  const cases: Array<{ given: string; attribute?: boolean; want: string }> = [
    { given: 'a < b & c > d', want: 'a &lt; b &amp; c &gt; d' },
    { given: `"quoted" 'single'`, want: `"quoted" 'single'` },
    { given: `"quoted" 'single'`, attribute: true, want: '&quot;quoted&quot; &apos;single&apos;' },
    { given: 'line\nnext\ttab', want: 'line\nnext\ttab' },
    { given: 'line\nnext\ttab\r', attribute: true, want: 'line&#10;next&#9;tab&#13;' },
    { given: 'nul\u0000 esc\u001b bell\u0007', want: 'nul\\x00 esc\\x1b bell\\x07' },
    { given: 'nonchar \uffff \ufffe', want: 'nonchar \\u{ffff} \\u{fffe}' },
    { given: 'lone \ud800 surrogate', want: 'lone \\u{d800} surrogate' },
    { given: 'emoji 😀 kept, é kept', want: 'emoji 😀 kept, é kept' },
    { given: ']]> stays text', want: ']]&gt; stays text' },
  ];
  for (const { given, attribute, want } of cases) {
    it(`${JSON.stringify(given)}${attribute ? ' (attribute)' : ''}`, () => {
      assert.equal(escapeXml(given, { attribute }), want);
    });
  }
});
