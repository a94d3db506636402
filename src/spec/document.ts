import type { Finding } from '../validate/finding.ts';

/** Major.minor line of the OpenAPI Specification a document is written against. */
export type OasVersion = '3.0' | '3.1' | '3.2';

/** A JSON object as parsed from a document. */
export type JsonObject = { [key: string]: unknown };

/**
 * A loaded OpenAPI document: parsed, external `$ref`s bundled in, internal `$ref`s kept
 * (so shared `components` stay shared), version detected.
 */
export interface LoadedDocument {
  /** The file path or URL it was loaded from, or `(in-memory document)` for an object. */
  source: string;
  /** The `openapi` field as written, e.g. `3.1.0`. */
  openapi: string;
  version: OasVersion;
  /** `info.title`, or the file name when there is none. */
  title: string;
  /** The bundled document. Internal `$ref`s (`#/components/...`) are kept as they are. */
  document: JsonObject;
  /** Loader warnings, e.g. broken `$ref`s inside `x-` extensions that nothing needs. */
  findings: Finding[];
}
