import { isCallbackVerifyError } from '../../errors.ts';
import type { Contract, MediaTypeSpec } from '../../spec/contract.ts';
import type { LoadedDocument } from '../../spec/document.ts';
import { describeSource, evaluateUrlTemplate } from '../../spec/runtime-expression/index.ts';
import type { RuntimeContext } from '../../spec/runtime-expression/types.ts';
import type { Finding } from '../../validate/finding.ts';
import { buildDeliveryRequest } from '../build-delivery-request.ts';
import { buildPayload } from '../build-payload.ts';
import type { DeliveryRequest } from '../delivery-request.ts';
import { pickMedia } from '../pick-media.ts';
import { sampleSchema } from '../sample-schema.ts';
import { type SerializedBody, serializeBody } from '../serialize-body.ts';

/** One callback ready to deliver, or why it cannot be. */
export type PlannedCallback =
  | { ok: true; contract: Contract; request: DeliveryRequest; payload: string }
  | { ok: false; contract: Contract; finding: Finding };

/** How payloads are chosen. */
export interface PayloadChoice {
  /** Named example to send where the callback declares it; others send their first example. */
  example?: string;
  /** Generate payloads from the schema even where examples exist. */
  dynamic?: boolean;
}

/**
 * Builds the request one callback makes after a trigger exchange: the URL its key evaluates to on
 * the consumer's real request and the mock's answer, the declared header parameters, and the
 * payload (a named or first example, else generated from the schema). A URL that cannot be
 * evaluated, or is not absolute http(s), is a finding, never a request to an empty URL.
 *
 * @example
 * const planned = planCallback(document, contract, buildTriggerContext(received), { example: 'paid' });
 * if (planned.ok) await deliver(planned.request, …);
 */
export function planCallback(
  document: LoadedDocument,
  contract: Contract,
  context: RuntimeContext,
  choice: PayloadChoice = {},
): PlannedCallback {
  const fail = (finding: Omit<Finding, 'contract' | 'severity'>): PlannedCallback => ({
    ok: false,
    contract,
    finding: { severity: 'error', contract: contract.id, spec: contract.pointer, ...finding },
  });
  const trigger = `${context.method} ${new URL(context.url).pathname}`;
  if (contract.expression === undefined) {
    return fail({
      check: 'callback.url-unresolved',
      message: `The callback ${contract.name} has no URL expression, so it cannot be sent.`,
    });
  }
  const evaluated = evaluateUrlTemplate(contract.expression, context);
  if (!evaluated.ok) {
    const missing = evaluated.missing.map(describeSource).join(', ');
    return fail({
      check: 'callback.url-unresolved',
      message: `The callback ${contract.name} was not sent: its URL ${contract.expression.raw} reads ${missing}, which the request ${trigger} did not carry.`,
      where: '/url',
      expected: contract.expression.raw,
    });
  }
  if (!isHttpUrl(evaluated.value)) {
    return fail({
      check: 'callback.url-invalid',
      message: `The callback ${contract.name} was not sent: its URL ${contract.expression.raw} gave "${evaluated.value}" for the request ${trigger}, which is not an absolute http(s) URL.`,
      where: '/url',
      expected: contract.expression.raw,
      actual: evaluated.value,
    });
  }
  let body: SerializedBody | undefined;
  let payload = 'empty';
  const media = pickMedia(contract.operation.requestBody?.content ?? []);
  if (media !== undefined) {
    try {
      const built = choosePayload(document, media, choice);
      payload = built.source;
      body = serializeBody(built.value, media.mediaType);
    } catch (error) {
      if (!isCallbackVerifyError(error)) throw error;
      return fail({
        check: 'callback.payload',
        message: `The callback ${contract.name} was not sent: ${error.message}`,
        spec: media.pointer,
      });
    }
  }
  return {
    ok: true,
    contract,
    request: buildDeliveryRequest(document, contract, evaluated.value, body),
    payload,
  };
}

function choosePayload(
  document: LoadedDocument,
  media: MediaTypeSpec,
  choice: PayloadChoice,
): { value: unknown; source: string } {
  const wanted = choice.example;
  if (wanted !== undefined && media.examples.some((example) => example.name === wanted)) {
    return buildPayload(document, media, { example: wanted });
  }
  if (choice.dynamic === true && media.schema !== undefined) {
    return { value: sampleSchema(document, media.schema), source: 'generated' };
  }
  return buildPayload(document, media);
}

function isHttpUrl(text: string): boolean {
  const parsed = URL.parse(text);
  return parsed !== null && (parsed.protocol === 'http:' || parsed.protocol === 'https:');
}
