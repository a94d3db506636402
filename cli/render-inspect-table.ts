import { sanitiseText } from '../src/report/index.ts';
import { plural } from '../src/report/plural.ts';
import type { CatalogueSummary, ContractSummary } from '../src/spec/index.ts';
import type { Finding } from '../src/validate/finding.ts';

/** Longest a cell may get before it is cut with `…` (the JSON output always has everything). */
const maxCell = 60;

/**
 * The human-readable `inspect` output: header, callbacks table, webhooks table, findings. Text
 * from the spec is printed with its control characters as visible escapes, so a hostile spec
 * cannot move the cursor or recolour the terminal.
 * @example process.stdout.write(renderInspectTable(summariseCatalogue(catalogue)))
 */
export function renderInspectTable(summary: CatalogueSummary): string {
  const { spec, counts } = summary;
  const lines = [
    sanitiseText(`${spec.title} — OpenAPI ${spec.openapi} (${spec.source})`),
    `${plural(counts.callbacks, 'callback')}, ${plural(counts.webhooks, 'webhook')}; findings: ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info`,
    '',
  ];
  const callbacks = summary.contracts.filter((contract) => contract.kind === 'callback');
  const webhooks = summary.contracts.filter((contract) => contract.kind === 'webhook');
  // The OAS 3.2 query string column is there only when some contract has one.
  const withQuery = (contracts: ContractSummary[]): boolean =>
    contracts.some((contract) => contract.querystring !== null);
  if (callbacks.length > 0) {
    const query = withQuery(callbacks);
    lines.push(`Callbacks (${callbacks.length})`);
    lines.push(
      ...table(
        [
          'ID',
          'TRIGGER',
          'METHOD',
          'URL EXPRESSION',
          'URL FROM',
          ...(query ? ['QUERY STRING'] : []),
          'MEDIA TYPES',
          'EXAMPLE',
        ],
        callbacks.map((contract) => [
          contract.id,
          describeTrigger(contract),
          contract.method.toUpperCase(),
          contract.url?.expression ?? '',
          contract.url?.from ?? '',
          ...(query ? [describeQuerystring(contract)] : []),
          mediaTypes(contract),
          contract.examples.length > 0 ? 'yes' : 'no',
        ]),
      ),
      '',
    );
  }
  if (webhooks.length > 0) {
    const query = withQuery(webhooks);
    lines.push(`Webhooks (${webhooks.length})`);
    lines.push(
      ...table(
        [
          'ID',
          'METHOD',
          'DECLARED IN',
          ...(query ? ['QUERY STRING'] : []),
          'MEDIA TYPES',
          'EXAMPLE',
        ],
        webhooks.map((contract) => [
          contract.id,
          contract.method.toUpperCase(),
          contract.declaredIn ?? '',
          ...(query ? [describeQuerystring(contract)] : []),
          mediaTypes(contract),
          contract.examples.length > 0 ? 'yes' : 'no',
        ]),
      ),
      '',
    );
  }
  if (summary.contracts.length === 0) {
    lines.push(
      'No callbacks or webhooks are declared (operation `callbacks`, top-level `webhooks` or `x-webhooks`).',
      '',
    );
  }
  if (summary.findings.length > 0) {
    lines.push(`Findings (${summary.findings.length})`);
    for (const finding of summary.findings) lines.push(...renderFinding(finding));
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function renderFinding(finding: Finding): string[] {
  const about = finding.contract === undefined ? '' : ` ${finding.contract}`;
  const lines = [
    `  ${finding.severity.padEnd(7)} ${finding.check}${about}`,
    `          ${finding.message}`,
  ];
  if (finding.spec !== undefined) lines.push(`          at #${finding.spec}`);
  return lines.map((line) => sanitiseText(line));
}

function describeTrigger(contract: ContractSummary): string {
  const { trigger } = contract;
  if (trigger === null) return '';
  const name = trigger.operationId === null ? '' : ` (${trigger.operationId})`;
  return `${trigger.method.toUpperCase()} ${trigger.path}${name}`;
}

/** Media types, each with an OAS 3.2 itemSchema marked `(items)`: its body is a sequence. */
function mediaTypes(contract: ContractSummary): string {
  if (contract.mediaTypes.length === 0) return '(no body)';
  const sequences = new Set(contract.itemSchemas);
  return contract.mediaTypes
    .map((mediaType) => (sequences.has(mediaType) ? `${mediaType} (items)` : mediaType))
    .join(', ');
}

/** The OAS 3.2 querystring parameter: its name and media type. */
function describeQuerystring(contract: ContractSummary): string {
  const { querystring } = contract;
  if (querystring === null) return '';
  return `${querystring.name} (${querystring.mediaType ?? 'form'})`;
}

/** Left-aligned columns separated by two spaces; long cells cut with `…`. */
function table(header: string[], rows: string[][]): string[] {
  const cut = (cell: string): string =>
    cell.length > maxCell ? `${cell.slice(0, maxCell - 1)}…` : cell;
  const cells = [
    header,
    ...rows.map((row) =>
      row.map((cell, index) => (index === 0 ? sanitiseText(cell) : cut(sanitiseText(cell)))),
    ),
  ];
  const widths = header.map((_, column) =>
    Math.max(...cells.map((row) => (row[column] ?? '').length)),
  );
  return cells.map((row) =>
    row
      .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}
