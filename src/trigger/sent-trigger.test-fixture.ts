import type { TriggerOperation } from '../spec/contract.ts';
import type { SentTrigger } from './send-trigger.ts';
import type { PlannedTrigger } from './types.ts';

/** The trigger operation of the correlation tests' fixtures. */
export const fixtureOperation: TriggerOperation = {
  method: 'post',
  path: '/invoices',
  operationId: 'createInvoice',
  tags: [],
  parameters: [],
  responses: [],
  security: [],
  pointer: '/paths/~1invoices/post',
};

/** A trigger with `token`, answered 200 at epoch 0 after a 1 s timeout was planned. */
export function sentTrigger(
  token: string,
  overrides: Partial<SentTrigger> = {},
  trigger: Partial<PlannedTrigger> = {},
): SentTrigger {
  return {
    trigger: {
      id: `createInvoice#${token}`,
      token,
      operation: fixtureOperation,
      operationKey: 'createInvoice',
      method: 'POST',
      url: 'http://provider/invoices',
      pathParams: {},
      query: {},
      headers: {},
      injections: [],
      expectations: [],
      ignoredContracts: [],
      timeoutMs: 1000,
      behaviours: {},
      ...trigger,
    },
    sentAt: -5,
    respondedAt: 0,
    status: 200,
    headers: {},
    body: new Uint8Array(),
    ...overrides,
  };
}
