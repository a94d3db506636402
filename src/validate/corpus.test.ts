import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Contract } from '../spec/contract.ts';
import { buildCatalogue, loadDocument } from '../spec/index.ts';
import { createValidator } from './create-validator.ts';
import type { Finding } from './finding.ts';

const corpus = new URL('../../specs/corpus/', import.meta.url);
const json = { 'content-type': 'application/json' };
const encode = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value));
const errors = (findings: Finding[]): string[] =>
  findings
    .filter((finding) => finding.severity === 'error' && !finding.check.startsWith('header.'))
    .map((finding) => `${finding.where} ${finding.spec} :: ${finding.message}`);

async function open(file: string) {
  const document = await loadDocument(new URL(file, corpus).pathname);
  const catalogue = buildCatalogue(document);
  const contract = (id: string): Contract => {
    const found = catalogue.contracts.find((item) => item.id === id);
    assert.ok(found, id);
    return found;
  };
  return { document, catalogue, contract, validator: createValidator(document) };
}

function firstExample(contract: Contract): unknown {
  const example = contract.operation.requestBody?.content[0]?.examples[0];
  assert.ok(example, `${contract.id} has an example`);
  return structuredClone(example.value);
}

describe('corpus: GitHub webhooks (OAS 3.1, 261 webhooks)', async () => {
  const github = await open('github-webhooks-octokit.json');

  it('every payload example in the document conforms to its schema', () => {
    let checked = 0;
    for (const contract of github.catalogue.contracts) {
      for (const media of contract.operation.requestBody?.content ?? []) {
        for (const example of media.examples) {
          const { findings } = github.validator.checkRequest(contract, {
            method: 'POST',
            url: '/',
            headers: json,
            body: encode(example.value),
          });
          assert.deepEqual(errors(findings), [], `${contract.id} example ${example.name}`);
          checked++;
        }
      }
    }
    assert.equal(checked, 6);
  });

  it('reports each problem of a broken payload with its location in the shared components', () => {
    const contract = github.contract('webhook/check-run-completed/post');
    const payload = firstExample(contract);
    assert.ok(typeof payload === 'object' && payload !== null);
    const event = payload as {
      check_run: { id: unknown; status: unknown };
      repository: { private: unknown };
      sender: { login?: unknown };
    };
    event.check_run.id = null;
    event.check_run.status = 'bogus';
    event.repository.private = 'no';
    delete event.sender.login;
    const { findings } = github.validator.checkRequest(contract, {
      method: 'POST',
      url: '/',
      headers: json,
      body: encode(event),
    });
    const schema = '/components/schemas/check-run-with-simple-check-suite/properties';
    assert.deepEqual(errors(findings), [
      `/body/check_run/id ${schema}/id/type :: body.check_run.id must be integer, got null`,
      `/body/check_run/status ${schema}/status/enum :: body.check_run.status must be one of "queued", "in_progress", "completed", "pending", got "bogus"`,
      '/body/repository/private /components/schemas/repository-webhooks/properties/private/type :: body.repository.private must be boolean, got string "no"',
      '/body/sender/login /components/schemas/simple-user/required :: body.sender is missing required property "login"',
    ]);
  });

  it('checks the seven required GitHub headers', () => {
    const contract = github.contract('webhook/ping/post');
    const { findings } = github.validator.checkRequest(contract, {
      method: 'POST',
      url: '/',
      headers: json,
      body: encode(firstExample(contract)),
    });
    assert.equal(findings.filter((finding) => finding.check === 'header.required').length, 7);
  });
});

describe('corpus: Svix (OAS 3.1 with nullable, unknown formats)', async () => {
  const svix = await open('svix-lib-openapi.json');

  it('judges every example, naming the ones that contradict their schema', () => {
    const failing = new Map<string, string[]>();
    for (const contract of svix.catalogue.contracts) {
      for (const media of contract.operation.requestBody?.content ?? []) {
        for (const example of media.examples) {
          const { findings } = svix.validator.checkRequest(contract, {
            method: 'POST',
            url: '/',
            headers: json,
            body: encode(example.value),
          });
          const found = errors(findings);
          if (found.length > 0) failing.set(contract.id, found);
        }
      }
    }
    assert.deepEqual([...failing.keys()].sort(), [
      'webhook/background_task.finished/post',
      'webhook/message.attempt.log/post',
      'x-webhook/background_task.finished/post',
      'x-webhook/message.attempt.log/post',
    ]);
    assert.deepEqual(failing.get('webhook/message.attempt.log/post'), [
      '/body/data/0/orgId /components/schemas/MessageAttemptLog/properties/orgId/pattern :: body.data[0].orgId must match pattern ^org_[A-Za-z0-9]{27}$, got "env_1srOrx2ZWZBpBUvZwXKQmoEYga2"',
    ]);
  });

  it('accepts nullable and unknown formats with warnings, once per contract', () => {
    const validator = createValidator(svix.document);
    const contract = svix.contract('webhook/background_task.finished/post');
    const body = encode(firstExample(contract));
    const request = { method: 'POST', url: '/', headers: json, body };
    const warnings = validator
      .checkRequest(contract, request)
      .findings.filter((f) => f.severity === 'warning');
    assert.ok(warnings.some((finding) => finding.check === 'schema.nullable'));
    assert.ok(
      warnings.some(
        (finding) =>
          finding.check === 'schema.unknown-format' &&
          finding.spec === '/components/schemas/Data/anyOf/0/properties/messages_sent/format',
      ),
    );
    const again = validator.checkRequest(contract, request).findings;
    assert.equal(again.filter((finding) => finding.severity === 'warning').length, 0);
  });
});

describe('corpus: Rebilly (OAS 3.1, readOnly beside $ref, ambiguous oneOf)', async () => {
  const rebilly = await open('rebilly-redocly-smoke.yaml');

  it('compiles every webhook body schema', () => {
    for (const contract of rebilly.catalogue.contracts) {
      for (const media of contract.operation.requestBody?.content ?? []) {
        if (media.schema === undefined) continue;
        const findings = rebilly.validator.checkValue(media.schema, {}, '/body', contract.id);
        assert.deepEqual(
          findings.filter((finding) => finding.check === 'schema.compile'),
          [],
          contract.id,
        );
      }
    }
  });

  it('does not demand a required property marked readOnly beside its $ref in a request', () => {
    const schema = {
      schema: { $ref: '#/components/schemas/CreditMemo' },
      pointer: '/components/schemas/CreditMemo',
    };
    const inRequest = rebilly.validator.checkValue(schema, {}, '/body');
    const inResponse = rebilly.validator.checkValue(schema, {}, '/response/body');
    const missing = (findings: Finding[]): string[] =>
      findings
        .filter((finding) => finding.spec === '/components/schemas/CreditMemo/required')
        .map((f) => f.where ?? '');
    assert.ok(!missing(inRequest).includes('/body/customerId'));
    assert.ok(missing(inResponse).includes('/response/body/customerId'));
  });

  it('says precisely when null matches both branches of a oneOf', () => {
    const schema = {
      schema: {},
      pointer: '/components/schemas/SubscriptionOrder/properties/invoiceTimeShift',
    };
    assert.deepEqual(
      rebilly.validator
        .checkValue(schema, null, '/body/invoiceTimeShift')
        .map((finding) => finding.message),
      [
        'body.invoiceTimeShift matches 2 of the 2 schemas in oneOf (1 and 2); it must match exactly one',
      ],
    );
  });
});
