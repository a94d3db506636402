import type { Exchange } from '../receive/exchange.ts';
import { type Finding, hasErrors } from '../validate/finding.ts';
import { collectFindings, findingKey } from './collect-findings.ts';
import { escapeXml } from './escape-xml.ts';
import { findingDetail } from './finding-detail.ts';
import { listUnits, type ReportUnit } from './list-units.ts';
import type { Report } from './report.ts';
import { unexpectedExchanges } from './unexpected-exchanges.ts';

interface TestCase {
  name: string;
  classname: string;
  timeMs?: number;
  failure?: { message: string; type: string; body: string };
  skipped?: string;
  out: string[];
  /** Findings this test case carries, so none is left unreported. */
  findings: readonly Finding[];
}

interface TestSuite {
  name: string;
  cases: TestCase[];
  out?: string;
}

const attr = (text: string): string => escapeXml(text, { attribute: true });
const seconds = (ms: number | undefined): string => ((ms ?? 0) / 1000).toFixed(3);

function findingText(finding: Finding): string {
  const detail = findingDetail(finding);
  let text = `[${finding.severity}] ${finding.check}: ${finding.message}`;
  if (detail !== '') text += ` (${detail})`;
  if (finding.where !== undefined) text += `\n    at ${finding.where}`;
  if (finding.spec !== undefined) text += `\n    spec: ${finding.spec}`;
  return text;
}

function exchangeText(exchange: Exchange): string {
  const answer = exchange.answer === undefined ? '' : ` -> ${exchange.answer.status}`;
  return `${exchange.id} ${exchange.request.method} ${exchange.request.url}${answer} (${exchange.verdict}) at ${exchange.receivedAt}`;
}

/** A failure carrying every finding, headed by the first error (or the given reason). */
function failure(findings: readonly Finding[], reason: { type: string; message: string }) {
  const first = findings.find((finding) => finding.severity === 'error');
  return {
    type: first?.check ?? reason.type,
    // CI viewers show the message as a one-line title; the body keeps the full text.
    message: (first?.message ?? reason.message).replace(/\s*[\r\n]+\s*/g, ' '),
    body: findings.length === 0 ? reason.message : findings.map(findingText).join('\n'),
  };
}

function unitCase(unit: ReportUnit): TestCase {
  const name = unit.trigger === undefined ? unit.contract : `${unit.trigger} → ${unit.contract}`;
  const out: string[] = [];
  if (unit.url !== undefined) out.push(`url: ${unit.url}`);
  if (unit.attempts !== undefined) out.push(`attempts: ${unit.attempts}`);
  out.push(...unit.exchanges.map(exchangeText));
  const testCase: TestCase = {
    name,
    classname: unit.group,
    timeMs: unit.timeMs,
    out,
    findings: unit.findings,
  };
  if (unit.outcome === 'skipped') testCase.skipped = 'not exercised';
  else if (unit.outcome === 'missing')
    testCase.failure = failure(unit.findings, {
      type: 'callback.missing',
      message: `${unit.contract} did not arrive`,
    });
  else if (unit.outcome === 'fail')
    testCase.failure = failure(unit.findings, {
      type: `callback.${unit.status === 'late' || unit.status === 'duplicate' ? unit.status : 'failed'}`,
      message: `${unit.contract}: ${unit.status}`,
    });
  else if (unit.findings.length > 0) out.push(...unit.findings.map(findingText));
  return testCase;
}

function buildSuites(report: Report): TestSuite[] {
  const suites = new Map<string, TestSuite>();
  const suite = (name: string): TestSuite => {
    let found = suites.get(name);
    if (found === undefined) {
      found = { name, cases: [] };
      suites.set(name, found);
    }
    return found;
  };
  const units = listUnits(report);
  for (const trigger of report.triggers) {
    const group = trigger.operationId ?? trigger.id.split('#')[0] ?? trigger.id;
    const testCase: TestCase = {
      name: `${trigger.id} response`,
      classname: group,
      timeMs: trigger.durationMs,
      out: [
        `${trigger.method} ${trigger.url} -> ${trigger.status ?? 'no response'}`,
        ...trigger.findings.map(findingText),
      ],
      findings: trigger.findings,
    };
    if (hasErrors(trigger.findings)) {
      testCase.failure = failure(trigger.findings, {
        type: 'response.failed',
        message: 'trigger response',
      });
    }
    suite(group).cases.push(testCase);
    // Each trigger's expected callbacks follow its response, in the same suite.
    for (const unit of units) {
      if (unit.trigger === trigger.id) suite(group).cases.push(unitCase(unit));
    }
  }
  const triggerIds = new Set(report.triggers.map((trigger) => trigger.id));
  for (const unit of units) {
    if (unit.trigger === undefined || !triggerIds.has(unit.trigger)) {
      suite(unit.group).cases.push(unitCase(unit));
    }
  }
  for (const { exchange, findings } of unexpectedExchanges(report)) {
    suite('unexpected callbacks').cases.push({
      name: `${exchange.request.method} ${exchange.request.url} (${exchange.id})`,
      classname: 'unexpected callbacks',
      out: [exchangeText(exchange)],
      findings,
      failure: failure(findings, {
        type: 'callback.unexpected',
        message:
          exchange.contract === undefined
            ? 'no contract matches this callback'
            : `${exchange.contract} arrived but no trigger expected it`,
      }),
    });
  }

  // Whatever no test case carries (spec lint, provider problems) lands here, so a
  // non-conformant report always has at least one failure.
  const carried = new Set(
    [...suites.values()].flatMap((s) => s.cases.flatMap((c) => c.findings.map(findingKey))),
  );
  const rest = collectFindings(report).filter((finding) => !carried.has(findingKey(finding)));
  const anyFailure = [...suites.values()].some((s) => s.cases.some((c) => c.failure));
  if (
    rest.length > 0 ||
    report.provider !== undefined ||
    (!report.summary.conformant && !anyFailure)
  ) {
    const general: TestCase = {
      name: 'spec and provider',
      classname: 'callback-verify',
      out: rest.map(findingText),
      findings: rest,
    };
    if (hasErrors(rest) || (!report.summary.conformant && !anyFailure)) {
      general.failure = failure(rest, {
        type: 'report.failed',
        message: 'the report is not conformant',
      });
    }
    const target = suite('callback-verify');
    target.cases.push(general);
    if (report.provider !== undefined) target.out = report.provider.output;
  }
  return [...suites.values()];
}

function renderCase(testCase: TestCase): string {
  const open = `    <testcase name="${attr(testCase.name)}" classname="${attr(testCase.classname)}" time="${seconds(testCase.timeMs)}"`;
  const inner: string[] = [];
  if (testCase.failure) {
    const { message, type, body } = testCase.failure;
    inner.push(
      `      <failure message="${attr(message)}" type="${attr(type)}">${escapeXml(body)}</failure>`,
    );
  }
  if (testCase.skipped !== undefined)
    inner.push(`      <skipped message="${attr(testCase.skipped)}"/>`);
  if (testCase.out.length > 0) {
    inner.push(`      <system-out>${escapeXml(testCase.out.join('\n'))}</system-out>`);
  }
  return inner.length === 0 ? `${open}/>` : `${open}>\n${inner.join('\n')}\n    </testcase>`;
}

function counts(cases: readonly TestCase[]) {
  return {
    tests: cases.length,
    failures: cases.filter((c) => c.failure).length,
    skipped: cases.filter((c) => c.skipped !== undefined).length,
    timeMs: cases.reduce((sum, c) => sum + (c.timeMs ?? 0), 0),
  };
}

/**
 * The report as JUnit XML for CI test viewers (GitLab, Jenkins, GitHub reporters).
 *
 * One `<testsuite>` per trigger operation (`run`) or per command, one `<testcase>` per
 * expected callback (`run`), contract (`listen`) or delivery (`mock`, `send`); `run`
 * adds one per trigger response, and unexpected callbacks and stray findings get their own.
 * Failures carry the findings; not-exercised contracts are `<skipped/>`.
 * @example await writeFile('junit.xml', renderJunit(report));
 */
export function renderJunit(report: Report): string {
  const suites = buildSuites(report);
  const all = counts(suites.flatMap((s) => s.cases));
  const totalMs = Date.parse(report.finishedAt) - Date.parse(report.startedAt);
  const timestamp = report.startedAt.replace(/(\.\d+)?Z$/, '');
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${attr(`callback-verify ${report.command}: ${report.spec.title}`)}" tests="${all.tests}" failures="${all.failures}" errors="0" skipped="${all.skipped}" time="${seconds(Number.isFinite(totalMs) && totalMs > 0 ? totalMs : all.timeMs)}">`,
  ];
  suites.forEach((s, index) => {
    const c = counts(s.cases);
    lines.push(
      `  <testsuite name="${attr(s.name)}" id="${index}" tests="${c.tests}" failures="${c.failures}" errors="0" skipped="${c.skipped}" time="${seconds(c.timeMs)}" timestamp="${attr(timestamp)}">`,
    );
    for (const testCase of s.cases) lines.push(renderCase(testCase));
    if (s.out !== undefined) lines.push(`    <system-out>${escapeXml(s.out)}</system-out>`);
    lines.push('  </testsuite>');
  });
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}
