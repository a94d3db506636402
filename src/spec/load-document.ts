import { basename, resolve as resolvePath } from 'node:path';
import { SpecError } from '../errors.ts';
import type { Finding } from '../validate/finding.ts';
import { checkLocalRefs } from './check-local-refs.ts';
import { collectRefs } from './collect-refs.ts';
import { detectVersion } from './detect-version.ts';
import type { LoadedDocument } from './document.ts';
import type { OpenApiDocument } from './open-api-document.ts';
import { formatOf, parseText } from './parse-text.ts';
import { readSource } from './read-source.ts';

/**
 * Loads an OpenAPI 3.0 / 3.1 / 3.2 document from a file path, an http(s) URL or an object in
 * memory: parses YAML or JSON, bundles external `$ref`s in (internal ones stay refs), checks every
 * `$ref` resolves and detects the version. An object goes through the same checks as a parsed
 * file, its relative `$ref`s resolved from the current directory, and is left untouched (a copy
 * is bundled). Throws `SpecError` (with a code and what to do) instead of returning a half-loaded
 * document.
 *
 * @example
 * const loaded = await loadDocument('specs/corpus/oai-callback-example.yaml');
 * loaded.version // '3.0'
 */
export async function loadDocument(source: string | OpenApiDocument): Promise<LoadedDocument> {
  // Callers without types can pass anything: the object is data to check, like a parsed file.
  const given: unknown = source;
  const { label, location, parsed } =
    typeof given === 'string' ? await readParsed(given) : fromMemory(given);
  const { openapi, version, root } = detectVersion(parsed, label);
  let document = root;
  let uses = collectRefs(root);
  const findings: Finding[] = [];
  // Bundling walks the whole document; most single-file specs have nothing to bundle, and then
  // neither the ref parser nor its YAML parser is loaded.
  if (uses.some((use) => !use.ref.startsWith('#'))) {
    const { bundleExternalRefs } = await import('./bundle-external-refs.ts');
    const bundled = await bundleExternalRefs(root, location, label);
    document = bundled.document;
    findings.push(...bundled.findings);
    uses = collectRefs(document);
  }
  findings.push(...checkLocalRefs(document, uses, label));
  const info = document.info;
  const title =
    typeof info === 'object' && info !== null && 'title' in info && typeof info.title === 'string'
      ? info.title
      : basename(location);
  return { source: label, openapi, version, title, document, findings };
}

/** What `LoadedDocument.source` and error messages call a document given as an object. */
const inMemorySource = '(in-memory document)';

/** A document to check, what to call it, and where its relative `$ref`s are resolved from. */
interface ParsedSource {
  label: string;
  location: string;
  parsed: unknown;
}

async function readParsed(source: string): Promise<ParsedSource> {
  const { text, location } = await readSource(source);
  return { label: source, location, parsed: parseText(text, source, formatOf(location)) };
}

/** A copy of the caller's object, since bundling rewrites the document it is given. */
function fromMemory(value: unknown): ParsedSource {
  let parsed: unknown;
  try {
    parsed = structuredClone(value);
  } catch (error) {
    throw new SpecError(
      'CV_SPEC_NOT_OPENAPI',
      inMemorySource,
      `${inMemorySource} is not an OpenAPI document: it holds values that are not data (${error instanceof Error ? error.message : String(error)}).`,
      {
        hint: 'Pass plain data (objects, arrays, strings, numbers, booleans, null), as JSON.parse or a YAML parser gives it.',
        cause: error,
      },
    );
  }
  // A location in the current directory, so relative `$ref`s resolve from there.
  return { label: inMemorySource, location: resolvePath(inMemorySource), parsed };
}
