import type { ContractResult, DeliveryResult, Report } from '../report/report.ts';
import { summarise } from '../report/summarise.ts';
import type { Catalogue, Contract } from '../spec/contract.ts';

/**
 * The report of a `send` (or `mock`) session: one contract result per contract delivered, each
 * passing only when all of its deliveries passed, and the deliveries themselves.
 *
 * @example
 * const report = buildSendReport(catalogue, await sendDeliveries(catalogue, options), { toolVersion, startedAt })
 */
export function buildSendReport(
  catalogue: Catalogue,
  result: { contracts: readonly Contract[]; deliveries: readonly DeliveryResult[] },
  options: {
    toolVersion: string;
    startedAt: string;
    finishedAt?: string;
    command?: 'send' | 'mock';
  },
): Report {
  const { document } = catalogue;
  const contracts: ContractResult[] = result.contracts.map((contract) => {
    const own = result.deliveries.filter((delivery) => delivery.contract === contract.id);
    return {
      id: contract.id,
      kind: contract.kind,
      method: contract.method,
      expression: contract.expression?.raw ?? contract.name,
      verdict:
        own.length === 0
          ? 'not-exercised'
          : own.every((delivery) => delivery.verdict === 'pass')
            ? 'pass'
            : 'fail',
      exchanges: [],
      // Findings stay on the deliveries that produced them, so they are counted once.
      findings: [],
    };
  });
  const draft: Omit<Report, 'summary'> = {
    tool: { name: 'callback-verify', version: options.toolVersion },
    command: options.command ?? 'send',
    spec: { source: document.source, openapi: document.openapi, title: document.title },
    startedAt: options.startedAt,
    finishedAt: options.finishedAt ?? new Date().toISOString(),
    contracts,
    triggers: [],
    expectations: [],
    deliveries: [...result.deliveries],
    exchanges: [],
    findings: [],
  };
  return { ...draft, summary: summarise(draft) };
}
