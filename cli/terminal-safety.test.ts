import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Exchange } from '../src/receive/index.ts';
import { buildCatalogue, loadDocument, summariseCatalogue } from '../src/spec/index.ts';
import { exchangeLine } from './exchange-line.ts';
import { mockEventLine } from './mock-event-line.ts';
import { renderInspectTable } from './render-inspect-table.ts';

// Text from a spec or a request must never reach the terminal as a raw escape sequence.
const evil = 'x\u001b[2J\u001b[31my';
const escaped = /x\\x1b\[2J\\x1b\[31my/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const rawControls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

test('renderInspectTable prints spec text with its control characters escaped', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'cv-terminal-'));
  try {
    const spec = join(folder, 'evil.json');
    await writeFile(
      spec,
      JSON.stringify({
        openapi: '3.1.0',
        info: { title: evil, version: '1' },
        webhooks: {
          [evil]: {
            post: {
              requestBody: { content: { [`application/json${evil}`]: { schema: {} } } },
              responses: { '200': { description: 'ok' } },
            },
          },
        },
      }),
    );
    const text = renderInspectTable(summariseCatalogue(buildCatalogue(await loadDocument(spec))));
    assert.doesNotMatch(text, rawControls);
    assert.match(text.split('\n')[0] ?? '', escaped, 'the title');
    assert.match(text, /webhook\/x\\x1b\[2J\\x1b\[31my\/post/, 'the contract id');
    assert.match(text, /Findings \(\d+\)/);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});

test('the live lines of listen and mock escape control characters', () => {
  const exchange: Exchange = {
    id: 'ex-000001',
    receivedAt: '2026-01-01T12:00:00.000Z',
    request: { method: 'POST', url: '/x', headers: {}, body: new Uint8Array() },
    contract: `webhook/${evil}/post`,
    findings: [{ check: 'body.schema', severity: 'error', message: evil }],
    answer: { status: 200, headers: {}, body: '' },
    verdict: 'fail',
  };
  const skipped = mockEventLine(
    { type: 'skipped', contract: evil, finding: { check: 'x', severity: 'error', message: evil } },
    0,
  );
  for (const line of [exchangeLine(exchange), skipped]) {
    assert.doesNotMatch(line, rawControls);
    assert.match(line, escaped);
  }
});
