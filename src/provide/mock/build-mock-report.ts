import type { DeliveryResult, Report, TriggerResult } from '../../report/report.ts';
import { summarise } from '../../report/summarise.ts';
import type { Catalogue, Contract } from '../../spec/contract.ts';
import type { Finding } from '../../validate/finding.ts';
import { buildSendReport } from '../build-send-report.ts';

/**
 * The report of a mock session: one contract result per callback (passing when all its
 * deliveries passed, not exercised when none was made), the consumer's requests as triggers,
 * the deliveries, and the findings of callbacks that could not be sent.
 *
 * @example
 * buildMockReport(catalogue, callbacks, { requests, deliveries, findings, toolVersion, startedAt })
 */
export function buildMockReport(
  catalogue: Catalogue,
  contracts: readonly Contract[],
  session: {
    requests: readonly TriggerResult[];
    deliveries: readonly DeliveryResult[];
    findings: readonly Finding[];
    toolVersion: string;
    startedAt: string;
    finishedAt?: string;
  },
): Report {
  const base = buildSendReport(
    catalogue,
    { contracts, deliveries: session.deliveries },
    {
      toolVersion: session.toolVersion,
      startedAt: session.startedAt,
      command: 'mock',
      ...(session.finishedAt === undefined ? {} : { finishedAt: session.finishedAt }),
    },
  );
  const skipped = new Set(
    session.findings
      .filter((finding) => finding.severity === 'error')
      .map((finding) => finding.contract),
  );
  const draft: Omit<Report, 'summary'> = {
    ...base,
    contracts: base.contracts.map((contract) =>
      skipped.has(contract.id) ? { ...contract, verdict: 'fail' } : contract,
    ),
    triggers: session.requests.map((request) => ({ ...request, findings: [...request.findings] })),
    findings: [...session.findings],
  };
  return { ...draft, summary: summarise(draft) };
}
