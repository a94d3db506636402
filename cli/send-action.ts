import { buildSendReport, sendDeliveries } from '../src/provide/index.ts';
import { prepareOutputDir, renderConsole, sanitiseText } from '../src/report/index.ts';
import type { DeliveryResult } from '../src/report/report.ts';
import { buildCatalogue, loadDocument } from '../src/spec/index.ts';
import { describeProblems } from './describe-problems.ts';
import { ExitCode } from './exit-code.ts';
import { readCaFlags } from './read-ca-flags.ts';
import { parseReporters } from './report-options.ts';
import { saveReports } from './save-reports.ts';
import { parseSendFlags, type SendFlags } from './send-options.ts';
import { version } from './version.ts';

function write(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** One readable line per delivery, printed as it completes. */
function deliveryLine(delivery: DeliveryResult): string {
  const mark = delivery.verdict === 'pass' ? '✓' : '✗';
  const status = delivery.status === undefined ? 'no reply' : String(delivery.status);
  const took = delivery.durationMs === undefined ? '' : ` (${Math.round(delivery.durationMs)} ms)`;
  return sanitiseText(
    `${mark} ${delivery.method} ${delivery.contract} [${delivery.payload}] → ${status}${took}${describeProblems(delivery.findings)}`,
  );
}

/** `callback-verify send <spec> [contract] --to <url>`: deliver to a consumer and check its replies. */
export async function sendAction(
  spec: string,
  contract: string | undefined,
  flags: SendFlags,
): Promise<number> {
  const options = parseSendFlags(contract, flags, process.env);
  const reporters = parseReporters(flags.reporter);
  const ca = await readCaFlags(flags.ca);
  if (ca.length > 0) options.ca = ca;
  const catalogue = buildCatalogue(await loadDocument(spec));
  if (flags.output !== undefined) await prepareOutputDir(flags.output);
  const startedAt = new Date().toISOString();
  const result = await sendDeliveries(catalogue, {
    ...options,
    onDelivery: (delivery) => write(deliveryLine(delivery)),
  });
  const report = buildSendReport(catalogue, result, { toolVersion: version, startedAt });
  const written = await saveReports(report, reporters, flags.output);
  write('');
  write(renderConsole(report));
  for (const path of written) write(`report: ${path}`);
  return report.summary.conformant ? ExitCode.conformant : ExitCode.nonConformant;
}
