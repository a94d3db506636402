import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type ConsoleOptions, renderConsole } from './render-console.ts';
import type { Report } from './report.ts';
import {
  conformantRun,
  failingRun,
  listenReport,
  sendReport,
} from './sample-reports.test-fixture.ts';

describe('renderConsole', () => {
  const cases: Array<{
    name: string;
    given: Report;
    options?: ConsoleOptions;
    want: { contains: string[]; absent?: string[]; last: RegExp };
  }> = [
    {
      name: 'conformant run: trigger, table row and verdict',
      given: conformantRun,
      want: {
        contains: [
          'callback-verify 0.1.0 · run · Invoice API (OpenAPI 3.1.0) · specs/invoices.yaml',
          '✓ createInvoice#1  POST http://127.0.0.1:3000/invoices  → 201  12 ms',
          'operation      trigger          contract                        verdict  exchanges  latency',
          'createInvoice  createInvoice#1  createInvoice/invoicePaid/post  ✓ pass   1          42 ms',
        ],
        absent: ['Unexpected callbacks', 'Other findings', 'Provider output', 'Deliveries'],
        last: /^✓ CONFORMANT {2}1 expected callback: 1 passed, 0 failed, 0 missing · 0 unexpected · 0 errors, 0 warnings · 1 exchange · 2\.5 s$/,
      },
    },
    {
      name: 'failing run: each finding under its row with expected and actual',
      given: failingRun,
      want: {
        contains: [
          '      ✗ body.paid must be boolean, got string "yes"  at /body/paid  (spec: /paths/~1invoices/post/callbacks/invoicePaid/',
          '      ! status 299 is not declared for createInvoice — expected ["201"]  at /response/status',
          'createInvoice  createInvoice#2  createInvoice/invoicePaid/post  ✗ duplicate',
          'startGame      startGame#1      startGame/progress/put          ✗ missing        0          —',
          'webhook        —                webhook/newPet/post             - not exercised',
          'Unexpected callbacks',
          '  ✗ ex-000004  POST /cb/tok9/<script>alert(1)</script>?a=1&b=2 → 200',
          'Other findings',
          '  ! callback startGame/progress has no 2XX response',
          // The provider's own escape codes are shown, not obeyed.
          '  │ \\x1b[31mwarn\\x1b[0m retrying <callback>',
        ],
        absent: ['\u001b'],
        last: /^✗ NOT CONFORMANT {2}3 expected callbacks: 0 passed, 2 failed, 1 missing · 1 contract not exercised · 1 unexpected · 5 errors, 2 warnings/,
      },
    },
    {
      name: 'listen: contracts table; receiver URLs only when verbose',
      given: listenReport,
      want: {
        contains: [
          'Contracts',
          'webhook/petSold/post            ✗ missing        0',
          '      ✗ expected at least 1 delivery, got none',
        ],
        absent: [
          'Triggers',
          'Expected callbacks',
          'receiver URL',
          'http://127.0.0.1:4010/wh/abc/newPet',
        ],
        last: /4 contracts: 1 passed, 1 failed, 1 missing, 1 not exercised/,
      },
    },
    {
      name: 'listen verbose: receiver URLs, exchanges and check ids',
      given: listenReport,
      options: { verbose: true },
      want: {
        contains: [
          'receiver URL',
          'http://127.0.0.1:4010/wh/abc/newPet',
          '      ✓ ex-000001  POST /wh/abc/newPet → 200',
          '[header.required]',
        ],
        last: /NOT CONFORMANT/,
      },
    },
    {
      name: 'send: deliveries table',
      given: sendReport,
      want: {
        contains: [
          'contract             verdict  status  time   url',
          'webhook/newPet/post  ✗ fail   500     18 ms  http://127.0.0.1:5000/hooks',
          '      ✗ consumer answered 500; the webhook declares 200 — expected ["200"]  at /response/status',
        ],
        absent: ['Contracts', 'Triggers'],
        // A send receives nothing, so no exchanges count: it would read 0 after every delivery.
        last: /^✗ NOT CONFORMANT {2}1 delivery: 0 passed, 1 failed, 0 missing · 1 error, 0 warnings(?: · \d[^·]*)?$/,
      },
    },
    {
      name: 'mock: the summary counts deliveries, not exchanges',
      given: { ...sendReport, command: 'mock' },
      want: {
        contains: ['Deliveries'],
        last: /^✗ NOT CONFORMANT {2}1 delivery: 0 passed, 1 failed, 0 missing · 1 error, 0 warnings(?: · \d[^·]*)?$/,
      },
    },
  ];
  for (const { name, given, options, want } of cases) {
    it(name, () => {
      const text = renderConsole(given, options);
      for (const part of want.contains) assert.ok(text.includes(part), `has ${part}\n${text}`);
      for (const part of want.absent ?? [])
        assert.ok(!text.includes(part), `lacks ${part}\n${text}`);
      const lines = text.trimEnd().split('\n');
      assert.match(lines.at(-1)!, want.last);
    });
  }

  it('colours only when asked', () => {
    const esc = '\u001b';
    assert.ok(!renderConsole(failingRun).includes(esc));
    const coloured = renderConsole(failingRun, { color: true });
    assert.ok(coloured.includes(`${esc}[31m✗ NOT CONFORMANT${esc}[0m`));
    assert.ok(coloured.includes(`${esc}[32m✓${esc}[0m createInvoice#1`));
    // Columns line up by visible width even with colour codes inside.
    const plain = renderConsole(failingRun).split('\n');
    const stripped = coloured.replace(new RegExp(`${esc}\\[\\d+m`, 'g'), '').split('\n');
    assert.deepEqual(stripped, plain);
  });

  it('does not repeat URLs the message already shows, whole or after an ellipsis', () => {
    const origin =
      'http://127.0.0.1:40321/Zq3HcL0xW8nR2vT5yB7dKg/cb/createInvoice/T0kEn4Tr1gg3rAbCdEfGh';
    const expected = `${origin}/invoices/inv-1001`;
    const actual = `${origin}/invoices/other-inv-1001`;
    const lineOf = (message: string): string => {
      const finding = {
        check: 'url.mismatch',
        severity: 'error' as const,
        message,
        expected,
        actual,
      };
      const text = renderConsole({ ...conformantRun, findings: [finding] });
      return text.split('\n').find((line) => line.includes('Callback sent to')) ?? '';
    };
    for (const message of [
      'Callback sent to …/invoices/other-inv-1001, expected …/invoices/inv-1001 ({$request.body#/id} = "inv-1001").',
      `Callback sent to ${actual}, expected ${expected}.`,
    ]) {
      assert.equal(lineOf(message), `  ✗ ${message}`);
    }
    // A message that leaves a value out still gets it, cut to a readable length.
    assert.match(
      lineOf('Callback sent to the wrong URL.'),
      / — expected http:\/\/\S{50,}…, got "http:/,
    );
  });

  it('hides info findings unless verbose', () => {
    const withInfo: Report = {
      ...conformantRun,
      findings: [{ check: 'spec.note', severity: 'info', message: 'a note for the curious' }],
    };
    assert.ok(!renderConsole(withInfo).includes('a note for the curious'));
    assert.ok(renderConsole(withInfo, { verbose: true }).includes('· a note for the curious'));
  });
});
