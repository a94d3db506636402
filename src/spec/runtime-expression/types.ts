import type { Severity } from '../../validate/finding.ts';

/** What one runtime expression reads from an exchange (trigger request + response). */
export type ExpressionSource =
  | { type: 'url' }
  | { type: 'method' }
  | { type: 'statusCode' }
  /** `$request.header.N` / `$response.header.N`; `name` as written, matched case-insensitively. */
  | { type: 'header'; from: 'request' | 'response'; name: string }
  /** `$request.query.N` */
  | { type: 'query'; name: string }
  /** `$request.path.N` */
  | { type: 'path'; name: string }
  /** `$request.body`, `$request.body#/a/b`, `$response.body#/…`; `pointer` is '' for the whole body. */
  | { type: 'body'; from: 'request' | 'response'; pointer: string }
  /**
   * FastAPI's `{$callback_url}`: the trigger operation's parameter of that name, wherever it is.
   * `style: 'plain'` marks a best-effort reading of a plain variable such as `{webhookURL}`.
   */
  | { type: 'parameter'; name: string; style?: 'plain' }
  /** A key that could not be read as any expression; kept so nothing is lost. */
  | { type: 'unknown'; text: string };

/** Which grammar an expression was read with. */
export type ExpressionDialect = 'standard' | 'fastapi' | 'lenient';

/** One piece of a callback key: literal text, or an embedded `{…}` expression. */
export type TemplatePart =
  | { kind: 'literal'; text: string }
  | { kind: 'expression'; raw: string; source: ExpressionSource; dialect: ExpressionDialect };

/** Stable ids of the problems a callback key can have. */
export type ExpressionIssueCode =
  | 'expression.fastapi-dialect'
  | 'expression.missing-dollar'
  | 'expression.unbalanced-braces'
  | 'expression.plain-variable'
  | 'expression.free-text'
  | 'expression.no-expression'
  | 'expression.unknown-source'
  | 'expression.invalid-pointer'
  | 'expression.dotted-pointer';

/** A problem found while parsing a callback key; becomes a lint finding. */
export interface ExpressionIssue {
  code: ExpressionIssueCode;
  severity: Severity;
  message: string;
}

/** Where the scheme and host of the callback URL come from. */
export type UrlBase =
  /** The first part is an expression (e.g. `{$request.query.callback_url}`): a receiver URL can be injected there. */
  | { kind: 'expression'; source: ExpressionSource }
  /** A literal origin such as `http://notificationServer.com`: cannot be captured by injection. */
  | { kind: 'fixed'; origin: string }
  /** Starts with `/`: a path with no host. */
  | { kind: 'relative' }
  /** Free text or nothing URL-like. */
  | { kind: 'none' };

/** A callback key (runtime expression template), parsed once. */
export interface UrlTemplate {
  /** The key exactly as written in the document. */
  raw: string;
  parts: TemplatePart[];
  base: UrlBase;
  issues: ExpressionIssue[];
}

/** The values an expression can read, taken from a real trigger exchange. */
export interface RuntimeContext {
  /** The full trigger request URL, as sent. */
  url: string;
  method: string;
  statusCode?: number;
  request: {
    headers: Readonly<Record<string, string | readonly string[] | undefined>>;
    query: Readonly<Record<string, string | readonly string[] | undefined>>;
    path: Readonly<Record<string, string | undefined>>;
    body?: unknown;
  };
  response?: {
    headers: Readonly<Record<string, string | readonly string[] | undefined>>;
    body?: unknown;
  };
}

/** Result of evaluating a template against a context. */
export type EvaluationResult =
  | { ok: true; value: string }
  /** Some sources had no value; `value` is a best-effort rendering with those parts left empty. */
  | { ok: false; value: string; missing: ExpressionSource[] };

/** A value captured by a receiver path matcher for one embedded expression. */
export interface CapturedValue {
  source: ExpressionSource;
  /** The embedded expression as the key writes it, without braces, e.g. `$request.body#/id`. */
  expression: string;
  /** The captured text as it appeared in the URL (still percent-encoded). */
  raw: string;
  value: string;
}

/** Matches the part of a callback URL after its base (path and query) against a template. */
export interface TemplateMatcher {
  /** Matches a received path (+ query string, if any); `null` when it does not match. */
  match(pathAndQuery: string): { captured: CapturedValue[] } | null;
  /** Longer literal text wins when several contracts match. */
  specificity: number;
  /** The template tail as a path pattern for display, e.g. `/invoices/{$request.body#/id}`. */
  pattern: string;
}

/**
 * Where a trigger request must carry a receiver URL so that the provider calls it back.
 * `parameter` is the FastAPI form: the trigger operation's parameter of that name, wherever it is declared.
 */
export interface InjectionPoint {
  in: 'query' | 'header' | 'path' | 'body' | 'parameter';
  /** Parameter or header name (`query`, `header`, `path`, `parameter`). */
  name?: string;
  /** JSON pointer into the request body (`body`); `''` is the whole body. */
  pointer?: string;
  /** Other pointers the provider may mean, e.g. `/webhooks/url` for a dotted `/webhooks.url`. */
  alternatives?: string[];
}
