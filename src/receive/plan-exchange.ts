import type { Contract } from '../spec/contract.ts';
import type { CapturedValue } from '../spec/runtime-expression/types.ts';
import { wireMethod } from '../spec/wire-method.ts';
import { type Finding, hasErrors } from '../validate/finding.ts';
import type { Validator } from '../validate/index.ts';
import type { RouteTable } from './build-route-table.ts';
import type { AnswerBook } from './create-answer-book.ts';
import type { InboundRequest, ReceiverAnswer } from './exchange.ts';
import { inspectBody } from './inspect-body.ts';
import { matchRoute } from './match-route.ts';
import { nearestContracts } from './nearest-contracts.ts';

/** The validator's verdict on a request for one contract; a validator bug becomes a finding. */
function check(
  validator: Validator,
  contract: Contract,
  request: InboundRequest,
  captured: CapturedValue[],
): { findings: Finding[]; parsedBody?: unknown } {
  try {
    return validator.checkRequest(contract, request, { captured });
  } catch (error) {
    return {
      findings: [
        {
          check: 'receiver.internal',
          severity: 'error',
          message: `Validating this request failed inside callback-verify: ${error instanceof Error ? error.message : String(error)}.`,
          contract: contract.id,
        },
      ],
    };
  }
}

/** What a receiver needs to judge a request. */
export interface PlanContext {
  table: RouteTable;
  validator: Validator;
  answers: AnswerBook;
  /** `/<token>`: every receiver URL starts with it. */
  tokenPrefix: string;
  /** Trigger segments handed out by `urlFor(contract, trigger)`. */
  triggers: ReadonlySet<string>;
  unmatchedStatus: number;
}

/** A request judged: its contract (if any), findings, and the answer to give. */
export interface PlannedExchange {
  contract?: string;
  /** Look-alike contracts (same URL and method) whose checks the request passes too. */
  alsoConformsTo?: string[];
  token?: string;
  parsedBody?: unknown;
  findings: Finding[];
  answer: ReceiverAnswer;
  delayMs: number;
}

/**
 * Routes a complete request to its contract, checks it (transport checks, then the validator)
 * and picks the answer: 404 for an unexpected callback (naming the nearest contracts), 405 for a
 * method the contract does not declare, 400 for a body that cannot be what it claims to be, else
 * the contract's declared or scripted answer.
 * @example planExchange(context, { method: 'POST', url: '/tok/cb/createInvoice/invoices/1', headers, body }).answer.status // 200
 */
export function planExchange(context: PlanContext, request: InboundRequest): PlannedExchange {
  const { table, triggers, validator } = context;
  const { carriesToken, rest } = splitToken(context.tokenPrefix, request.url);
  if (!carriesToken) {
    return unexpected(
      context,
      request,
      `${request.method} ${request.url} does not carry this receiver's token, so it belongs to no contract of this run.`,
      rest,
    );
  }
  const match = matchRoute(table, request.method, rest, triggers);
  if (match.kind === 'unmatched') {
    // The whole URL, token included, as in `actual` and the nearest contracts, so the three line up.
    return unexpected(
      context,
      request,
      `${request.method} ${request.url} matches no contract.`,
      rest,
    );
  }
  const withToken = match.trigger === undefined ? {} : { token: match.trigger };
  if (match.kind === 'method-mismatch') {
    const declared = [...new Set(match.routes.map((r) => wireMethod(r.contract.method)))];
    const contract = match.routes[0]?.contract.id;
    return {
      ...withToken,
      ...(contract === undefined ? {} : { contract }),
      findings: [
        {
          check: 'method.mismatch',
          severity: 'error',
          message: `${request.method} is not declared for this URL; the document declares ${declared.join(', ')} (${match.routes.map((r) => r.contract.id).join(', ')}).`,
          where: '/method',
          expected: declared.length === 1 ? declared[0] : declared,
          actual: request.method,
          ...(contract === undefined ? {} : { contract }),
          spec: match.routes[0]?.contract.operation.pointer ?? '',
        },
      ],
      answer: {
        status: 405,
        headers: { allow: declared.join(', ') },
        body: '',
      },
      delayMs: 0,
    };
  }
  // The same key and method declared twice cannot be told apart by URL: the first contract the
  // request conforms to wins, else the first declared. Every tie is checked (ties are rare:
  // look-alike callbacks), so a run can count a delivery for whichever look-alike it fits and
  // is still expected.
  type Checked = { contract: Contract; result: ReturnType<typeof check> };
  const first: Checked = {
    contract: match.route.contract,
    result: check(validator, match.route.contract, request, match.captured),
  };
  const passing: Checked[] = hasErrors(first.result.findings) ? [] : [first];
  for (const tie of match.ties) {
    const result = check(validator, tie.route.contract, request, tie.captured);
    if (!hasErrors(result.findings)) passing.push({ contract: tie.route.contract, result });
  }
  const [chosen = first, ...others] = passing;
  const { contract, result: checked } = chosen;
  const alsoConformsTo = others.map((other) => other.contract.id);
  const inspection = inspectBody(request, contract.id, {
    parsedAlready: checked.parsedBody !== undefined,
  });
  const own = new Set(inspection.findings.map((f) => f.where));
  // The receiver already said what is wrong with the bytes; the validator would repeat it.
  let findings: Finding[] = [
    ...inspection.findings,
    ...checked.findings.filter(
      (f) => !(own.has(f.where) && (f.check === 'body.encoding' || f.check === 'body.malformed')),
    ),
  ];
  const parsedBody = checked.parsedBody;
  findings = findings.map((f) => (f.contract === undefined ? { ...f, contract: contract.id } : f));
  const planned = inspection.unusable
    ? {
        answer: {
          status: 400,
          headers: { 'content-type': 'text/plain; charset=utf-8' },
          body: `${inspection.findings[0]?.message ?? 'Unusable body.'}\n`,
        },
        delayMs: 0,
      }
    : context.answers.next(contract.id, match.trigger);
  return {
    ...withToken,
    contract: contract.id,
    ...(alsoConformsTo.length === 0 ? {} : { alsoConformsTo }),
    ...(parsedBody === undefined ? {} : { parsedBody }),
    findings,
    ...planned,
  };
}

/** Whether a URL starts with the receiver's token, and what follows it. */
function splitToken(tokenPrefix: string, url: string): { carriesToken: boolean; rest: string } {
  if (url === tokenPrefix) return { carriesToken: true, rest: '/' };
  if (url.startsWith(`${tokenPrefix}/`)) {
    return { carriesToken: true, rest: url.slice(tokenPrefix.length) };
  }
  return { carriesToken: false, rest: url };
}

/**
 * The contract (and trigger token) a request's method and URL belong to, without checking the
 * request: for one whose body never arrived whole, so it is still counted for its contract.
 * @example locateRequest(context, 'POST', '/tok/cb/createInvoice/invoices/1') // { contract: 'createInvoice/invoicePaid/post' }
 */
export function locateRequest(
  context: Pick<PlanContext, 'table' | 'tokenPrefix' | 'triggers'>,
  method: string,
  url: string,
): { contract?: string; token?: string } {
  const { carriesToken, rest } = splitToken(context.tokenPrefix, url);
  if (!carriesToken) return {};
  const match = matchRoute(context.table, method, rest, context.triggers);
  if (match.kind !== 'matched') return {};
  return {
    contract: match.route.contract.id,
    ...(match.trigger === undefined ? {} : { token: match.trigger }),
  };
}

function unexpected(
  context: PlanContext,
  request: InboundRequest,
  what: string,
  rest: string,
): PlannedExchange {
  const { table } = context;
  const nearest = nearestContracts(table, request.method, rest);
  const hint =
    nearest.length === 0
      ? ' The document declares no callbacks or webhooks.'
      : ` Nearest contracts: ${nearest.map((id) => `${id} (${describeRoute(context, id)})`).join(', ')}.`;
  return {
    findings: [
      {
        check: 'callback.unexpected',
        severity: 'error',
        message: `Unexpected callback: ${what}${hint}`,
        where: '/url',
        expected: nearest,
        actual: `${request.method} ${request.url}`,
      },
    ],
    answer: { status: context.unmatchedStatus, headers: {}, body: '' },
    delayMs: 0,
  };
}

function describeRoute(context: PlanContext, contractId: string): string {
  const { table, tokenPrefix } = context;
  const route = table.byContract.get(contractId);
  if (route === undefined) return contractId;
  const pattern = route.pattern === '/' ? '' : route.pattern;
  return `${wireMethod(route.contract.method)} ${tokenPrefix}${route.prefix}${pattern}`;
}
