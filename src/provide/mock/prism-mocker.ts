import type { IHttpRequest, IHttpResponse } from '@stoplight/prism-http';
import type { LoadedDocument } from '../../spec/document.ts';
import { appendPointer } from '../../spec/json-pointer.ts';
import type { Finding, Severity } from '../../validate/finding.ts';

// The one file that knows Prism: its operations, fp-ts results and diagnostics stop here.

/** A request to the mocked API, as the mock server read it. */
export interface MockedRequest {
  /** Lower-case HTTP method. */
  method: string;
  /** Path without the query string, e.g. `/invoices/42`. */
  path: string;
  query: Record<string, string | string[]>;
  /** Lower-case header names. */
  headers: Record<string, string>;
  /** Parsed JSON, form text or text; `undefined` for an empty body. */
  body: unknown;
  /** Body size in bytes. */
  bodyLength: number;
}

/** What the mocked API answers, ready to write. */
export interface MockedAnswer {
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body: Uint8Array;
  /** The body as a value (what `$response.body` expressions read). */
  value: unknown;
  /** Problems Prism found in the request (it validates every request against the spec). */
  findings: Finding[];
}

/** Answers requests the way the document says the API does. */
export interface Mocker {
  answer(request: MockedRequest): Promise<MockedAnswer>;
}

/** A value of fp-ts `Either`, read without importing fp-ts. */
type EitherOf<L, R> = { _tag: 'Left'; left: L } | { _tag: 'Right'; right: R };

const encoder = new TextEncoder();

/**
 * Builds a Prism mock of the document's API: request validation on, static examples (or
 * `dynamic` generated values). Prism's own callback firing is switched off, because the mock
 * provider fires callbacks itself with the tool's runtime-expression engine.
 *
 * @example
 * const mocker = await createPrismMocker(document, { dynamic: false });
 * const answer = await mocker.answer({ method: 'post', path: '/invoices', query: {}, headers, body, bodyLength });
 */
export async function createPrismMocker(
  document: LoadedDocument,
  options: { dynamic: boolean },
): Promise<Mocker> {
  // Loaded on first use: Prism and its data generators take most of a second to import, which
  // every other command and library user would otherwise pay at start-up.
  const [{ createLogger }, { createInstance, getHttpOperationsFromSpec, ProblemJsonError }] =
    await Promise.all([import('@stoplight/prism-core'), import('@stoplight/prism-http')]);
  const toProblem = (error: Error) => ProblemJsonError.toProblemJson(error);
  // Prism dereferences the object it is given in place; the loaded document must stay as it is.
  const operations = await getHttpOperationsFromSpec(structuredClone(document.document));
  for (const operation of operations) operation.callbacks = undefined;
  const prism = createInstance(
    {
      mock: { dynamic: options.dynamic },
      checkSecurity: true,
      validateRequest: true,
      validateResponse: false,
      errors: false,
      upstreamProxy: undefined,
      isProxy: false,
    },
    { logger: createLogger('callback-verify-mock', { level: 'silent' }) },
  );
  return {
    async answer(request) {
      const input: IHttpRequest = {
        method: toPrismMethod(request.method),
        url: { path: request.path, query: request.query },
        headers: {
          ...request.headers,
          // Prism only validates a body when the request says how long it is.
          ...(request.bodyLength > 0 ? { 'content-length': String(request.bodyLength) } : {}),
        },
        body: request.body,
      };
      const result: EitherOf<
        Error,
        { output: IHttpResponse; validations: { input: Diagnostic[] } }
      > = await prism.request(input, operations)();
      if (result._tag === 'Left')
        return problemAnswer(result.left, toProblem(result.left), request);
      const { output, validations } = result.right;
      return {
        ...serialise(output.statusCode, output.headers ?? {}, output.body),
        findings: validations.input.map((diagnostic) => toFinding(diagnostic, request)),
      };
    },
  };
}

interface Diagnostic {
  message: string;
  severity: number;
  path?: string[];
}

function toPrismMethod(method: string): IHttpRequest['method'] {
  const lower = method.toLowerCase();
  switch (lower) {
    case 'get':
    case 'put':
    case 'post':
    case 'delete':
    case 'options':
    case 'head':
    case 'patch':
    case 'trace':
      return lower;
    default:
      // Prism's router answers 405 for a method the path does not declare.
      return 'trace';
  }
}

function problemAnswer(
  error: Error,
  problem: { title: string; status: number; detail: string },
  request: MockedRequest,
): MockedAnswer {
  const extra = readHeaders(error);
  const answer = serialise(
    problem.status,
    { 'content-type': 'application/problem+json', ...extra },
    problem,
  );
  const what = `${request.method.toUpperCase()} ${request.path}`;
  const finding: Finding = {
    check: 'trigger.request',
    severity: problem.status >= 500 ? 'error' : 'warning',
    message:
      problem.status === 404 || problem.status === 405
        ? `The spec declares no operation for ${what}; the mock answered ${problem.status}.`
        : `The mock could not answer ${what}: ${problem.title}${describeValidation(error)}${problem.detail === '' ? '' : ` (${problem.detail})`}.`,
    where: problem.status === 405 ? '/method' : '/url',
    actual: what,
  };
  return { ...answer, findings: [finding] };
}

/** What Prism found wrong with a request it refused (`additional.validation`), as `: a; b`. */
function describeValidation(error: Error): string {
  if (!('additional' in error) || typeof error.additional !== 'object' || error.additional === null)
    return '';
  if (!('validation' in error.additional) || !Array.isArray(error.additional.validation)) return '';
  const messages: string[] = [];
  for (const item of error.additional.validation) {
    if (typeof item === 'object' && item !== null && 'message' in item)
      messages.push(String(item.message));
  }
  return messages.length === 0 ? '' : `: ${messages.join('; ')}`;
}

function readHeaders(error: Error): Record<string, string> {
  if (
    !('additional' in error) ||
    typeof error.additional !== 'object' ||
    error.additional === null
  ) {
    return {};
  }
  if (!('headers' in error.additional)) return {};
  const headers = error.additional.headers;
  if (typeof headers !== 'object' || headers === null) return {};
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value === 'string') out[name.toLowerCase()] = value;
  }
  return out;
}

function serialise(
  status: number,
  headers: Record<string, string>,
  value: unknown,
): Omit<MockedAnswer, 'findings'> {
  const lower: Record<string, string> = {};
  for (const [name, text] of Object.entries(headers)) lower[name.toLowerCase()] = text;
  let body: Uint8Array;
  if (value === undefined || value === null) body = new Uint8Array();
  else if (typeof value === 'string') body = encoder.encode(value);
  else {
    body = encoder.encode(JSON.stringify(value));
    lower['content-type'] ??= 'application/json';
  }
  return { status, headers: lower, body, value };
}

function toFinding(diagnostic: Diagnostic, request: MockedRequest): Finding {
  const what = `${request.method.toUpperCase()} ${request.path}`;
  const where = toWhere(diagnostic.path ?? []);
  return {
    check: 'trigger.request',
    severity: toSeverity(diagnostic.severity),
    message: `The request ${what} does not follow the spec: ${diagnostic.message}.`,
    ...(where === undefined ? {} : { where }),
  };
}

/** Prism's paths (`['body', 'total']`, `['header', 'x-id']`) as the tool's request pointers. */
function toWhere(path: readonly string[]): string | undefined {
  if (path.length === 0) return undefined;
  const [section = '', ...rest] = path;
  const head = section === 'header' ? 'headers' : section;
  return appendPointer('', head, ...rest);
}

// Prism grades request problems like a language server; a consumer's bad request is reported,
// not failed, because the mock answers it with the declared error response as the real API would.
function toSeverity(severity: number): Severity {
  return severity === 0 || severity === 1 ? 'warning' : 'info';
}
