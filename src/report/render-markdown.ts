import type { Finding } from '../validate/finding.ts';
import { codeSpan, escapeMarkdown } from './escape-markdown.ts';
import { findingDetail } from './finding-detail.ts';
import { formatDuration } from './format-duration.ts';
import { formatRunLength } from './format-run-length.ts';
import { generalFindings } from './general-findings.ts';
import { listUnits, type ReportUnit } from './list-units.ts';
import { plural } from './plural.ts';
import { receivesExchanges } from './receives-exchanges.ts';
import type { Report } from './report.ts';
import { sanitiseText } from './sanitise-text.ts';
import { unexpectedExchanges } from './unexpected-exchanges.ts';
import { unitNoun } from './unit-noun.ts';

// A step summary is capped (GitHub: 1 MiB), so long lists are cut with a pointer to the full reports.
const maxFindings = 200;
const providerTailLines = 50;

const icons = { pass: '✅', fail: '❌', missing: '❌', skipped: '⏭️' } as const;
const severityIcons = { error: '❌', warning: '⚠️', info: 'ℹ️' } as const;

function verdictText(unit: ReportUnit): string {
  const label =
    unit.outcome === 'skipped'
      ? 'not exercised'
      : unit.outcome === 'fail' && (unit.status === 'late' || unit.status === 'duplicate')
        ? unit.status
        : unit.outcome;
  return `${icons[unit.outcome]} ${label}`;
}

function unitTable(report: Report, units: ReportUnit[]): string[] {
  if (units.length === 0) return [];
  const cell = (text: string) => escapeMarkdown(text);
  const code = (text: string) => codeSpan(text, { inTable: true });
  if (report.command === 'run') {
    return [
      '| Trigger | Contract | Verdict | Exchanges | Latency |',
      '| --- | --- | --- | ---: | ---: |',
      ...units.map(
        (u) =>
          `| ${cell(u.trigger ?? '—')} | ${code(u.contract)} | ${verdictText(u)} | ${u.exchanges.length} | ${formatDuration(u.timeMs)} |`,
      ),
    ];
  }
  if (report.command === 'listen') {
    return [
      '| Contract | Verdict | Exchanges |',
      '| --- | --- | ---: |',
      ...units.map((u) => `| ${code(u.contract)} | ${verdictText(u)} | ${u.exchanges.length} |`),
    ];
  }
  return [
    '| Contract | Verdict | Status | Time | URL |',
    '| --- | --- | ---: | ---: | --- |',
    ...units.map(
      (u) =>
        `| ${code(u.contract)} | ${verdictText(u)} | ${u.httpStatus ?? '—'} | ${formatDuration(u.timeMs)} | ${u.url === undefined ? '—' : code(u.url)} |`,
    ),
  ];
}

function findingItem(finding: Finding, owner: string | undefined): string {
  const detail = findingDetail(finding);
  let line = `- ${severityIcons[finding.severity]} `;
  if (owner !== undefined) line += `**${escapeMarkdown(owner)}**: `;
  line += escapeMarkdown(finding.message);
  if (detail !== '') line += ` — ${escapeMarkdown(detail)}`;
  if (finding.where !== undefined) line += ` at ${codeSpan(finding.where)}`;
  line += ` (${codeSpan(finding.check)})`;
  return line;
}

function fenced(text: string): string[] {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(longest + 1);
  return [fence, text, fence];
}

/**
 * The report as GitHub-flavoured Markdown for CI step summaries (`$GITHUB_STEP_SUMMARY`):
 * a verdict line, a table of contracts and a list of findings.
 * @example await appendFile(process.env.GITHUB_STEP_SUMMARY, renderMarkdown(report));
 */
export function renderMarkdown(report: Report): string {
  const s = report.summary;
  const units = listUnits(report);
  const counted = units.filter((u) => report.command !== 'run' || u.outcome !== 'skipped').length;
  const lines = [
    `## ${s.conformant ? '✅' : '❌'} callback-verify ${report.command}: ${s.conformant ? 'conformant' : 'not conformant'}`,
    '',
    [
      `**${escapeMarkdown(report.spec.title)}** (${codeSpan(report.spec.source)}, OpenAPI ${escapeMarkdown(report.spec.openapi)})`,
      `${plural(counted, ...unitNoun(report.command))}: ${s.passed} passed, ${s.failed} failed, ${s.missing} missing`,
      ...(receivesExchanges(report.command) ? [`${s.unexpected} unexpected`] : []),
      `${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}`,
      ...(formatRunLength(report) ?? []),
    ].join(' · '),
  ];
  const table = unitTable(report, units);
  if (table.length > 0) lines.push('', ...table);

  const items: string[] = [];
  for (const trigger of report.triggers) {
    for (const finding of trigger.findings)
      items.push(findingItem(finding, `${trigger.id} response`));
  }
  for (const unit of units) {
    const owner = unit.trigger === undefined ? unit.contract : `${unit.trigger} → ${unit.contract}`;
    for (const finding of unit.findings) items.push(findingItem(finding, owner));
  }
  for (const finding of generalFindings(report)) items.push(findingItem(finding, undefined));
  if (items.length > 0) {
    lines.push('', '### Findings', '', ...items.slice(0, maxFindings));
    if (items.length > maxFindings) {
      lines.push(`- … ${items.length - maxFindings} more in the JSON and HTML reports`);
    }
  }

  const unexpected = unexpectedExchanges(report);
  if (unexpected.length > 0) {
    lines.push('', '### Unexpected callbacks', '');
    for (const { exchange } of unexpected.slice(0, maxFindings)) {
      const why =
        exchange.contract === undefined
          ? 'no contract matches'
          : `matches ${codeSpan(exchange.contract)} but no trigger expected it`;
      lines.push(
        `- ❌ ${codeSpan(`${exchange.request.method} ${exchange.request.url}`)} (${escapeMarkdown(exchange.id)}): ${why}`,
      );
    }
  }

  if (report.provider !== undefined && report.provider.output !== '') {
    const all = sanitiseText(report.provider.output, { multiline: true })
      .replace(/\n$/, '')
      .split('\n');
    const shown = all.slice(-providerTailLines);
    const cut = all.length - shown.length;
    lines.push(
      '',
      `<details><summary>Provider output${cut > 0 ? ` (last ${shown.length} lines)` : ''}</summary>`,
      '',
      ...fenced(shown.join('\n')),
      '',
      '</details>',
    );
  }
  return `${lines.join('\n')}\n`;
}
