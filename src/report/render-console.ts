import type { Exchange } from '../receive/exchange.ts';
import type { Finding, Severity } from '../validate/finding.ts';
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

/** Options of {@link renderConsole}. */
export interface ConsoleOptions {
  /** ANSI colours (only when the output is a terminal that wants them). */
  color?: boolean;
  /** Also list every exchange, info findings, receiver URLs and the full provider output. */
  verbose?: boolean;
}

type Paint = (style: 'red' | 'green' | 'yellow' | 'dim' | 'bold' | 'cyan', text: string) => string;

const ansi = { red: 31, green: 32, yellow: 33, cyan: 36, dim: 2, bold: 1 } as const;
const symbols: Record<Severity, string> = { error: '✗', warning: '!', info: '·' };
const severityStyle = { error: 'red', warning: 'yellow', info: 'cyan' } as const;
const providerTailLines = 20;

const one = (text: string): string => sanitiseText(text);

function verdictOf(unit: ReportUnit): { label: string; style: 'red' | 'green' | 'yellow' | 'dim' } {
  switch (unit.outcome) {
    case 'pass':
      return { label: '✓ pass', style: 'green' };
    case 'missing':
      return { label: '✗ missing', style: 'red' };
    case 'skipped':
      return { label: '- not exercised', style: 'dim' };
    default:
      return {
        label:
          unit.status === 'late' || unit.status === 'duplicate' ? `✗ ${unit.status}` : '✗ fail',
        style: 'red',
      };
  }
}

function findingLine(finding: Finding, paint: Paint, verbose: boolean): string {
  const detail = findingDetail(finding);
  let line = `${paint(severityStyle[finding.severity], symbols[finding.severity])} ${one(finding.message)}`;
  if (detail !== '') line += ` — ${one(detail)}`;
  if (finding.where !== undefined) line += `  ${paint('dim', `at ${one(finding.where)}`)}`;
  if (finding.spec !== undefined) line += `  ${paint('dim', `(spec: ${one(finding.spec)})`)}`;
  if (verbose) line += `  ${paint('dim', `[${one(finding.check)}]`)}`;
  return line;
}

function findingLines(
  findings: readonly Finding[],
  paint: Paint,
  verbose: boolean,
  indent: string,
) {
  return findings
    .filter((finding) => verbose || finding.severity !== 'info')
    .map((finding) => `${indent}${findingLine(finding, paint, verbose)}`);
}

function exchangeLine(exchange: Exchange, paint: Paint, failed = false): string {
  const status = exchange.answer === undefined ? '' : ` → ${exchange.answer.status}`;
  const mark = exchange.verdict === 'pass' && !failed ? paint('green', '✓') : paint('red', '✗');
  return `${mark} ${exchange.id}  ${one(exchange.request.method)} ${one(exchange.request.url)}${status}  ${paint('dim', one(exchange.receivedAt))}`;
}

/** Left-aligned columns; widths come from the plain text so colours do not skew them. */
function table(
  header: string[],
  rows: Array<{ cells: string[]; paintCell?: (index: number, text: string) => string }>,
  paint: Paint,
): string[] {
  const widths = header.map((title, index) =>
    Math.max(title.length, ...rows.map((row) => [...(row.cells[index] ?? '')].length)),
  );
  const pad = (text: string, index: number): string =>
    index === header.length - 1 ? text : text + ' '.repeat(widths[index]! - [...text].length);
  const lines = [`  ${paint('dim', header.map(pad).join('  ').trimEnd())}`];
  for (const row of rows) {
    const cells = row.cells.map((cell, index) => {
      const padded = pad(cell, index);
      return row.paintCell ? row.paintCell(index, padded) : padded;
    });
    lines.push(`  ${cells.join('  ').trimEnd()}`);
  }
  return lines;
}

function unitSection(
  report: Report,
  units: ReportUnit[],
  paint: Paint,
  verbose: boolean,
): string[] {
  if (units.length === 0) return [];
  const title =
    report.command === 'run'
      ? 'Expected callbacks'
      : report.command === 'listen'
        ? 'Contracts'
        : 'Deliveries';
  const header =
    report.command === 'run'
      ? ['operation', 'trigger', 'contract', 'verdict', 'exchanges', 'latency']
      : report.command === 'listen'
        ? ['contract', 'verdict', 'exchanges', ...(verbose ? ['receiver URL'] : [])]
        : ['contract', 'verdict', 'status', 'time', 'url'];
  const lines = ['', paint('bold', title)];
  // Each row is followed by its own findings, so the table is printed row by row.
  const rows = units.map((unit) => {
    const verdict = verdictOf(unit);
    const cells =
      report.command === 'run'
        ? [
            one(unit.group),
            one(unit.trigger ?? '—'),
            one(unit.contract),
            verdict.label,
            String(unit.exchanges.length),
            formatDuration(unit.timeMs),
          ]
        : report.command === 'listen'
          ? [
              one(unit.contract),
              verdict.label,
              String(unit.exchanges.length),
              ...(verbose ? [one(unit.url ?? '—')] : []),
            ]
          : [
              one(unit.contract),
              verdict.label,
              unit.httpStatus === undefined ? '—' : String(unit.httpStatus),
              formatDuration(unit.timeMs),
              one(unit.url ?? '—'),
            ];
    const verdictIndex = header.indexOf('verdict');
    return {
      cells,
      paintCell: (index: number, text: string) =>
        index === verdictIndex ? paint(verdict.style, text) : text,
    };
  });
  const [head, ...body] = table(header, rows, paint);
  lines.push(head!);
  units.forEach((unit, index) => {
    lines.push(body[index]!);
    lines.push(...findingLines(unit.findings, paint, verbose, '      '));
    if (verbose)
      for (const exchange of unit.exchanges) lines.push(`      ${exchangeLine(exchange, paint)}`);
  });
  return lines;
}

function triggerSection(report: Report, paint: Paint, verbose: boolean): string[] {
  if (report.triggers.length === 0) return [];
  const lines = ['', paint('bold', 'Triggers')];
  for (const trigger of report.triggers) {
    const worst = trigger.findings.some((f) => f.severity === 'error')
      ? paint('red', '✗')
      : trigger.findings.some((f) => f.severity === 'warning')
        ? paint('yellow', '!')
        : paint('green', '✓');
    const status = trigger.status === undefined ? 'no response' : String(trigger.status);
    lines.push(
      `  ${worst} ${one(trigger.id)}  ${one(trigger.method)} ${one(trigger.url)}  → ${status}  ${formatDuration(trigger.durationMs)}`,
    );
    lines.push(...findingLines(trigger.findings, paint, verbose, '      '));
  }
  return lines;
}

function unexpectedSection(report: Report, paint: Paint, verbose: boolean): string[] {
  const unexpected = unexpectedExchanges(report);
  if (unexpected.length === 0) return [];
  const lines = ['', paint('bold', 'Unexpected callbacks')];
  for (const { exchange, findings } of unexpected) {
    const matched =
      exchange.contract === undefined
        ? ''
        : `  (${one(exchange.contract)}, no trigger expected it)`;
    lines.push(`  ${exchangeLine(exchange, paint, true)}${paint('dim', matched)}`);
    lines.push(...findingLines(findings, paint, verbose, '      '));
  }
  return lines;
}

function providerSection(report: Report, paint: Paint, verbose: boolean): string[] {
  const provider = report.provider;
  if (provider === undefined || (!verbose && report.summary.conformant)) return [];
  const output = sanitiseText(provider.output, { multiline: true }).replace(/\n$/, '');
  const all = output === '' ? [] : output.split('\n');
  const shown = verbose ? all : all.slice(-providerTailLines);
  const title = `Provider output${provider.command === undefined ? '' : ` (${one(provider.command)})`}`;
  const lines = ['', paint('bold', title)];
  if (shown.length < all.length) {
    lines.push(
      paint(
        'dim',
        `  … ${all.length - shown.length} earlier lines are in the JSON and HTML reports`,
      ),
    );
  }
  if (all.length === 0) lines.push(paint('dim', '  (no output)'));
  for (const line of shown) lines.push(`  ${paint('dim', '│')} ${line}`);
  return lines;
}

function verdictLine(report: Report, units: ReportUnit[], paint: Paint): string {
  const s = report.summary;
  const skipped = units.filter((unit) => unit.outcome === 'skipped').length;
  const tally = [`${s.passed} passed`, `${s.failed} failed`, `${s.missing} missing`];
  if (skipped > 0 && report.command !== 'run') tally.push(`${skipped} not exercised`);
  const counted = units.length - (report.command === 'run' ? skipped : 0);
  const total = plural(counted, ...unitNoun(report.command));
  const parts = [
    `${total}: ${tally.join(', ')}`,
    ...(skipped > 0 && report.command === 'run'
      ? [`${plural(skipped, 'contract')} not exercised`]
      : []),
    ...(receivesExchanges(report.command) ? [`${s.unexpected} unexpected`] : []),
    `${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}`,
    ...(receivesExchanges(report.command) ? [plural(s.exchanges, 'exchange')] : []),
  ];
  const took = formatRunLength(report);
  if (took !== undefined) parts.push(took);
  const head = s.conformant ? paint('green', '✓ CONFORMANT') : paint('red', '✗ NOT CONFORMANT');
  return `${paint('bold', head)}  ${parts.join(' · ')}`;
}

/**
 * The report for a terminal: per-operation and per-contract tables with each finding
 * under its row, sections only when populated, then a one-line verdict.
 * @example process.stdout.write(renderConsole(report, { color: process.stdout.isTTY }));
 */
export function renderConsole(report: Report, options: ConsoleOptions = {}): string {
  const verbose = options.verbose ?? false;
  const paint: Paint = options.color
    ? (style, text) => `\u001b[${ansi[style]}m${text}\u001b[0m`
    : (_style, text) => text;
  const general = findingLines(generalFindings(report), paint, verbose, '  ');
  const units = listUnits(report);
  const lines = [
    paint(
      'bold',
      `callback-verify ${one(report.tool.version)} · ${report.command} · ${one(report.spec.title)} (OpenAPI ${one(report.spec.openapi)}) · ${one(report.spec.source)}`,
    ),
    ...triggerSection(report, paint, verbose),
    ...unitSection(report, units, paint, verbose),
    ...unexpectedSection(report, paint, verbose),
    ...(general.length === 0 ? [] : ['', paint('bold', 'Other findings'), ...general]),
    ...providerSection(report, paint, verbose),
    '',
    verdictLine(report, units, paint),
  ];
  return `${lines.join('\n')}\n`;
}
