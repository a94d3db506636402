import type { HeaderMap } from '../receive/exchange.ts';
import type { OperationSpec } from '../spec/contract.ts';
import type { Finding } from '../validate/finding.ts';

/** A consumer's reply as the response check sees it. */
export interface DeliveryResponse {
  status: number;
  headers: HeaderMap;
  body: Uint8Array;
}

/** What `deliver` needs from a validator: `createValidator(document)` returns one. */
export interface ResponseChecker {
  checkResponse(
    operation: OperationSpec,
    response: DeliveryResponse,
    contractId?: string,
  ): Finding[];
}
