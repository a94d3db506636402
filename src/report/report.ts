import type { Exchange } from '../receive/exchange.ts';
import type { Finding } from '../validate/finding.ts';

/** Which command produced a report. */
export type ReportCommand = 'listen' | 'run' | 'mock' | 'send';

/** Verdict of one contract in a report. */
export type ContractVerdict = 'pass' | 'fail' | 'missing' | 'not-exercised';

/** One contract's results. */
export interface ContractResult {
  id: string;
  kind: 'callback' | 'webhook';
  method: string;
  /** The callback key or webhook name. */
  expression: string;
  /** The URL the receiver listens on for this contract (listen, run). */
  receiverUrl?: string;
  verdict: ContractVerdict;
  /** Ids of the exchanges matched to this contract. */
  exchanges: string[];
  findings: Finding[];
}

/** `run`: one callback the provider was expected to send after one trigger. */
export interface Expectation {
  /** Trigger id, e.g. `createInvoice#1`. */
  trigger: string;
  contract: string;
  /** The exact URL the expression evaluated to on the real trigger exchange. */
  expectedUrl?: string;
  status: 'received' | 'missing' | 'late' | 'duplicate' | 'failed';
  /** Exchanges that answered this expectation (first is the delivery; more are retries or duplicates). */
  exchanges: string[];
  /** Milliseconds from the trigger response to the first matching callback. */
  latencyMs?: number;
  /** Retry attempts seen (including the first), and the intervals between them in ms. */
  attempts?: number;
  retryIntervalsMs?: number[];
  findings: Finding[];
}

/** `run`: one trigger request sent to the provider and its immediate response. */
export interface TriggerResult {
  id: string;
  operationId?: string;
  method: string;
  url: string;
  requestBody?: unknown;
  status?: number;
  responseBody?: unknown;
  durationMs?: number;
  findings: Finding[];
}

/** `mock` / `send`: one delivery made to a consumer and its reply. */
export interface DeliveryResult {
  id: string;
  contract: string;
  url: string;
  method: string;
  /** What was sent: `example:<name>` (`example:schema` for a schema's own), `generated`, `file`, `empty`, or `invalid:<kind>[:<pointer>]`. */
  payload: string;
  status?: number;
  durationMs?: number;
  findings: Finding[];
  verdict: 'pass' | 'fail';
}

/** Counts and the overall verdict. */
export interface ReportSummary {
  contracts: number;
  exchanges: number;
  passed: number;
  failed: number;
  missing: number;
  unexpected: number;
  errors: number;
  warnings: number;
  conformant: boolean;
}

/** Everything a run found; every output format renders this same value. */
export interface Report {
  tool: { name: 'callback-verify'; version: string };
  command: ReportCommand;
  spec: { source: string; openapi: string; title: string };
  startedAt: string;
  finishedAt: string;
  contracts: ContractResult[];
  triggers: TriggerResult[];
  expectations: Expectation[];
  deliveries: DeliveryResult[];
  exchanges: Exchange[];
  /** Findings that belong to no single contract (unexpected callbacks, spec lint, provider problems). */
  findings: Finding[];
  /** `run --provider-cmd`: what the provider printed. */
  provider?: { command?: string; url?: string; output: string };
  summary: ReportSummary;
}
