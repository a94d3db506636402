import type { DeliveryResult } from '../report/report.ts';
import type { Contract } from '../spec/contract.ts';
import { wireMethod } from '../spec/wire-method.ts';
import type { Finding } from '../validate/finding.ts';
import { assertHostAllowed, type HostPolicy } from './allowed-hosts.ts';
import type { DeliveryRequest } from './delivery-request.ts';
import type { ResponseChecker } from './response-checker.ts';
import { type SendOutcome, sendRequest, type TransportFailure } from './send-request.ts';
import { signRequest } from './signatures/sign-request.ts';
import type { SignatureScheme } from './signatures/signature-scheme.ts';

/** Default time allowed for one whole delivery (connect, send, reply), in milliseconds. */
export const DEFAULT_DELIVERY_TIMEOUT_MS = 10_000;
/** Default largest reply body read, in bytes. */
export const DEFAULT_MAX_RESPONSE_BYTES: number = 10 * 1024 * 1024;

/** Options of {@link deliver}. */
export interface DeliverOptions {
  /** Id of this delivery in the report, e.g. `dl-000001`. */
  id: string;
  contract: Contract;
  /** What is sent: `example:<name>`, `generated`, `file` or `invalid:<how>`. */
  payload: string;
  /** Checks the reply against the contract's declared responses (`createValidator(document)`). */
  checker: ResponseChecker;
  /** Hosts that may be delivered to; loopback only when absent. */
  hosts?: HostPolicy;
  /** Sign the body, adding the scheme's headers. */
  sign?: { scheme: SignatureScheme; secret: string };
  /**
   * Set for a payload that breaks the contract on purpose: the consumer should refuse it, so a
   * 2xx reply is a `consumer.lenient` finding; the text says what is wrong with the payload.
   */
  invalid?: string;
  /** Default {@link DEFAULT_DELIVERY_TIMEOUT_MS}. */
  timeoutMs?: number;
  /** Default {@link DEFAULT_MAX_RESPONSE_BYTES}. */
  maxResponseBytes?: number;
  /** Extra certificate authorities (PEM) trusted for an https consumer, besides the default ones. */
  ca?: readonly string[];
}

/**
 * Sends one callback or webhook request to a consumer and checks its reply: against the
 * contract's declared responses for a valid payload; for an invalid one (`options.invalid`), that
 * the consumer refused it. An unreachable consumer, a timeout or a reset connection is a finding
 * (`delivery.unreachable`, `delivery.timeout`, `delivery.reset`; `delivery.tls` for an untrusted
 * certificate or a failed TLS handshake), never an exception; only a host
 * that is not allowed (`HostNotAllowedError`) or an unusable secret throws.
 *
 * @example
 * const result = await deliver(request, { id: 'dl-000001', contract, payload: 'generated', checker: createValidator(document) })
 * result.verdict // 'pass'
 */
export async function deliver(
  request: DeliveryRequest,
  options: DeliverOptions,
): Promise<DeliveryResult> {
  assertHostAllowed(request.url, options.hosts ?? { allowHosts: [], allowAnyHost: false });
  const headers = { ...request.headers };
  if (options.sign !== undefined) {
    const signature = await signRequest(options.sign.scheme, options.sign.secret, {
      body: request.body ?? new Uint8Array(),
    });
    Object.assign(headers, signature);
  }
  const outcome = await sendRequest(
    { ...request, headers },
    {
      timeoutMs: options.timeoutMs ?? DEFAULT_DELIVERY_TIMEOUT_MS,
      maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
      ...(options.ca === undefined ? {} : { ca: options.ca }),
    },
  );
  const findings = outcomeFindings(outcome, request, options);
  const result: DeliveryResult = {
    id: options.id,
    contract: options.contract.id,
    url: request.url,
    method: wireMethod(request.method),
    payload: options.payload,
    durationMs: outcome.durationMs,
    findings,
    verdict: findings.some((finding) => finding.severity === 'error') ? 'fail' : 'pass',
  };
  if (outcome.ok) result.status = outcome.response.status;
  return result;
}

function outcomeFindings(
  outcome: SendOutcome,
  request: DeliveryRequest,
  options: DeliverOptions,
): Finding[] {
  const contract = options.contract.id;
  if (!outcome.ok) return [transportFinding(outcome.failure, request.url, contract, options)];
  const { status } = outcome.response;
  if (options.invalid !== undefined) {
    if (status >= 200 && status < 300) {
      return [
        {
          check: 'consumer.lenient',
          severity: 'error',
          message: `The consumer accepted (${status}) a payload with ${options.invalid}; it should refuse it with a 4xx.`,
          contract,
          where: '/response/status',
          expected: '4xx',
          actual: status,
        },
      ];
    }
    if (status >= 500) {
      return [
        {
          check: 'consumer.error-on-invalid',
          severity: 'warning',
          message: `The consumer failed (${status}) on a payload with ${options.invalid}; a 4xx tells the provider not to retry it.`,
          contract,
          where: '/response/status',
          expected: '4xx',
          actual: status,
        },
      ];
    }
    return [];
  }
  const findings = options.checker.checkResponse(
    options.contract.operation,
    outcome.response,
    contract,
  );
  if (status < 200 || status >= 300) {
    findings.unshift({
      check: 'consumer.rejected',
      severity: 'error',
      message: `The consumer answered ${status} to a payload that follows the contract; it should accept it with a 2xx.`,
      contract,
      where: '/response/status',
      expected: '2xx',
      actual: status,
    });
  }
  return findings;
}

function transportFinding(
  failure: TransportFailure,
  url: string,
  contract: string,
  options: DeliverOptions,
): Finding {
  const base = { severity: 'error' as const, contract, where: '/url', actual: url };
  switch (failure.kind) {
    case 'unreachable':
      return {
        ...base,
        check: 'delivery.unreachable',
        message: `Could not connect to ${url} (${failure.code ?? failure.message}); is the consumer running and listening there?`,
      };
    case 'timeout':
      return {
        ...base,
        check: 'delivery.timeout',
        message: `The consumer at ${url} did not reply within ${options.timeoutMs ?? DEFAULT_DELIVERY_TIMEOUT_MS} ms.`,
      };
    case 'reset':
      return {
        ...base,
        check: 'delivery.reset',
        message: `The consumer at ${url} closed the connection before replying (${failure.code ?? failure.message}).`,
      };
    case 'too-large':
      return { ...base, check: 'delivery.response-too-large', message: failure.message };
    case 'tls':
      return {
        ...base,
        check: 'delivery.tls',
        message: `The delivery to ${url} failed in TLS: ${failure.message}.`,
      };
    case 'failed':
      return {
        ...base,
        check: 'delivery.failed',
        message: `The delivery to ${url} failed: ${failure.message}.`,
      };
  }
}
