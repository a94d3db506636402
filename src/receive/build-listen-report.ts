import type { ContractResult, Report } from '../report/report.ts';
import { summarise } from '../report/summarise.ts';
import type { Finding } from '../validate/finding.ts';
import type { Receiver } from './types.ts';

/** What `listen` adds to a receiver's state to make its report. */
export interface ListenReportInput {
  toolVersion: string;
  startedAt: string;
  finishedAt: string;
  /** Findings about the run itself, e.g. fewer callbacks than `--expect` asked for. */
  findings?: Finding[];
}

/**
 * The report of a listening session: one result per contract (pass when everything it received
 * conforms, fail when anything did not, not-exercised when nothing arrived), the exchanges still
 * in memory, and the unexpected ones. Verdicts use the receiver's counts, so they stay right
 * even after old exchanges left memory.
 * @example const report = buildListenReport(receiver, { toolVersion: '0.1.0', startedAt, finishedAt: new Date().toISOString() });
 */
export function buildListenReport(receiver: Receiver, input: ListenReportInput): Report {
  const exchanges = [...receiver.exchanges()];
  const stats = receiver.stats();
  const contracts: ContractResult[] = receiver.routes().map((route) => {
    const own = exchanges.filter((exchange) => exchange.contract === route.contract);
    const tally = stats.byContract[route.contract];
    const contract = receiver.catalogue.contracts.find((c) => c.id === route.contract);
    return {
      id: route.contract,
      kind: route.kind,
      method: route.method,
      expression: contract?.expression?.raw ?? contract?.name ?? route.contract,
      receiverUrl: route.url,
      verdict: tally === undefined ? 'not-exercised' : tally.failed > 0 ? 'fail' : 'pass',
      exchanges: own.map((exchange) => exchange.id),
      findings: [],
    };
  });
  const document = receiver.catalogue.document;
  const draft: Omit<Report, 'summary'> = {
    tool: { name: 'callback-verify', version: input.toolVersion },
    command: 'listen',
    spec: { source: document.source, openapi: document.openapi, title: document.title },
    startedAt: input.startedAt,
    finishedAt: input.finishedAt,
    contracts,
    triggers: [],
    expectations: [],
    deliveries: [],
    exchanges,
    findings: input.findings ?? [],
  };
  return { ...draft, summary: summarise(draft) };
}
