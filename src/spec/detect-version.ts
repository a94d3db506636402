import { SpecError } from '../errors.ts';
import type { JsonObject, OasVersion } from './document.ts';
import { isJsonObject } from './is-json-object.ts';

const versionLines: Record<string, OasVersion> = { '0': '3.0', '1': '3.1', '2': '3.2' };

/** The `openapi` field as written and the version line it belongs to. */
export interface DetectedVersion {
  openapi: string;
  version: OasVersion;
}

/**
 * Checks that a parsed document is OpenAPI 3.0, 3.1 or 3.2 and says which.
 * Throws `SpecError` for Swagger 2.0, for anything that is not OpenAPI, and for other versions.
 */
export function detectVersion(
  root: unknown,
  source: string,
): DetectedVersion & { root: JsonObject } {
  if (!isJsonObject(root)) {
    const found =
      root === null || root === undefined
        ? 'an empty document'
        : Array.isArray(root)
          ? 'a list'
          : `a ${typeof root}`;
    throw new SpecError(
      'CV_SPEC_NOT_OPENAPI',
      source,
      `${source} is not an OpenAPI document: it holds ${found}, not an object.`,
      {
        hint: 'Point at the root OpenAPI document (the file with the `openapi: 3.x` field).',
      },
    );
  }
  const object = root;
  if ('swagger' in object) {
    throw new SpecError(
      'CV_SPEC_SWAGGER2',
      source,
      `${source} is a Swagger ${String(object.swagger)} document; Swagger 2.0 has no callbacks or webhooks to test.`,
      {
        hint: 'Convert it to OpenAPI 3 (for example `npx swagger2openapi spec.yaml -o openapi.yaml`), declare the callbacks there, and inspect that file.',
      },
    );
  }
  if (!('openapi' in object)) {
    const other = 'asyncapi' in object ? ' (it is an AsyncAPI document)' : '';
    throw new SpecError(
      'CV_SPEC_NOT_OPENAPI',
      source,
      `${source} is not an OpenAPI document: it has no \`openapi\` field${other}.`,
      {
        hint: 'Point at the root OpenAPI 3.0, 3.1 or 3.2 document, not at a fragment such as a schema or path file.',
      },
    );
  }
  const written = object.openapi;
  const openapi = typeof written === 'number' ? String(written) : written;
  if (typeof openapi !== 'string') {
    throw new SpecError(
      'CV_SPEC_NOT_OPENAPI',
      source,
      `${source} has an \`openapi\` field that is not a version string.`,
      {
        hint: "Write the version as a string, for example `openapi: '3.1.0'`.",
      },
    );
  }
  const match = /^3\.([012])(?:\.\d+)?(?:[-+].*)?$/.exec(openapi);
  const version = versionLines[match?.[1] ?? ''];
  if (version === undefined) {
    throw new SpecError(
      'CV_SPEC_UNSUPPORTED_VERSION',
      source,
      `${source} declares openapi ${openapi}, which callback-verify does not read (it reads 3.0.x, 3.1.x and 3.2.x).`,
      {
        hint:
          typeof written === 'number'
            ? "YAML read the version as a number; quote it, for example `openapi: '3.1.0'`."
            : 'Convert the document to OpenAPI 3.0, 3.1 or 3.2.',
      },
    );
  }
  return { openapi, version, root: object };
}
