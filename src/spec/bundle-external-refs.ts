import { dirname, relative } from 'node:path';
import {
  $RefParser,
  type FileInfo,
  JSONParserError,
  JSONParserErrorGroup,
  type ParserOptions,
  type Plugin,
} from '@apidevtools/json-schema-ref-parser';
import { SpecError } from '../errors.ts';
import type { Finding } from '../validate/finding.ts';
import { collectRefs, pointerOfTokens } from './collect-refs.ts';
import type { JsonObject } from './document.ts';
import { isJsonObject } from './is-json-object.ts';
import { splitPointer } from './json-pointer.ts';
import { formatOf, parseText } from './parse-text.ts';
import { extensionOf } from './ref-location.ts';

/** The bundled document and the warnings met on the way. */
export interface BundleResult {
  document: JsonObject;
  findings: Finding[];
}

/** One `$ref` the ref parser could not resolve, located as precisely as it can say. */
interface BrokenRef {
  ref: string | undefined;
  /** The file (relative to the root document's folder) or URL holding the `$ref`. */
  file: string;
  /** Pointer of the `$ref` inside that file. */
  pointer: string;
  extension: string | undefined;
  reason: string;
  error: JSONParserError;
}

/**
 * Bundles the external `$ref`s of a parsed root document (found at `location`) into it with
 * @apidevtools/json-schema-ref-parser. Internal `$ref`s stay as they are, so shared components
 * stay shared. A broken `$ref` inside a vendor extension the tool never reads (`x-codeSamples`…)
 * is left in place and reported as a warning; any other broken `$ref` is a `CV_SPEC_REF` error.
 */
export async function bundleExternalRefs(
  root: JsonObject,
  location: string,
  source: string,
): Promise<BundleResult> {
  const broken = await tryBundle(root, location, source, undefined);
  if (broken === undefined) return { document: root, findings: [] };
  const fatal = broken.find((item) => item.extension === undefined);
  if (fatal !== undefined) throw toSpecError(fatal, broken.length, source);
  const skipped = new Set(broken.map((item) => item.ref));
  const exclude = (path: string, value: unknown): boolean => {
    if (
      !isJsonObject(value) ||
      !skipped.has(typeof value.$ref === 'string' ? value.$ref : undefined)
    )
      return false;
    const tokens = splitPointer(path.slice(path.indexOf('#')));
    return tokens !== undefined && extensionOf(tokens) !== undefined;
  };
  const again = await tryBundle(root, location, source, exclude);
  if (again !== undefined)
    throw toSpecError(again[0] ?? brokenFallback(broken), again.length, source);
  return { document: root, findings: extensionFindings(root, broken) };
}

function brokenFallback(broken: BrokenRef[]): BrokenRef {
  const [first] = broken;
  if (first === undefined) throw new TypeError('no broken reference to report');
  return first;
}

/** Bundles in place; the broken refs when it cannot. */
async function tryBundle(
  root: JsonObject,
  location: string,
  source: string,
  exclude: ((path: string, value: unknown) => boolean) | undefined,
): Promise<BrokenRef[] | undefined> {
  const parser = new $RefParser();
  const options: ParserOptions = {
    continueOnError: true,
    // The root was parsed by the loader and is not shared; cloning 5 MB for nothing costs time.
    mutateInputSchema: true,
    parse: { json: false, yaml: false, specText: specTextParser },
    resolve: {
      external: true,
      http: { timeout: 30_000, safeUrlResolver: !isLoopbackUrl(location) },
    },
    ...(exclude === undefined
      ? {}
      : { resolveExcludedPathMatcher: exclude, bundle: { excludedPathMatcher: exclude } }),
  };
  try {
    await parser.bundle(location, root, options);
    return undefined;
  } catch (error) {
    const errors =
      error instanceof JSONParserErrorGroup
        ? error.errors
        : error instanceof JSONParserError
          ? [error]
          : undefined;
    if (errors === undefined) throw error;
    const specError = errors.map((item) => item.cause).find((cause) => cause instanceof SpecError);
    if (specError !== undefined) {
      // Only the parser throws here, so the code is always CV_SPEC_PARSE; the root is what was being loaded.
      throw new SpecError('CV_SPEC_PARSE', source, specError.message, {
        hint: specError.hint,
        cause: specError,
      });
    }
    return errors.map((item) => describeBroken(parser, item, location));
  }
}

/**
 * The ref parser refuses internal addresses by default (a spec should not make the tool fetch
 * from the local network). A spec that was itself served from loopback, a local dev server, is
 * allowed to reference its siblings there.
 */
function isLoopbackUrl(location: string): boolean {
  if (!/^https?:/i.test(location)) return false;
  const host = new URL(location).hostname;
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Parses referenced YAML and JSON files with the same parser as the root, so errors name line and column. */
const specTextParser: Plugin = {
  name: 'spec-text',
  order: 100,
  allowEmpty: false,
  canParse: ['.yaml', '.yml', '.json'],
  parse(file: FileInfo): unknown {
    const text = Buffer.isBuffer(file.data) ? file.data.toString('utf8') : String(file.data);
    return parseText(text, file.url, formatOf(file.url));
  },
};

function describeBroken(parser: $RefParser, error: JSONParserError, location: string): BrokenRef {
  const tokens = Array.isArray(error.path) ? error.path.map(String) : [];
  const holder = typeof error.source === 'string' ? error.source : location;
  const files: unknown = parser.$refs.values();
  let value: unknown = isJsonObject(files) ? files[holder] : undefined;
  if (value === undefined && holder === location) value = parser.schema;
  for (const token of tokens) value = childOf(value, token);
  const ref = isJsonObject(value) && typeof value.$ref === 'string' ? value.$ref : undefined;
  return {
    ref,
    file: displayLocation(holder, location),
    pointer: pointerOfTokens(tokens),
    extension: extensionOf(tokens),
    reason: reasonOf(error),
    error,
  };
}

function childOf(value: unknown, token: string): unknown {
  if (Array.isArray(value)) return value[Number(token)];
  return isJsonObject(value) ? value[token] : undefined;
}

function displayLocation(file: string, root: string): string {
  if (/^https?:/i.test(file) || /^https?:/i.test(root)) return file;
  return relative(dirname(root), file) || file;
}

function reasonOf(error: JSONParserError): string {
  const io = 'ioErrorCode' in error ? error.ioErrorCode : undefined;
  if (io === 'ENOENT') return 'the file does not exist';
  if (error.code === 'EMISSINGPOINTER') return 'the target does not exist in that file';
  return error.message;
}

function toSpecError(broken: BrokenRef, count: number, source: string): SpecError {
  const more =
    count > 1 ? ` (${count - 1} more broken reference${count > 2 ? 's' : ''} after this one)` : '';
  const ref = broken.ref === undefined ? 'A $ref' : `$ref "${broken.ref}"`;
  return new SpecError(
    'CV_SPEC_REF',
    source,
    `${ref} used at ${broken.file}#${broken.pointer} cannot be resolved: ${broken.reason}${more}.`,
    {
      hint: 'Fix the reference (paths are relative to the file that holds the $ref) or add the missing file.',
      cause: broken.error,
    },
  );
}

/** One warning per `$ref` left unresolved inside an extension, located in the bundled document. */
function extensionFindings(document: JsonObject, broken: BrokenRef[]): Finding[] {
  const reasons = new Map(broken.map((item) => [item.ref, item.reason]));
  const findings: Finding[] = [];
  for (const use of collectRefs(document)) {
    if (use.ref.startsWith('#') || !reasons.has(use.ref)) continue;
    const extension = extensionOf(use.tokens);
    if (extension === undefined) continue;
    findings.push({
      check: 'ref.extension-unresolved',
      severity: 'warning',
      message: `$ref "${use.ref}" inside ${extension} cannot be resolved (${reasons.get(use.ref)}); callback-verify does not read ${extension}, so it was left as written.`,
      spec: pointerOfTokens(use.tokens),
    });
  }
  return findings;
}
