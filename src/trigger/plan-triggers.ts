import type { OperationConfig } from '../config/types.ts';
import { buildPayload } from '../provide/index.ts';
import type { Catalogue, Contract, MediaTypeSpec, TriggerOperation } from '../spec/contract.ts';
import type { Finding } from '../validate/finding.ts';
import type { Validator } from '../validate/index.ts';
import { checkFilters } from './check-filters.ts';
import { findOperationConfig } from './find-operation-config.ts';
import { groupByTrigger } from './group-by-trigger.ts';
import { matchesOperation } from './matches-operation.ts';
import { operationKey } from './operation-key.ts';
import { planTrigger } from './plan-trigger.ts';
import type { PlannedTrigger, RunFilters } from './types.ts';

/** What {@link planTriggers} needs besides the catalogue; everything I/O is passed in. */
export interface PlanOptions {
  /** Base URL of the provider under test. */
  provider: string;
  filters: RunFilters;
  /** Headers sent with every trigger. */
  headers: Record<string, string>;
  timeoutMs: number;
  operations: Record<string, OperationConfig>;
  callbackBase?: string;
  /** The receiver URL for a contract and trigger token (`Receiver.urlFor`). */
  urlFor: (contractId: string, token: string) => string;
  /** A fresh unguessable trigger token. */
  createToken: () => string;
  /** Triggers per operation (each with its own token); default 1. */
  repeat?: number;
  /**
   * The document's validator: a trigger body generated from its schema is made to fit it (see
   * `fitSample`), once per media type however many triggers send it.
   */
  validator?: Pick<Validator, 'checkValue'>;
}

/** {@link PlanOptions} plus the generated bodies of this plan, one per media type. */
export interface PlanTriggerOptions extends PlanOptions {
  /** The body generated for a media type (examples first; see `buildPayload`). */
  payloadFor: (media: MediaTypeSpec) => unknown;
}

/** Planned triggers plus findings that belong to no single trigger. */
export interface TriggerPlan {
  triggers: PlannedTrigger[];
  findings: Finding[];
}

/**
 * Builds one trigger request per operation that declares callbacks: parameters and body from the
 * spec's examples (else generated), overridden by config, with the receiver URL injected wherever
 * the callback expression reads it. Pure: nothing is sent.
 *
 * @example
 * const { triggers } = planTriggers(catalogue, { provider: 'http://127.0.0.1:8000', ...options });
 * triggers[0].url // 'http://127.0.0.1:8000/invoices?callback_url=http%3A%2F%2F127.0.0.1%3A4010%2F...'
 */
export function planTriggers(catalogue: Catalogue, options: PlanOptions): TriggerPlan {
  const byOperation = groupByTrigger(catalogue.contracts);
  const webhooks = catalogue.contracts.filter((contract) => contract.kind === 'webhook');
  checkFilters(catalogue, options.filters);
  const triggers: PlannedTrigger[] = [];
  // Shared by every trigger that sends the media type: injection copies what it changes.
  const payloads = new Map<MediaTypeSpec, unknown>();
  const validator = options.validator;
  const planning: PlanTriggerOptions = {
    ...options,
    payloadFor: (media) => {
      if (!payloads.has(media)) {
        payloads.set(
          media,
          buildPayload(catalogue.document, media, validator === undefined ? {} : { validator })
            .value,
        );
      }
      return payloads.get(media);
    },
  };
  for (const { operation, contracts } of byOperation.values()) {
    const key = operationKey(operation);
    if (!matchesFilters(operation, contracts, options.filters)) continue;
    const config = findOperationConfig(options.operations, operation);
    if (config?.skip === true) continue;
    const repeat = config?.repeat ?? options.repeat ?? 1;
    for (let n = 1; n <= repeat; n += 1) {
      triggers.push(
        planTrigger(catalogue.document, operation, contracts, webhooks, config, key, n, planning),
      );
    }
  }
  const findings: Finding[] = [];
  if (triggers.length === 0) {
    findings.push({
      check: 'run.nothing-to-trigger',
      severity: 'warning',
      message:
        byOperation.size === 0
          ? `The spec declares no operation with callbacks, so there is nothing to trigger.${
              webhooks.length === 0
                ? ''
                : ` Its ${webhooks.length === 1 ? 'webhook is' : `${webhooks.length} webhooks are`} sent on the provider's own events: receive and check ${webhooks.length === 1 ? 'it' : 'them'} with \`callback-verify listen\`.`
            }`
          : 'Every operation with callbacks was filtered out or skipped, so nothing was triggered.',
    });
  }
  return { triggers, findings };
}

function matchesFilters(
  operation: TriggerOperation,
  contracts: Contract[],
  filters: RunFilters,
): boolean {
  if (
    filters.operations.length > 0 &&
    !filters.operations.some((name) => matchesOperation(operation, name))
  ) {
    return false;
  }
  if (filters.tags.length > 0 && !operation.tags.some((tag) => filters.tags.includes(tag))) {
    return false;
  }
  if (
    filters.contracts.length > 0 &&
    !contracts.some((contract) => filters.contracts.includes(contract.id))
  ) {
    return false;
  }
  return true;
}
