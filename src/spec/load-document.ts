import { basename } from 'node:path';
import type { Finding } from '../validate/finding.ts';
import { checkLocalRefs } from './check-local-refs.ts';
import { collectRefs } from './collect-refs.ts';
import { detectVersion } from './detect-version.ts';
import type { LoadedDocument } from './document.ts';
import { formatOf, parseText } from './parse-text.ts';
import { readSource } from './read-source.ts';

/**
 * Loads an OpenAPI 3.0 / 3.1 / 3.2 document from a file path or an http(s) URL: parses YAML or
 * JSON, bundles external `$ref`s in (internal ones stay refs), checks every `$ref` resolves and
 * detects the version. Throws `SpecError` (with a code and what to do) instead of returning a
 * half-loaded document.
 *
 * @example
 * const loaded = await loadDocument('specs/corpus/oai-callback-example.yaml');
 * loaded.version // '3.0'
 */
export async function loadDocument(source: string): Promise<LoadedDocument> {
  const { text, location } = await readSource(source);
  const parsed = parseText(text, source, formatOf(location));
  const { openapi, version, root } = detectVersion(parsed, source);
  let document = root;
  let uses = collectRefs(root);
  const findings: Finding[] = [];
  // Bundling walks the whole document; most single-file specs have nothing to bundle, and then
  // neither the ref parser nor its YAML parser is loaded.
  if (uses.some((use) => !use.ref.startsWith('#'))) {
    const { bundleExternalRefs } = await import('./bundle-external-refs.ts');
    const bundled = await bundleExternalRefs(root, location, source);
    document = bundled.document;
    findings.push(...bundled.findings);
    uses = collectRefs(document);
  }
  findings.push(...checkLocalRefs(document, uses, source));
  const info = document.info;
  const title =
    typeof info === 'object' && info !== null && 'title' in info && typeof info.title === 'string'
      ? info.title
      : basename(location);
  return { source, openapi, version, title, document, findings };
}
