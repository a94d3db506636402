import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { SignatureConfigError, UsageError } from '../errors.ts';
import type { DeliveryResult } from '../report/report.ts';
import type { Catalogue, Contract, MediaTypeSpec } from '../spec/contract.ts';
import type { Finding } from '../validate/finding.ts';
import { createValidator } from '../validate/index.ts';
import { isJsonContentType } from '../validate/media-type.ts';
import { assertHostAllowed } from './allowed-hosts.ts';
import { buildDeliveryRequest } from './build-delivery-request.ts';
import { buildPayload } from './build-payload.ts';
import { checkPayload } from './check-payload.ts';
import { createHostPolicy } from './create-host-policy.ts';
import { DEFAULT_DELIVERY_TIMEOUT_MS, deliver } from './deliver.ts';
import { buildInvalidPayloads } from './invalid-payloads.ts';
import { pickMedia } from './pick-media.ts';
import { resolveContracts } from './resolve-contracts.ts';
import { type SerializedBody, serializeBody } from './serialize-body.ts';
import { payloadNotices, serializePayload } from './serialize-payload.ts';
import type { SignatureScheme } from './signatures/signature-scheme.ts';

/** Options of {@link sendDeliveries}; every field but `to` has a documented default. */
export interface SendOptions {
  /** The contract to deliver: id, callback or webhook name, or operationId. */
  contract?: string;
  /** Deliver every webhook of the document instead (all to `to`). */
  all?: boolean;
  /**
   * The consumer's URL; each delivery goes to exactly this URL, with `{name}` (if written) replaced
   * by the contract's webhook or callback name, e.g. a `listen` receiver's
   * `http://127.0.0.1:4000/<token>/webhooks/{name}` for `all`.
   */
  to: string;
  /** The named example to send; default the first example, else a generated payload. */
  example?: string;
  /** Send this file's bytes as the body instead. */
  bodyFile?: string;
  /** Also send payloads that break the contract and expect the consumer to refuse them. */
  invalid?: boolean;
  /** Sign every delivery with this scheme and `secret`. */
  sign?: SignatureScheme;
  secret?: string;
  /** Extra headers, sent last (they win over declared ones; signature headers win over them). */
  headers?: Readonly<Record<string, string>>;
  /** Hosts besides loopback that may be delivered to; default none. */
  allowHosts?: readonly string[];
  /** Deliver to any host; default false. */
  allowAnyHost?: boolean;
  /** Time allowed for each delivery; default 10 000 ms. */
  timeoutMs?: number;
  /** Extra certificate authorities (PEM) trusted for an https consumer, besides the default ones. */
  ca?: readonly string[];
  /** Called after each delivery, in order. */
  onDelivery?: (result: DeliveryResult) => void;
}

/** What {@link sendDeliveries} did. */
export interface SendResult {
  contracts: Contract[];
  deliveries: DeliveryResult[];
}

interface PlannedDelivery {
  contract: Contract;
  payload: string;
  body?: SerializedBody;
  invalid?: string;
  sign?: { scheme: SignatureScheme; secret: string };
  /** Said about the payload before it is sent (it does not fit its own schema, it was made up). */
  warnings?: Finding[];
}

/**
 * Delivers one callback or webhook (or every webhook) to a consumer and checks each reply; with
 * `invalid`, also sends payloads that break the contract and reports a consumer that accepts one
 * (`consumer.lenient`). Every option is checked, and every payload built, before anything is sent.
 *
 * @example
 * const { deliveries } = await sendDeliveries(catalogue, { contract: 'orderShipped', to: 'http://127.0.0.1:4000/hooks', invalid: true })
 */
export async function sendDeliveries(
  catalogue: Catalogue,
  options: SendOptions,
): Promise<SendResult> {
  const hosts = createHostPolicy(options);
  assertHostAllowed(options.to, hosts);
  const sign = signing(options);
  const contracts = resolveContracts(catalogue, options);
  const file = options.bodyFile === undefined ? undefined : await readBodyFile(options.bodyFile);
  const validator = createValidator(catalogue.document);
  const planned: PlannedDelivery[] = [];
  for (const contract of contracts) {
    try {
      planned.push(...planContract(catalogue, contract, options, sign, file, validator));
    } catch (error) {
      // With several contracts (--all) the message must say which payload could not be built.
      if (!(error instanceof UsageError) || contracts.length === 1) throw error;
      throw new UsageError(`${contract.id}: ${error.message}`, {
        hint: `${error.hint ?? ''} Or send the other contracts one by one, naming each.`.trim(),
        cause: error,
      });
    }
  }
  const deliveries: DeliveryResult[] = [];
  for (const [index, plan] of planned.entries()) {
    const request = buildDeliveryRequest(
      catalogue.document,
      plan.contract,
      targetOf(options.to, plan.contract),
      plan.body,
      options.headers,
    );
    const result = await deliver(request, {
      id: `dl-${String(index + 1).padStart(6, '0')}`,
      contract: plan.contract,
      payload: plan.payload,
      checker: validator,
      hosts,
      ...(plan.sign === undefined ? {} : { sign: plan.sign }),
      ...(plan.invalid === undefined ? {} : { invalid: plan.invalid }),
      timeoutMs: options.timeoutMs ?? DEFAULT_DELIVERY_TIMEOUT_MS,
      ...(options.ca === undefined ? {} : { ca: options.ca }),
    });
    if (plan.warnings !== undefined) result.findings.unshift(...plan.warnings);
    deliveries.push(result);
    options.onDelivery?.(result);
  }
  return { contracts, deliveries };
}

function planContract(
  catalogue: Catalogue,
  contract: Contract,
  options: SendOptions,
  sign: PlannedDelivery['sign'],
  file: Uint8Array | undefined,
  validator: ReturnType<typeof createValidator>,
): PlannedDelivery[] {
  const document = catalogue.document;
  const content = contract.operation.requestBody?.content ?? [];
  const media = pickMedia(content);
  const base = { contract, ...(sign === undefined ? {} : { sign }) };
  let value: unknown;
  let valid: PlannedDelivery;
  if (file !== undefined) {
    const contentType =
      options.headers?.['content-type'] ?? media?.mediaType ?? 'application/octet-stream';
    valid = { ...base, payload: 'file', body: serializeBody(file, contentType) };
    value = parseJsonIfDeclared(file, media);
  } else if (media === undefined) {
    valid = { ...base, payload: 'empty' };
  } else {
    const built = buildPayload(
      document,
      media,
      options.example === undefined ? { validator } : { example: options.example, validator },
    );
    value = built.value;
    const serialized = serializePayload(built, { document, media });
    valid = { ...base, payload: built.source, body: serialized.body };
    const notices = payloadNotices(serialized, contract.id, media);
    if (notices.length > 0) valid.warnings = notices;
  }
  const unfit = checkPayload(
    media,
    value,
    valid.payload,
    contract,
    validator,
    'Send another with --example <name> or --body <file>.',
  );
  if (unfit !== undefined) valid.warnings = [...(valid.warnings ?? []), unfit];
  if (options.invalid !== true) return [valid];
  const invalid: PlannedDelivery[] = [];
  if (media !== undefined && value !== undefined) {
    const declared = content.map((item) => item.mediaType);
    for (const broken of buildInvalidPayloads(document, media, value, declared)) {
      if (broken.kind !== 'wrong-content-type' && media.schema !== undefined) {
        // Keep only payloads the validator itself rejects: a mutation the schema still allows proves nothing.
        const findings = validator.checkValue(media.schema, broken.value, '/body', contract.id);
        if (!findings.some((finding) => finding.severity === 'error')) continue;
      }
      const body = serializeBody(broken.value, media.mediaType, { document, media });
      invalid.push({
        ...base,
        payload: `invalid:${broken.kind}${broken.where === '' ? '' : `:${broken.where}`}`,
        body:
          broken.contentType === undefined ? body : { ...body, contentType: broken.contentType },
        invalid: broken.description,
      });
    }
  }
  if (sign !== undefined) {
    invalid.push({
      ...valid,
      payload: 'invalid:bad-signature',
      invalid: 'a signature made with the wrong secret',
      sign: { scheme: sign.scheme, secret: wrongSecret(sign.scheme) },
    });
  }
  return [valid, ...invalid];
}

/**
 * A warning when the payload sent as valid does not fit the contract's own schema (an example
 * that contradicts it, or a value the generator could not make fit, such as a recursive
 * property): a consumer that validates will refuse it, and that is not the consumer's fault.
 */
/** `to` with `{name}` replaced by the contract's (percent-encoded) name. */
function targetOf(to: string, contract: Contract): string {
  return to.replaceAll('{name}', encodeURIComponent(contract.name));
}

function parseJsonIfDeclared(file: Uint8Array, media: MediaTypeSpec | undefined): unknown {
  if (media === undefined) return undefined;
  if (!isJsonContentType(media.mediaType)) return undefined;
  try {
    return JSON.parse(new TextDecoder().decode(file));
  } catch {
    return undefined;
  }
}

function signing(options: SendOptions): PlannedDelivery['sign'] {
  if (options.sign === undefined) {
    if (options.secret !== undefined) {
      throw new UsageError('--secret is only used with --sign <scheme>.', {
        hint: 'Add --sign standard-webhooks|github|stripe|hmac-sha256, or drop --secret.',
      });
    }
    return undefined;
  }
  if (options.secret === undefined || options.secret === '') {
    throw new SignatureConfigError(`Signing with ${options.sign} needs a secret.`, {
      hint: 'Pass it with --secret <secret>.',
    });
  }
  return { scheme: options.sign, secret: options.secret };
}

function wrongSecret(scheme: SignatureScheme): string {
  const random = randomBytes(24).toString('base64');
  return scheme === 'standard-webhooks' ? `whsec_${random}` : `wrong-${random}`;
}

async function readBodyFile(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (cause) {
    const code = cause instanceof Error && 'code' in cause ? cause.code : undefined;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a folder, not a file'
          : code === 'EACCES'
            ? 'permission denied'
            : cause instanceof Error
              ? cause.message
              : String(cause);
    throw new UsageError(`Cannot read the body file ${path}: ${why}.`, {
      hint: 'Check the path given to --body.',
      cause,
    });
  }
}
