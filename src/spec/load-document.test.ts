import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SpecError } from '../errors.ts';
import { buildCatalogue } from './build-catalogue.ts';
import { derefLocal } from './deref-local.ts';
import { isJsonObject } from './is-json-object.ts';
import { loadDocument } from './load-document.ts';
import type { OpenApiDocument } from './open-api-document.ts';
import { formatOf, parseText } from './parse-text.ts';
import { resolvePointer } from './resolve-pointer.ts';

const fixtures = join(import.meta.dirname, 'fixtures');
const corpus = join(import.meta.dirname, '../../specs/corpus');

/** Asserts that loading rejects with a SpecError of `code` whose message (and hint) name `includes`. */
async function assertRejects(
  source: string,
  code: string,
  includes: readonly string[],
): Promise<void> {
  await assert.rejects(loadDocument(source), (error: unknown) => {
    assert.ok(error instanceof SpecError, `expected a SpecError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    assert.equal(error.source, source);
    const text = `${error.message} ${error.hint ?? ''}`;
    for (const part of includes) assert.ok(text.includes(part), `"${part}" missing from: ${text}`);
    return true;
  });
}

describe('loadDocument rejects what it cannot load, saying what and where', () => {
  const cases: Array<{ name: string; file: string; code: string; includes: string[] }> = [
    {
      name: 'missing file',
      file: 'missing.yaml',
      code: 'CV_SPEC_NOT_FOUND',
      includes: ['missing.yaml', 'no such file'],
    },
    {
      name: 'a directory',
      file: 'multi-file',
      code: 'CV_SPEC_NOT_FOUND',
      includes: ['directory', 'root OpenAPI file'],
    },
    {
      name: 'bad YAML',
      file: 'bad-yaml.yaml',
      code: 'CV_SPEC_PARSE',
      includes: ['Invalid YAML', 'line 9, column 7'],
    },
    {
      name: 'a "billion laughs" YAML document (aliases that expand exponentially)',
      file: 'yaml-bomb.yaml',
      code: 'CV_SPEC_PARSE',
      includes: ['Invalid YAML', 'aliases', 'too many nodes', '$ref'],
    },
    {
      name: 'bad JSON',
      file: 'bad-json.json',
      code: 'CV_SPEC_PARSE',
      includes: ['Invalid JSON', 'line 5, column 43'],
    },
    {
      name: 'truncated JSON',
      file: 'truncated.json',
      code: 'CV_SPEC_PARSE',
      includes: ['Invalid JSON', 'line 3'],
    },
    {
      name: 'bad YAML in a referenced file',
      file: 'bad-external/openapi.yaml',
      code: 'CV_SPEC_PARSE',
      includes: ['pets.yaml', 'line 5, column 1'],
    },
    {
      name: 'broken local $ref in a callback',
      file: 'broken-callback-ref.yaml',
      code: 'CV_SPEC_REF',
      includes: [
        '"#/components/callbacks/Missing"',
        '#/paths/~1subscribe/post/callbacks/onEvent',
        'nothing exists',
      ],
    },
    {
      name: 'a chain of $refs that loops',
      file: 'ref-loop.yaml',
      code: 'CV_SPEC_REF',
      includes: ['"#/components/schemas/A"', 'chain of $refs that loops', 'point at a definition'],
    },
    {
      name: 'broken $ref under a header named x-…, which is not an extension',
      file: 'header-named-like-extension.yaml',
      code: 'CV_SPEC_REF',
      includes: ['#/components/headers/Missing', 'headers/x-rate-limit'],
    },
    {
      name: 'broken external $ref in a callback',
      file: 'broken-external/openapi.yaml',
      code: 'CV_SPEC_REF',
      includes: [
        '"schemas/missing.yaml#/Invoice"',
        'openapi.yaml#/paths/~1invoices/post/callbacks/invoicePaid/',
        'does not exist',
      ],
    },
    {
      name: 'external $ref to a file that exists but lacks the pointer',
      file: 'missing-pointer/openapi.yaml',
      code: 'CV_SPEC_REF',
      includes: [
        '"schemas.yaml#/Nope"',
        'openapi.yaml#/paths/~1x/post/requestBody/',
        'nothing exists at schemas.yaml#/Nope',
      ],
    },
    {
      name: 'Swagger 2.0',
      file: 'swagger2.yaml',
      code: 'CV_SPEC_SWAGGER2',
      includes: ['Swagger 2.0', 'no callbacks', 'swagger2openapi'],
    },
    {
      name: 'not OpenAPI',
      file: 'not-openapi.yaml',
      code: 'CV_SPEC_NOT_OPENAPI',
      includes: ['no `openapi` field'],
    },
    {
      name: 'AsyncAPI',
      file: 'asyncapi.yaml',
      code: 'CV_SPEC_NOT_OPENAPI',
      includes: ['AsyncAPI'],
    },
    { name: 'a list', file: 'list.yaml', code: 'CV_SPEC_NOT_OPENAPI', includes: ['a list'] },
    {
      name: 'OpenAPI 4',
      file: 'unsupported-version.yaml',
      code: 'CV_SPEC_UNSUPPORTED_VERSION',
      includes: ['4.0.0', '3.2.x'],
    },
  ];
  for (const { name, file, code, includes } of cases) {
    test(name, async () => {
      await assertRejects(join(fixtures, file), code, includes);
    });
  }
  const sources: Array<{ name: string; source: string; includes: string[] }> = [
    {
      name: 'a URL scheme other than http(s) and file',
      source: 'ftp://example.com/openapi.yaml',
      includes: ['ftp: URLs are not supported'],
    },
    {
      name: 'a file: URL of another host',
      source: 'file://remote/openapi.yaml',
      includes: ['file://remote/openapi.yaml', 'host'],
    },
  ];
  for (const { name, source, includes } of sources) {
    test(name, async () => {
      await assertRejects(source, 'CV_SPEC_NOT_FOUND', includes);
    });
  }
  test('a URL on a port fetch refuses says so, not only "bad port"', async () => {
    await assertRejects('http://127.0.0.1:6000/openapi.yaml', 'CV_SPEC_UNREACHABLE', [
      'http://127.0.0.1:6000/openapi.yaml',
      'fetch refuses to connect to this port',
    ]);
  });
});

describe('loadDocument loads', () => {
  test('OpenAPI 3.2, with a QUERY operation, a callback and a webhook', async () => {
    const loaded = await loadDocument(join(fixtures, 'oas32.yaml'));
    assert.equal(loaded.version, '3.2');
    assert.equal(loaded.openapi, '3.2.0');
    const catalogue = buildCatalogue(loaded);
    assert.deepEqual(
      catalogue.contracts.map((contract) => contract.id),
      ['createOrder/orderShipped/post', 'webhook/orderCancelled/post'],
    );
    const [example] = catalogue.contracts[0]?.operation.requestBody?.content[0]?.examples ?? [];
    assert.deepEqual(
      example?.value,
      { orderId: 'o-1' },
      '3.2 dataValue is read as the example value',
    );
  });

  test('a multi-file document: external refs bundled, internal refs kept, shared schemas stay shared', async () => {
    const loaded = await loadDocument(join(fixtures, 'multi-file/openapi.yaml'));
    assert.equal(loaded.version, '3.0');
    assert.deepEqual(loaded.findings, []);
    const external = JSON.stringify(loaded.document).match(/"\$ref":"[^#"][^"]*"/g);
    assert.equal(external, null, 'no external $ref is left');
    const catalogue = buildCatalogue(loaded);
    const [contract] = catalogue.contracts;
    assert.equal(contract?.id, 'createInvoice/invoicePaid/post');
    assert.equal(contract?.expression?.raw, '{$request.body#/callbackUrl}/paid');
    const callbackSchema = contract?.operation.requestBody?.content[0]?.schema;
    const triggerSchema = contract?.trigger?.requestBody?.content[0]?.schema;
    assert.ok(
      isJsonObject(callbackSchema?.schema) && typeof callbackSchema.schema.$ref === 'string',
    );
    assert.ok(isJsonObject(triggerSchema?.schema) && typeof triggerSchema.schema.$ref === 'string');
    assert.equal(
      callbackSchema.schema.$ref,
      triggerSchema.schema.$ref,
      'both use one shared schema',
    );
    const invoice = derefLocal(loaded.document, callbackSchema.schema);
    assert.ok(isJsonObject(invoice));
    assert.deepEqual(invoice.required, ['id']);
  });

  test('path item $refs, parameter $refs and path-item parameters', async () => {
    const loaded = await loadDocument(join(fixtures, 'path-item-ref.yaml'));
    const catalogue = buildCatalogue(loaded);
    const [contract] = catalogue.contracts;
    assert.equal(contract?.id, 'post-invoices-id-subscribe/paid/post');
    assert.equal(contract?.pointer, '/components/pathItems/PaidCallback');
    assert.equal(contract?.trigger?.path, '/invoices/{id}/subscribe');
    assert.deepEqual(
      contract?.trigger?.parameters.map(
        (parameter) => `${parameter.in}:${parameter.name}:${parameter.pointer}`,
      ),
      [
        'path:id:/components/pathItems/Subscribe/parameters/0',
        'query:callback_url:/components/parameters/CallbackUrl',
      ],
    );
    assert.deepEqual(
      catalogue.findings.map((finding) => finding.check),
      [],
      'the expression reads parameters the trigger declares',
    );
    const media = contract?.operation.requestBody?.content[0];
    assert.deepEqual(
      media?.examples.map((example) => [example.name, example.value]),
      [['schema', { paid: true }]],
    );
    assert.deepEqual(resolvePointer(loaded.document, media?.examples[0]?.pointer ?? ''), {
      paid: true,
    });
  });

  test('a broken $ref inside an unread extension is a warning, not an error', async () => {
    const loaded = await loadDocument(join(fixtures, 'extension-broken-ref.yaml'));
    assert.deepEqual(
      loaded.findings.map((finding) => [finding.check, finding.severity, finding.spec]),
      [['ref.extension-unresolved', 'warning', '/paths/~1pets/post/x-codeSamples/0/source']],
    );
  });

  test('an external $ref with a missing pointer inside an extension is a warning', async () => {
    const loaded = await loadDocument(join(fixtures, 'missing-pointer/in-extension.yaml'));
    assert.deepEqual(
      loaded.findings.map((finding) => [finding.check, finding.spec]),
      [['ref.extension-unresolved', '/paths/~1x/post/x-sample']],
    );
    const schema = resolvePointer(
      loaded.document,
      '/paths/~1x/post/requestBody/content/application~1json/schema',
    );
    assert.deepEqual(
      derefLocal(loaded.document, schema),
      { type: 'object' },
      'the good ref was bundled',
    );
  });

  test('broken external $refs inside x-codeSamples (redocly-openapi-starter) are warnings', async () => {
    const loaded = await loadDocument(join(corpus, 'redocly-openapi-starter/openapi.yaml'));
    assert.deepEqual(
      loaded.findings.map((finding) => finding.spec),
      ['/paths/~1menu/get/x-codeSamples/0/source', '/paths/~1menu/get/x-codeSamples/1/source'],
    );
    assert.ok(loaded.findings.every((finding) => finding.message.includes('does not exist')));
    const catalogue = buildCatalogue(loaded);
    assert.deepEqual(
      catalogue.contracts.map((contract) => contract.id),
      ['webhook/order-notification/post'],
    );
  });
});

describe('loadDocument over HTTP', () => {
  let server: Server;
  let base = '';
  before(async () => {
    server = createServer((request, response) => {
      const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
      readFile(join(fixtures, decodeURIComponent(path))).then(
        (body) => response.writeHead(200, { 'content-type': 'application/yaml' }).end(body),
        () => response.writeHead(404, { 'content-type': 'text/plain' }).end('not found'),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server.close();
  });

  test('loads a document and its external refs from a URL', async () => {
    const loaded = await loadDocument(`${base}/multi-file/openapi.yaml`);
    assert.equal(loaded.title, 'Multi-file');
    assert.deepEqual(
      buildCatalogue(loaded).contracts.map((contract) => contract.id),
      ['createInvoice/invoicePaid/post'],
    );
  });

  test('a URL answering 404 is unreachable, with the status', async () => {
    await assertRejects(`${base}/nothing-here.yaml`, 'CV_SPEC_UNREACHABLE', [
      'HTTP 404',
      'nothing-here.yaml',
    ]);
  });

  test('a URL nobody listens on is unreachable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await assertRejects(`http://127.0.0.1:${port}/openapi.yaml`, 'CV_SPEC_UNREACHABLE', [
      'Cannot reach',
      'ECONNREFUSED',
    ]);
  });
});

/** Callers without types may pass any object; the loader checks it like a parsed file. */
function isDocumentLike(value: unknown): value is OpenApiDocument {
  return isJsonObject(value);
}

/** A file parsed the way the loader parses it, as a caller would hand it over in memory. */
async function objectOf(path: string): Promise<OpenApiDocument> {
  const parsed = parseText(await readFile(path, 'utf8'), path, formatOf(path));
  assert.ok(isDocumentLike(parsed));
  return parsed;
}

describe('loadDocument loads an OpenAPI document object like the same document from a file', () => {
  const cases: Array<{ name: string; file: string; version: string; cwd?: string }> = [
    { name: 'OpenAPI 3.0', file: join(corpus, 'oai-callback-example.yaml'), version: '3.0' },
    { name: 'OpenAPI 3.1', file: join(corpus, 'oai-webhook-example.yaml'), version: '3.1' },
    { name: 'OpenAPI 3.2', file: join(fixtures, 'oas32.yaml'), version: '3.2' },
    {
      name: 'external $refs, resolved from the current directory',
      file: join(fixtures, 'multi-file/openapi.yaml'),
      version: '3.0',
      cwd: join(fixtures, 'multi-file'),
    },
  ];
  for (const { name, file, version, cwd } of cases) {
    test(name, async () => {
      const fromFile = await loadDocument(file);
      const given = await objectOf(file);
      const before = structuredClone(given);
      const previous = process.cwd();
      if (cwd !== undefined) process.chdir(cwd);
      let fromObject: Awaited<ReturnType<typeof loadDocument>>;
      try {
        fromObject = await loadDocument(given);
      } finally {
        process.chdir(previous);
      }
      assert.equal(fromObject.source, '(in-memory document)');
      assert.equal(fromObject.version, version);
      assert.deepEqual({ ...fromObject, source: file }, fromFile);
      assert.deepEqual(buildCatalogue(fromObject).contracts, buildCatalogue(fromFile).contracts);
      assert.deepEqual(given, before, "the caller's object is left as it was");
      assert.notEqual(fromObject.document, given, 'the loaded document is a copy');
    });
  }

  const rejected: Array<{ name: string; given: unknown; code: string; includes: string[] }> = [
    {
      name: 'Swagger 2.0',
      given: { swagger: '2.0', info: { title: 'Old', version: '1.0.0' }, paths: {} },
      code: 'CV_SPEC_SWAGGER2',
      includes: ['(in-memory document) is a Swagger 2.0 document', 'swagger2openapi'],
    },
    {
      name: 'not OpenAPI',
      given: { asyncapi: '3.0.0' },
      code: 'CV_SPEC_NOT_OPENAPI',
      includes: ['AsyncAPI'],
    },
    {
      name: 'a broken local $ref',
      given: {
        openapi: '3.1.0',
        info: { title: 'Broken', version: '1' },
        paths: {},
        webhooks: { paid: { $ref: '#/components/pathItems/Missing' } },
      },
      code: 'CV_SPEC_REF',
      includes: ['#/components/pathItems/Missing'],
    },
    {
      name: 'values that are not data',
      given: { openapi: '3.1.0', info: { title: 'Fn', version: '1', x: () => 1 }, paths: {} },
      code: 'CV_SPEC_NOT_OPENAPI',
      includes: ['not data'],
    },
  ];
  for (const { name, given, code, includes } of rejected) {
    test(`rejects ${name}`, async () => {
      assert.ok(isDocumentLike(given));
      await assert.rejects(loadDocument(given), (error: unknown) => {
        assert.ok(error instanceof SpecError, `expected a SpecError, got ${String(error)}`);
        assert.equal(error.code, code, error.message);
        assert.equal(error.source, '(in-memory document)');
        const text = `${error.message} ${error.hint ?? ''}`;
        for (const part of includes)
          assert.ok(text.includes(part), `"${part}" missing from: ${text}`);
        return true;
      });
    });
  }
});
