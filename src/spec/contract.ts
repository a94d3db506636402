import type { Finding } from '../validate/finding.ts';
import type { LoadedDocument } from './document.ts';
import type { UrlTemplate } from './runtime-expression/types.ts';

/** The lower-case HTTP methods a Path Item declares as fixed fields (`query` since OAS 3.2). */
export type FixedHttpMethod =
  | 'get'
  | 'put'
  | 'post'
  | 'delete'
  | 'options'
  | 'head'
  | 'patch'
  | 'trace'
  | 'query';

/**
 * A method named by a key of an OAS 3.2 Path Item's `additionalOperations` (`PURGE`, `LINK`, …),
 * kept exactly as written because it is sent with that capitalisation. Only `isAdditionalMethod`
 * makes one, so a plain string never passes for it.
 */
export type AdditionalHttpMethod = string & { readonly additionalHttpMethod: true };

/** The method of an operation: a fixed field (lower case) or an `additionalOperations` key (as written). */
export type HttpMethod = FixedHttpMethod | AdditionalHttpMethod;

/** A named example, from `example`, `examples` or a schema's `example(s)`. */
export interface ExampleSpec {
  /** The key under `examples`, or `default` for a lone `example`. */
  name: string;
  value: unknown;
  /** JSON pointer of the example in the document. */
  pointer: string;
}

/** A schema as written (it may hold internal `$ref`s), with where it lives. */
export interface SchemaSpec {
  /** The schema object as written in the bundled document (a `$ref` stays a `$ref`). */
  schema: unknown;
  /** JSON pointer of the schema in the document; validators reference it by this pointer. */
  pointer: string;
}

/**
 * One parameter (path, query, header, cookie, or OAS 3.2's `querystring`: the whole query string
 * as one value, described by `content`) with `$ref`s resolved.
 */
export interface ParameterSpec {
  name: string;
  in: 'path' | 'query' | 'querystring' | 'header' | 'cookie';
  required: boolean;
  schema?: SchemaSpec;
  examples: ExampleSpec[];
  pointer: string;
  /** `style` as written; absent means the OAS default for `in` (`form` for query/cookie, else `simple`). */
  style?: string;
  /** `explode` as written; absent means true for `form`, false otherwise. */
  explode?: boolean;
  /**
   * The media type when the parameter is described with `content` instead of `schema`
   * (`schema` is then that media type's schema); a JSON one means the value is sent as JSON text.
   */
  contentMediaType?: string;
}

/** One media type of a request or response body. */
export interface MediaTypeSpec {
  /** As written, e.g. `application/json`, `application/*+json`, `text/plain; charset=utf-8`. */
  mediaType: string;
  schema?: SchemaSpec;
  /**
   * OAS 3.2 `itemSchema`: for a sequential media type (JSON Lines, JSON text sequences,
   * server-sent events) the schema each item must fit, where `schema` describes the whole sequence.
   */
  itemSchema?: SchemaSpec;
  examples: ExampleSpec[];
  pointer: string;
}

/** A request body with `$ref` resolved. */
export interface RequestBodySpec {
  required: boolean;
  content: MediaTypeSpec[];
  pointer: string;
}

/** One declared response (status `200`, `2XX` or `default`). */
export interface ResponseSpec {
  status: string;
  description: string;
  headers: ParameterSpec[];
  content: MediaTypeSpec[];
  pointer: string;
}

/** An operation (trigger operation, callback operation or webhook operation), normalised. */
export interface OperationSpec {
  method: HttpMethod;
  operationId?: string;
  summary?: string;
  tags: string[];
  /** Path-item and operation parameters merged (operation wins), `$ref`s resolved. */
  parameters: ParameterSpec[];
  requestBody?: RequestBodySpec;
  responses: ResponseSpec[];
  /** Security requirements that apply (operation level, else document level). */
  security: Array<Record<string, string[]>>;
  /** JSON pointer of the operation object in the document. */
  pointer: string;
}

/** The operation under `paths` that declares a callback. */
export interface TriggerOperation extends OperationSpec {
  /** The path template under `paths`, e.g. `/invoices/{id}`. */
  path: string;
}

/**
 * One callback operation (trigger operation × callback name × URL expression × method)
 * or one webhook operation (name × method).
 */
export interface Contract {
  /**
   * Stable, readable id: `createInvoice/invoicePaid/post`, `webhook/newPet/post`; a method from
   * `additionalOperations` is written in lower case there too (`webhook/cache/purge`).
   */
  id: string;
  kind: 'callback' | 'webhook';
  /** The callback name (key under `callbacks`) or the webhook name. */
  name: string;
  method: HttpMethod;
  /** The operation the consumer receives. */
  operation: OperationSpec;
  /** Callbacks only: the operation that makes the provider send it. */
  trigger?: TriggerOperation;
  /** Callbacks only: the parsed callback key. */
  expression?: UrlTemplate;
  /** Webhooks only: `webhooks` (OAS 3.1+) or the `x-webhooks` extension. */
  declaredIn?: 'webhooks' | 'x-webhooks';
  /** JSON pointer of the callback / webhook path item in the document. */
  pointer: string;
}

/** Every contract of a document, with the lint findings found while building it. */
export interface Catalogue {
  document: LoadedDocument;
  contracts: Contract[];
  findings: Finding[];
}
