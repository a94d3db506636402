/**
 * The error catalogue. Every failure of the tool itself (not a conformance
 * problem, which is a {@link Finding}) is a `CallbackVerifyError` subclass with
 * a stable `code` and a message that says what happened, why, and what to do.
 */

/** Stable error codes; never renamed once released. */
export type ErrorCode =
  | 'CV_USAGE'
  | 'CV_CONFIG_INVALID'
  | 'CV_SPEC_NOT_FOUND'
  | 'CV_SPEC_UNREACHABLE'
  | 'CV_SPEC_PARSE'
  | 'CV_SPEC_REF'
  | 'CV_SPEC_SWAGGER2'
  | 'CV_SPEC_NOT_OPENAPI'
  | 'CV_SPEC_UNSUPPORTED_VERSION'
  | 'CV_CONTRACT_NOT_FOUND'
  | 'CV_PORT_IN_USE'
  | 'CV_LISTEN_FAILED'
  | 'CV_PROVIDER_START'
  | 'CV_PROVIDER_UNREACHABLE'
  | 'CV_HOST_NOT_ALLOWED'
  | 'CV_SIGNATURE_CONFIG'
  | 'CV_TLS_CONFIG'
  | 'CV_REPORT_WRITE'
  | 'CV_INTERNAL';

/** Base class of every error the tool throws on purpose. */
export class CallbackVerifyError extends Error {
  readonly code: ErrorCode;
  /** What the user can do about it, one sentence. */
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, options?: { hint?: string; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.hint = options?.hint;
  }
}

/** Flags, arguments or options that cannot be used as given. */
export class UsageError extends CallbackVerifyError {
  constructor(message: string, options?: { hint?: string; cause?: unknown }) {
    super('CV_USAGE', message, options);
  }
}

/** A configuration file that cannot be read or does not have the documented shape. */
export class ConfigError extends CallbackVerifyError {
  constructor(message: string, options?: { hint?: string; cause?: unknown }) {
    super('CV_CONFIG_INVALID', message, options);
  }
}

/** A spec document that cannot be loaded; `code` says which way it failed. */
export class SpecError extends CallbackVerifyError {
  /** The file or URL that was being loaded. */
  readonly source: string;
  constructor(
    code: Extract<
      ErrorCode,
      | 'CV_SPEC_NOT_FOUND'
      | 'CV_SPEC_UNREACHABLE'
      | 'CV_SPEC_PARSE'
      | 'CV_SPEC_REF'
      | 'CV_SPEC_SWAGGER2'
      | 'CV_SPEC_NOT_OPENAPI'
      | 'CV_SPEC_UNSUPPORTED_VERSION'
    >,
    source: string,
    message: string,
    options?: { hint?: string; cause?: unknown },
  ) {
    super(code, message, options);
    this.source = source;
  }
}

/** A contract id (or operation, tag) named by the user that the catalogue does not have. */
export class ContractNotFoundError extends CallbackVerifyError {
  constructor(message: string, options?: { hint?: string; cause?: unknown }) {
    super('CV_CONTRACT_NOT_FOUND', message, options);
  }
}

/** A server (receiver, mock, dashboard) could not bind its address. */
export class ListenError extends CallbackVerifyError {
  readonly host: string;
  readonly port: number;
  constructor(
    code: Extract<ErrorCode, 'CV_PORT_IN_USE' | 'CV_LISTEN_FAILED'>,
    host: string,
    port: number,
    message: string,
    options?: { hint?: string; cause?: unknown },
  ) {
    super(code, message, options);
    this.host = host;
    this.port = port;
  }
}

/** The provider under test could not be started or reached. */
export class ProviderError extends CallbackVerifyError {
  /** Whatever the provider process printed before it failed, if it was started by the tool. */
  readonly output: string | undefined;
  constructor(
    code: Extract<ErrorCode, 'CV_PROVIDER_START' | 'CV_PROVIDER_UNREACHABLE'>,
    message: string,
    options?: { hint?: string; cause?: unknown; output?: string },
  ) {
    super(code, message, options);
    this.output = options?.output;
  }
}

/** An outgoing delivery to a host that the allow-list does not contain. */
export class HostNotAllowedError extends CallbackVerifyError {
  readonly host: string;
  constructor(host: string) {
    super(
      'CV_HOST_NOT_ALLOWED',
      `Refusing to deliver to ${host}: only loopback hosts are allowed by default.`,
      { hint: `Pass --allow-host ${host} (or --allow-any-host) if you mean to send there.` },
    );
    this.host = host;
  }
}

/** A signature scheme used without the secret or options it needs. */
export class SignatureConfigError extends CallbackVerifyError {
  constructor(message: string, options?: { hint?: string; cause?: unknown }) {
    super('CV_SIGNATURE_CONFIG', message, options);
  }
}

/** A TLS certificate, key or CA file that cannot be read or used (`--tls-cert`, `--tls-key`, `--ca`). */
export class TlsConfigError extends CallbackVerifyError {
  constructor(message: string, options?: { hint?: string; cause?: unknown }) {
    super('CV_TLS_CONFIG', message, options);
  }
}

/** A report file that could not be written, or the report page's assets missing from the package. */
export class ReportError extends CallbackVerifyError {
  /** The file or directory involved, when there is one. */
  readonly path: string | undefined;
  constructor(
    code: Extract<ErrorCode, 'CV_REPORT_WRITE' | 'CV_INTERNAL'>,
    message: string,
    options?: { hint?: string; cause?: unknown; path?: string },
  ) {
    super(code, message, options);
    this.path = options?.path;
  }
}

/** Type guard for errors thrown by the tool on purpose. */
export function isCallbackVerifyError(error: unknown): error is CallbackVerifyError {
  return error instanceof CallbackVerifyError;
}
