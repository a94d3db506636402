/** How bad a finding is: only `error` makes a run non-conformant. */
export type Severity = 'error' | 'warning' | 'info';

/**
 * One conformance or lint problem, as data. Never thrown.
 *
 * `where` is a JSON pointer into the request as the tool models it:
 * `/method`, `/url`, `/path/<segment name>`, `/query/<name>`, `/headers/<lower-case name>`,
 * `/body` and `/body/<pointer into the parsed body>`; for a response, the same under `/response`.
 * `spec` is a JSON pointer into the OpenAPI document (`#` fragment form without the `#`).
 *
 * @example
 * { check: 'body.type', severity: 'error', contract: 'createInvoice/invoicePaid/post',
 *   message: 'body.paid must be boolean, got string "yes"', where: '/body/paid',
 *   spec: '/paths/~1invoices/post/callbacks/invoicePaid/...', expected: 'boolean', actual: 'yes' }
 */
export interface Finding {
  /** Stable check id, dot separated: `body.schema`, `header.required`, `url.mismatch`, `callback.missing`, … */
  check: string;
  severity: Severity;
  /** One sentence a person can act on. */
  message: string;
  /** Contract id the finding belongs to, when there is one. */
  contract?: string;
  /** JSON pointer into the request (see above). */
  where?: string;
  /** JSON pointer into the OpenAPI document. */
  spec?: string;
  expected?: unknown;
  actual?: unknown;
}

/** True when any finding has error severity. */
export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((finding) => finding.severity === 'error');
}
