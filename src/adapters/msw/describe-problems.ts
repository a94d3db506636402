import type { Exchange } from '../../receive/exchange.ts';
import type { Finding, Severity } from '../../validate/finding.ts';

const marks: Record<Severity, string> = { error: '✗', warning: '!', info: '·' };

/**
 * The text of a failed conformance assertion: one block per callback with problems (method,
 * URL, contract), one line per finding with where it is in the request, then problems that
 * belong to no callback (a callback that never came).
 *
 * @example
 * describeProblems(exchanges, [], ['error'])
 * // 'callback-verify: 1 callback did not follow the spec\n  POST https://callbacks.test/invoices/1 (createInvoice/invoicePaid/post)\n    ✗ /body/paid: …'
 */
export function describeProblems(
  exchanges: readonly Exchange[],
  general: readonly Finding[],
  severities: readonly Severity[],
): string {
  const shown = (findings: readonly Finding[]): Finding[] =>
    findings.filter((finding) => severities.includes(finding.severity));
  const bad = exchanges.filter((exchange) => shown(exchange.findings).length > 0);
  const lines: string[] = [];
  const count = bad.length;
  lines.push(
    count === 0
      ? 'callback-verify: the callbacks did not meet expectations'
      : `callback-verify: ${count} callback${count === 1 ? '' : 's'} did not follow the spec`,
  );
  for (const exchange of bad) {
    const contract = exchange.contract === undefined ? 'no contract' : exchange.contract;
    lines.push(`  ${exchange.request.method} ${exchange.request.url} (${contract})`);
    for (const finding of shown(exchange.findings)) lines.push(`    ${findingLine(finding)}`);
  }
  for (const finding of shown(general)) lines.push(`  ${findingLine(finding)}`);
  return lines.join('\n');
}

function findingLine(finding: Finding): string {
  const where = finding.where === undefined ? '' : `${finding.where}: `;
  return `${marks[finding.severity]} ${where}${finding.message} [${finding.check}]`;
}
