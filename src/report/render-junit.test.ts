import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { renderJunit } from './render-junit.ts';
import type { Report } from './report.ts';
import {
  conformantRun,
  failingRun,
  listenReport,
  sendReport,
} from './sample-reports.test-fixture.ts';

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => name === 'testsuite' || name === 'testcase',
});

const keysOf = (node: Node, kind: '@' | 'element'): string[] =>
  Object.keys(node).filter((key) => (kind === '@' ? key.startsWith('@') : !key.startsWith('@')));

const asNode = (value: unknown): Node => {
  assert.equal(typeof value, 'object');
  return value as Node;
};

/** Checks the element and attribute structure of the JUnit XML that CI viewers read. */
function checkShape(xml: string) {
  assert.equal(XMLValidator.validate(xml), true, 'well-formed XML');
  const document = parser.parse(xml) as Node;
  assert.deepEqual(keysOf(document, 'element'), ['?xml', 'testsuites']);
  const root = asNode(document.testsuites);
  for (const name of ['@name', '@tests', '@failures', '@errors', '@skipped', '@time']) {
    assert.ok(name in root, `testsuites has ${name}`);
  }
  assert.deepEqual(
    keysOf(root, 'element').filter((key) => key !== 'testsuite'),
    [],
    'testsuites holds only testsuite elements',
  );
  const suites = ((root.testsuite as Node[] | undefined) ?? []).map(asNode);
  const totals = { tests: 0, failures: 0, skipped: 0 };
  const cases: Node[] = [];
  for (const suite of suites) {
    for (const name of [
      '@name',
      '@tests',
      '@failures',
      '@errors',
      '@skipped',
      '@time',
      '@timestamp',
    ]) {
      assert.ok(name in suite, `testsuite has ${name}`);
    }
    assert.match(String(suite['@time']), /^\d+\.\d{3}$/);
    assert.match(String(suite['@timestamp']), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    for (const key of keysOf(suite, 'element'))
      assert.ok(['testcase', 'system-out'].includes(key), key);
    const suiteCases = ((suite.testcase as Node[] | undefined) ?? []).map(asNode);
    const failures = suiteCases.filter((c) => 'failure' in c).length;
    const skipped = suiteCases.filter((c) => 'skipped' in c).length;
    assert.equal(Number(suite['@tests']), suiteCases.length, `tests of ${suite['@name']}`);
    assert.equal(Number(suite['@failures']), failures, `failures of ${suite['@name']}`);
    assert.equal(Number(suite['@skipped']), skipped, `skipped of ${suite['@name']}`);
    assert.equal(Number(suite['@errors']), 0);
    totals.tests += suiteCases.length;
    totals.failures += failures;
    totals.skipped += skipped;
    for (const testCase of suiteCases) {
      assert.deepEqual(keysOf(testCase, '@').sort(), ['@classname', '@name', '@time']);
      for (const key of keysOf(testCase, 'element')) {
        assert.ok(['failure', 'skipped', 'system-out'].includes(key), key);
      }
      if ('failure' in testCase) {
        const failure = asNode(testCase.failure);
        assert.ok(typeof failure['@message'] === 'string' && failure['@message'] !== '');
        assert.ok(typeof failure['@type'] === 'string' && failure['@type'] !== '');
        assert.ok(String(failure['#text']).length > 0, 'failure body carries the findings');
      }
      cases.push(testCase);
    }
  }
  assert.equal(Number(root['@tests']), totals.tests);
  assert.equal(Number(root['@failures']), totals.failures);
  assert.equal(Number(root['@skipped']), totals.skipped);
  return { root, suites, cases };
}

describe('renderJunit', () => {
  const cases: Array<{
    name: string;
    given: Report;
    want: {
      suites: string[];
      tests: number;
      failures: number;
      skipped: number;
      failureTypes: Record<string, string>;
    };
  }> = [
    {
      name: 'conformant run: one suite per trigger operation, nothing failing',
      given: conformantRun,
      want: {
        suites: ['createInvoice'],
        tests: 2,
        failures: 0,
        skipped: 0,
        failureTypes: {},
      },
    },
    {
      name: 'failing run: findings, missing, duplicate, unexpected and a not-exercised contract',
      given: failingRun,
      want: {
        suites: [
          'createInvoice',
          'startGame',
          'webhook',
          'unexpected callbacks',
          'callback-verify',
        ],
        tests: 9,
        failures: 4,
        skipped: 1,
        failureTypes: {
          'createInvoice#1 → createInvoice/invoicePaid/post': 'body.type',
          'createInvoice#2 → createInvoice/invoicePaid/post': 'callback.duplicate',
          'startGame#1 → startGame/progress/put': 'callback.missing',
          'POST /cb/tok9/<script>alert(1)</script>?a=1&b=2 (ex-000004)': 'callback.unexpected',
        },
      },
    },
    {
      name: 'listen: one test case per contract',
      given: listenReport,
      want: {
        suites: ['listen'],
        tests: 4,
        failures: 2,
        skipped: 1,
        failureTypes: {
          'createInvoice/invoicePaid/post': 'header.required',
          'webhook/petSold/post': 'callback.missing',
        },
      },
    },
    {
      name: 'send: one test case per delivery',
      given: sendReport,
      want: {
        suites: ['send'],
        tests: 1,
        failures: 1,
        skipped: 0,
        failureTypes: { 'webhook/newPet/post': 'response.status' },
      },
    },
  ];
  for (const { name, given, want } of cases) {
    it(name, () => {
      const { root, suites, cases: testCases } = checkShape(renderJunit(given));
      assert.deepEqual(
        suites.map((suite) => suite['@name']),
        want.suites,
      );
      assert.equal(Number(root['@tests']), want.tests);
      assert.equal(Number(root['@failures']), want.failures);
      assert.equal(Number(root['@skipped']), want.skipped);
      const failureTypes = Object.fromEntries(
        testCases
          .filter((c) => 'failure' in c)
          .map((c) => [c['@name'], asNode(c.failure)['@type']]),
      );
      assert.deepEqual(failureTypes, want.failureTypes);
      // CI must fail exactly when the report does.
      assert.equal(want.failures > 0, !given.summary.conformant);
    });
  }

  it('puts every finding of a failing expected callback in the failure body', () => {
    const { cases: testCases } = checkShape(renderJunit(failingRun));
    const failing = testCases.find(
      (c) => c['@name'] === 'createInvoice#1 → createInvoice/invoicePaid/post',
    );
    const failure = asNode(failing?.failure);
    assert.equal(failure['@message'], 'body.paid must be boolean, got string "yes"');
    assert.match(String(failure['#text']), /at \/body\/paid/);
    assert.match(
      String(failure['#text']),
      /header x-signature is required \| missing `x-signature`/,
    );
    assert.equal(failing?.['@time'], '0.030');
  });

  it('escapes markup and writes characters XML 1.0 forbids as visible escapes', () => {
    const hostile: Report = {
      ...sendReport,
      deliveries: sendReport.deliveries.map((delivery) => ({
        ...delivery,
        contract: 'a"b<c>&\u0001d\uffff',
        findings: [{ check: 'x', severity: 'error', message: 'bad \u0000 byte\nsecond line ]]>' }],
      })),
    };
    const xml = renderJunit(hostile);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting none survive.
    assert.doesNotMatch(xml, /[\u0000-\u0008\u000b\u000c\u000e-\u001f\uffff]/);
    const { cases: testCases } = checkShape(xml);
    assert.equal(testCases[0]?.['@name'], 'a"b<c>&\\x01d\\u{ffff}');
    assert.equal(asNode(testCases[0]?.failure)['@message'], 'bad \\x00 byte second line ]]>');
    assert.match(xml, /bad \\x00 byte\nsecond line \]\]&gt;<\/failure>/);
  });

  it('keeps a non-conformant report failing even when no test case carries its problem', () => {
    const stray: Report = {
      ...conformantRun,
      findings: [{ check: 'provider.exit', severity: 'error', message: 'provider exited with 1' }],
      summary: { ...conformantRun.summary, errors: 1, conformant: false },
    };
    const { cases: testCases } = checkShape(renderJunit(stray));
    const general = testCases.find((c) => c['@name'] === 'spec and provider');
    assert.equal(asNode(general?.failure)['@type'], 'provider.exit');
  });
});
