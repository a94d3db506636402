import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { buildCatalogue, loadDocument } from '../spec/index.ts';
import { createValidator } from './create-validator.ts';

const dir = await mkdtemp(join(tmpdir(), 'cv-sequence-'));
after(() => rm(dir, { recursive: true, force: true }));
let written = 0;

const item = {
  type: 'object',
  required: ['n'],
  properties: { n: { type: 'integer', minimum: 0 } },
};

/** Findings and parsed body for one webhook request whose body is declared by `media`. */
async function check(
  mediaType: string,
  media: object,
  body: string,
  sentAs = mediaType,
): Promise<{ findings: Array<[string, string]>; parsedBody: unknown }> {
  const path = join(dir, `doc-${++written}.json`);
  await writeFile(
    path,
    JSON.stringify({
      openapi: '3.2.0',
      info: { title: 't', version: '1' },
      webhooks: {
        hook: {
          post: {
            requestBody: { required: true, content: { [mediaType]: media } },
            responses: { '204': { description: 'ok' } },
          },
        },
      },
    }),
  );
  const document = await loadDocument(path);
  const [contract] = buildCatalogue(document).contracts;
  assert.ok(contract);
  const result = createValidator(document).checkRequest(contract, {
    method: 'POST',
    url: '/hook',
    headers: { 'content-type': sentAs },
    body: new TextEncoder().encode(body),
  });
  return {
    findings: result.findings.map((finding) => [finding.check, finding.where ?? '']),
    parsedBody: result.parsedBody,
  };
}

describe('checkBody: sequential media types (OAS 3.2 itemSchema)', () => {
  const cases: Array<{
    name: string;
    mediaType: string;
    media: object;
    body: string;
    sentAs?: string;
    want: Array<[string, string]>;
    parsed?: unknown;
  }> = [
    {
      name: 'JSON Lines, every item fits',
      mediaType: 'application/jsonl',
      media: { itemSchema: item },
      body: '{"n":1}\n{"n":2}\n',
      want: [],
      parsed: [{ n: 1 }, { n: 2 }],
    },
    {
      name: 'JSON Lines, findings point at the item',
      mediaType: 'application/jsonl',
      media: { itemSchema: item },
      body: '{"n":1}\n{"n":-2}\n{}\n',
      want: [
        ['body.schema', '/body/1/n'],
        ['body.schema', '/body/2/n'],
      ],
    },
    {
      name: 'NDJSON with a line that is not JSON; later items are still checked',
      mediaType: 'application/x-ndjson',
      media: { itemSchema: item },
      body: '{"n":1\n{"n":"x"}\n',
      want: [
        ['body.malformed', '/body/0'],
        ['body.schema', '/body/1/n'],
      ],
    },
    {
      name: 'JSON text sequence',
      mediaType: 'application/json-seq',
      media: { itemSchema: item },
      body: '\u001e{"n":0}\n\u001e{"n":0.5}\n',
      want: [['body.schema', '/body/1/n']],
    },
    {
      name: 'schema beside itemSchema checks the list of items',
      mediaType: 'application/jsonl',
      media: { itemSchema: item, schema: { type: 'array', maxItems: 1 } },
      body: '{"n":1}\n{"n":2}\n',
      want: [['body.schema', '/body']],
    },
    {
      name: 'JSON Lines with only schema: the list of items is checked',
      mediaType: 'application/jsonl',
      media: { schema: { type: 'array', items: item } },
      body: '{"n":1}\n{"n":-1}\n',
      want: [['body.schema', '/body/1/n']],
    },
    {
      name: 'an event stream with only schema stays text, as 3.0 and 3.1 documents mean it',
      mediaType: 'text/event-stream',
      media: { schema: { type: 'string' } },
      body: 'data: x\n\n',
      want: [],
      parsed: 'data: x\n\n',
    },
    {
      name: 'server-sent events against itemSchema',
      mediaType: 'text/event-stream',
      media: {
        itemSchema: {
          type: 'object',
          required: ['data'],
          properties: { event: { const: 'tick' }, retry: { type: 'integer' } },
        },
      },
      body: 'event: tick\ndata: 1\nretry: 10\n\nevent: tock\ndata: 2\n\n',
      want: [['body.schema', '/body/1/event']],
      parsed: [
        { event: 'tick', retry: 10, data: '1' },
        { event: 'tock', data: '2' },
      ],
    },
    {
      name: 'a sequence sent with a charset parameter still matches',
      mediaType: 'application/jsonl',
      media: { itemSchema: item },
      body: '{"n":-1}\n',
      sentAs: 'application/jsonl; charset=utf-8',
      want: [['body.schema', '/body/0/n']],
    },
  ];
  for (const { name, mediaType, media, body, sentAs, want, parsed } of cases) {
    it(name, async () => {
      const result = await check(mediaType, media, body, sentAs);
      assert.deepEqual(result.findings, want);
      if (parsed !== undefined) assert.deepEqual(result.parsedBody, parsed);
    });
  }
});
