import { dirname, relative } from 'node:path';
import {
  $RefParser,
  type FileInfo,
  JSONParserError,
  JSONParserErrorGroup,
  MissingPointerError,
  type ParserOptions,
  type Plugin,
} from '@apidevtools/json-schema-ref-parser';
import { SpecError } from '../errors.ts';
import type { Finding } from '../validate/finding.ts';
import { childAt } from './child-at.ts';
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
  /** The `$ref` as written, when it could be recovered. */
  ref: string | undefined;
  /** For display: the file (relative to the root document's folder) or URL holding the `$ref`. */
  file: string;
  /** For display: pointer of the `$ref` inside that file. */
  pointer: string;
  /** Pointer from the root document (through `$ref`s), when the ref parser gives one. */
  rootPointer: string | undefined;
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
  // The second pass leaves exactly the broken refs alone: by where they sit (seen from the root)
  // or, when the parser only names the file holding them, by what they say, inside an extension.
  const skippedRefs = new Set(broken.flatMap((item) => (item.ref === undefined ? [] : [item.ref])));
  const skippedPointers = new Set(broken.flatMap((item) => item.rootPointer ?? []));
  const exclude = (path: string, value: unknown): boolean => {
    if (!isJsonObject(value) || typeof value.$ref !== 'string') return false;
    const pointer = path.slice(path.indexOf('#') + 1);
    if (skippedPointers.has(pointer)) return true;
    if (!skippedRefs.has(value.$ref)) return false;
    const tokens = splitPointer(pointer);
    return tokens !== undefined && extensionOf(tokens) !== undefined;
  };
  const again = await tryBundle(root, location, source, exclude);
  if (again !== undefined)
    throw toSpecError(again[0] ?? brokenFallback(broken), again.length, source);
  return { document: root, findings: extensionFindings(root, broken) };
}

/** The first pass's first broken `$ref`; the second pass only runs when there was one. */
function brokenFallback(broken: BrokenRef[]): BrokenRef {
  const [first] = broken;
  if (first === undefined) {
    throw new TypeError(
      'Invariant broken: bundleExternalRefs retried without a broken $ref to report.',
    );
  }
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
  const target = typeof error.source === 'string' ? error.source : location;
  if (error instanceof MissingPointerError) {
    // The file exists but the pointer does not; the parser reports the path from the root.
    return {
      ref: refAt(parser.schema, tokens),
      file: displayLocation(location, location),
      pointer: pointerOfTokens(tokens),
      rootPointer: pointerOfTokens(tokens),
      extension: extensionOf(tokens),
      reason: `nothing exists at ${displayLocation(target, location)}${error.targetRef ?? ''}`,
      error,
    };
  }
  // A file that cannot be read or parsed: the parser names the file holding the $ref.
  const files: unknown = parser.$refs.values();
  let holder: unknown = isJsonObject(files) ? files[target] : undefined;
  if (holder === undefined && target === location) holder = parser.schema;
  return {
    ref: refAt(holder, tokens),
    file: displayLocation(target, location),
    pointer: pointerOfTokens(tokens),
    rootPointer: target === location ? pointerOfTokens(tokens) : undefined,
    extension: extensionOf(tokens),
    reason: reasonOf(error),
    error,
  };
}

/** The `$ref` string at `tokens` inside `value`, walking the value as written. */
function refAt(value: unknown, tokens: readonly string[]): string | undefined {
  let current = value;
  for (const token of tokens) current = childAt(current, token);
  return isJsonObject(current) && typeof current.$ref === 'string' ? current.$ref : undefined;
}

function displayLocation(file: string, root: string): string {
  if (/^https?:/i.test(file) || /^https?:/i.test(root)) return file;
  return relative(dirname(root), file) || file;
}

function reasonOf(error: JSONParserError): string {
  const io = 'ioErrorCode' in error ? error.ioErrorCode : undefined;
  if (io === 'ENOENT') return 'the file does not exist';
  return error.message;
}

function toSpecError(broken: BrokenRef, count: number, source: string): SpecError {
  const more =
    count > 1 ? ` (${count - 1} more broken reference${count > 2 ? 's' : ''} after this one)` : '';
  const ref = broken.ref === undefined ? 'A $ref' : `$ref "${broken.ref}"`;
  const hint =
    broken.error instanceof MissingPointerError
      ? 'Fix the pointer after # (names are case-sensitive; `/` in a name is written `~1`).'
      : 'Fix the reference (paths are relative to the file that holds the $ref) or add the missing file.';
  return new SpecError(
    'CV_SPEC_REF',
    source,
    `${ref} used at ${broken.file}#${broken.pointer} cannot be resolved: ${broken.reason}${more}.`,
    { hint, cause: broken.error },
  );
}

/** One warning per `$ref` left unresolved inside an extension, located in the bundled document. */
function extensionFindings(document: JsonObject, broken: BrokenRef[]): Finding[] {
  const byRef = new Map(broken.map((item) => [item.ref, item.reason]));
  const byPointer = new Map(broken.map((item) => [item.rootPointer, item.reason]));
  const findings: Finding[] = [];
  for (const use of collectRefs(document)) {
    if (use.ref.startsWith('#')) continue;
    const extension = extensionOf(use.tokens);
    if (extension === undefined) continue;
    const pointer = pointerOfTokens(use.tokens);
    const reason = byPointer.get(pointer) ?? byRef.get(use.ref) ?? 'it cannot be resolved';
    findings.push({
      check: 'ref.extension-unresolved',
      severity: 'warning',
      message: `$ref "${use.ref}" inside ${extension} cannot be resolved (${reason}); callback-verify does not read ${extension}, so it was left as written.`,
      spec: pointer,
    });
  }
  return findings;
}
