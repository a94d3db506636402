import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codeSpan, escapeMarkdown } from './escape-markdown.ts';
import { renderMarkdown } from './render-markdown.ts';
import type { Report } from './report.ts';
import {
  conformantRun,
  failingRun,
  listenReport,
  sendReport,
} from './sample-reports.test-fixture.ts';

/** Splits a GFM table row into cells the way GitHub does: on `|` not preceded by `\`. */
const cellsOf = (row: string): string[] =>
  row
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());

describe('renderMarkdown', () => {
  const cases: Array<{ name: string; given: Report; want: { contains: string[]; rows: number } }> =
    [
      {
        name: 'conformant run',
        given: conformantRun,
        want: {
          contains: [
            '## ✅ callback-verify run: conformant',
            '1 expected callback: 1 passed, 0 failed, 0 missing',
            '| createInvoice#1 | `createInvoice/invoicePaid/post` | ✅ pass | 1 | 42 ms |',
          ],
          rows: 1,
        },
      },
      {
        name: 'failing run',
        given: failingRun,
        want: {
          contains: [
            '## ❌ callback-verify run: not conformant',
            '3 expected callbacks: 0 passed, 2 failed, 1 missing · 1 unexpected · 5 errors, 2 warnings',
            '| startGame#1 | `startGame/progress/put` | ❌ missing | 0 | — |',
            '❌ duplicate',
            '⏭️ not exercised',
            'body.paid must be boolean, got string "yes" at `/body/paid` (`body.type`)',
            'header x-signature is required \\| missing \\`x-signature\\`',
            '### Unexpected callbacks',
            '<details><summary>Provider output</summary>',
            '\\x1b[31mwarn',
          ],
          rows: 4,
        },
      },
      {
        name: 'listen',
        given: listenReport,
        want: {
          contains: [
            '| `webhook/petSold/post` | ❌ missing | 0 |',
            '4 contracts: 1 passed, 1 failed, 1 missing',
          ],
          rows: 4,
        },
      },
      {
        name: 'send',
        given: sendReport,
        want: {
          contains: [
            '| `webhook/newPet/post` | ❌ fail | 500 | 18 ms | `http://127.0.0.1:5000/hooks` |',
            '1 delivery: 0 passed, 1 failed, 0 missing · 1 error, 0 warnings',
          ],
          rows: 1,
        },
      },
    ];
  for (const { name, given, want } of cases) {
    it(name, () => {
      const markdown = renderMarkdown(given);
      for (const text of want.contains)
        assert.ok(markdown.includes(text), `has ${text}\n${markdown}`);
      const table = markdown.split('\n').filter((line) => line.startsWith('|'));
      assert.equal(table.length, want.rows + 2, 'header, rule and one row per unit');
      const width = cellsOf(table[0]!).length;
      for (const row of table) assert.equal(cellsOf(row).length, width, `cells of ${row}`);
      assert.ok(!given.summary.conformant || !markdown.includes('### Findings'));
    });
  }

  it('keeps the table shape when names carry pipes and backticks', () => {
    const hostile: Report = {
      ...listenReport,
      contracts: listenReport.contracts.map((c) => ({ ...c, id: `${c.id}|x\`y` })),
    };
    const table = renderMarkdown(hostile)
      .split('\n')
      .filter((line) => line.startsWith('|'));
    for (const row of table) assert.equal(cellsOf(row).length, 3, row);
    assert.ok(table.some((row) => row.includes('`` webhook/newPet/post\\|x`y ``')));
  });
});

describe('escapeMarkdown and codeSpan', () => {
  const cases: Array<{ given: string; want: string; fn: (text: string) => string }> = [
    { fn: escapeMarkdown, given: 'a|b', want: 'a\\|b' },
    {
      fn: escapeMarkdown,
      given: '`x` *y* _z_ [l](u) <b>',
      want: '\\`x\\` \\*y\\* \\_z\\_ \\[l\\](u) \\<b\\>',
    },
    { fn: escapeMarkdown, given: 'two\nlines\u0007', want: 'two lines\\\\x07' },
    { fn: codeSpan, given: 'plain', want: '`plain`' },
    { fn: codeSpan, given: 'a`b', want: '`` a`b ``' },
    { fn: codeSpan, given: 'a``b', want: '``` a``b ```' },
    { fn: (text) => codeSpan(text, { inTable: true }), given: 'a|b', want: '`a\\|b`' },
  ];
  for (const { given, want, fn } of cases) {
    it(`${fn.name || 'codeSpan in a table'}(${JSON.stringify(given)})`, () => {
      assert.equal(fn(given), want);
    });
  }
});
