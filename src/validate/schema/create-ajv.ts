import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { DataValidationCxt } from 'ajv/dist/types/index.js';
import ajvFormats from 'ajv-formats';
import type { OasVersion } from '../../spec/document.ts';
import { isJsonObject } from '../../spec/is-json-object.ts';
import { appendPointer } from '../../spec/json-pointer.ts';
import {
  type DiscriminatorRule,
  discriminatorKeyword,
  type SchemaView,
} from './build-schema-view.ts';
import { toFragment, toViewPointer } from './to-view-pointer.ts';
import { isUri } from './uri-format.ts';

/** OAS keywords that carry no validation meaning: registered so strict mode knows them. */
const annotationKeywords = ['example', 'xml', 'externalDocs', 'discriminator', 'deprecated'];
/** Keywords Ajv handles outside its rule table; never reported as unknown. */
export const coreKeywords: ReadonlySet<string> = new Set([
  '$schema',
  '$id',
  '$anchor',
  '$vocabulary',
  '$defs',
  'definitions',
  '$comment',
  '$recursiveAnchor',
  '$dynamicAnchor',
  'nullable',
]);
const keywordName = /^[a-z_$][a-z0-9_$:-]*$/i;

/** Ajv options for OAS documents; each departure from Ajv's defaults says why. */
export const ajvOptions = {
  allErrors: true,
  // Referenced schemas stay separate functions: shared components are compiled once instead of
  // being inlined into every schema that uses them (GitHub's 261 webhooks: about half the time).
  inlineRefs: false,
  // Errors carry the failing schema object and data; findings map them to document pointers.
  verbose: true,
  // Ajv's code optimiser costs about a third of the compile time and, measured on GitHub's
  // check-run payload, changes no validation time: compile speed matters more on first use.
  code: { optimize: false },
  strict: true,
  // Unknown keywords are found and reported with their location by the engine itself.
  strictSchema: 'log',
  // Real documents write `properties` without `type: object`, and 3.0 `nullable` became a type
  // array: strictTypes would reject or warn about nearly every schema while changing no result.
  strictTypes: false,
  // OAS 3.1 `type: [string, "null"]` is everyday usage (55 GitHub schemas).
  allowUnionTypes: true,
  // `prefixItems` without `minItems` / `items: false` is valid and common.
  strictTuples: false,
  // `required` naming properties declared in an `allOf` sibling is valid JSON Schema.
  strictRequired: false,
} as const;

/** The Ajv instance of one document and direction, with the view registered under `documentId`. */
export interface AjvSetup {
  ajv: Ajv;
  documentId: string;
  /** Formats the document uses that neither JSON Schema nor OAS define (accepted, not checked). */
  unknownFormats: Set<string>;
  /** Messages Ajv logged (strict mode notes), drained by each compile. */
  log: string[];
  /** The validator for a view pointer fragment (`#/...`); `undefined` when nothing is there. */
  validatorFor(fragment: string): ValidateFunction | undefined;
}

/**
 * Creates the Ajv instance for one document view. The dialect follows the OAS version:
 * 3.0 → Ajv's draft-07 engine (the view has already rewritten `nullable` and boolean
 * `exclusiveMinimum` / `exclusiveMaximum`); 3.1 / 3.2 → JSON Schema 2020-12.
 */
export function createAjv(view: SchemaView, version: OasVersion, documentId: string): AjvSetup {
  const log: string[] = [];
  const sink = (...args: unknown[]): void => {
    log.push(args.map(String).join(' '));
  };
  const options = { ...ajvOptions, logger: { log: sink, warn: sink, error: sink } };
  const ajv: Ajv = version === '3.0' ? new Ajv(options) : new Ajv2020(options);
  ajvFormats.default(ajv);
  ajv.addFormat('uri', { type: 'string', validate: isUri });
  for (const keyword of annotationKeywords) {
    if (!ajv.RULES.keywords[keyword]) ajv.addKeyword({ keyword });
  }
  for (const keyword of view.extensionKeywords) {
    if (keywordName.test(keyword) && !ajv.RULES.keywords[keyword]) ajv.addKeyword({ keyword });
  }
  const unknownFormats = new Set<string>();
  for (const format of view.formats) {
    if (ajv.formats[format] === undefined) {
      unknownFormats.add(format);
      ajv.addFormat(format, true);
    }
  }
  register(ajv, view, documentId);

  const validatorFor = (fragment: string): ValidateFunction | undefined =>
    ajv.getSchema(`${documentId}${fragment}`);
  addDiscriminatorKeyword(ajv, view, validatorFor);

  // Ajv compiles the registered root once on first use; its OAS top-level fields are not
  // schema keywords, so its strict-mode notes are noise.
  validatorFor('#');
  log.length = 0;
  return { ajv, documentId, unknownFormats, log, validatorFor };
}

/**
 * Registers the view under `documentId`. The document is not a JSON Schema: validating it
 * against a meta-schema means nothing, so that is skipped. Ajv also walks a schema it registers,
 * every object in it, for `$id`s and anchors: on GitHub's document about 30 ms and a map of
 * 33 000 pointers, all garbage right after. When no schema in the view declares one, schemas
 * can only be reached by pointer, so an empty schema is registered and the view put in its
 * place: references resolve exactly as before, without the walk. (Ajv keeps a registered
 * schema's environment in `ajv.schemas`; should that ever change, the view is registered the
 * ordinary way.)
 */
function register(ajv: Ajv, view: SchemaView, documentId: string): void {
  if (view.identified) {
    ajv.addSchema(view.root, documentId, undefined, false);
    return;
  }
  ajv.addSchema({}, documentId, undefined, false);
  const registered: unknown = ajv.schemas[documentId];
  if (isJsonObject(registered) && isJsonObject(registered.schema)) registered.schema = view.root;
  else ajv.removeSchema(documentId).addSchema(view.root, documentId, undefined, false);
}

/** Error parameters of a branch error passed up through the discriminator keyword. */
function addDiscriminatorKeyword(
  ajv: Ajv,
  view: SchemaView,
  validatorFor: (fragment: string) => ValidateFunction | undefined,
): void {
  ajv.addKeyword({
    keyword: discriminatorKeyword,
    schemaType: 'object',
    errors: true,
    compile(rule: DiscriminatorRule) {
      const branchFragments = rule.branches.map((branch, index) => {
        const ref = isJsonObject(branch) ? branch.$ref : undefined;
        if (typeof ref === 'string' && ref.startsWith('#')) return ref;
        const pointer = toViewPointer(view, `${rule.pointer}/${rule.kind}/${index}`);
        return pointer === undefined ? undefined : toFragment(pointer);
      });
      const validators: Array<ValidateFunction | undefined> = [];
      const branch = (index: number): ValidateFunction | undefined => {
        const fragment = branchFragments[index];
        if (fragment !== undefined) validators[index] ??= validatorFor(fragment);
        return validators[index];
      };
      const validate = (data: unknown, dataContext?: DataValidationCxt): boolean => {
        const at = dataContext?.instancePath ?? '';
        if (typeof data !== 'object' || data === null || Array.isArray(data)) return true;
        const value: unknown = Reflect.get(data, rule.propertyName);
        const index = typeof value === 'string' ? rule.mapping[value] : undefined;
        if (index !== undefined) {
          const check = branch(index);
          if (check === undefined || check(data)) return true;
          validate.errors = (check.errors ?? []).map((cause) => ({
            keyword: discriminatorKeyword,
            instancePath: `${at}${cause.instancePath}`,
            params: { cause },
          }));
          return false;
        }
        const passing = rule.branches.filter((_, i) => {
          try {
            return branch(i)?.(data) === true;
          } catch {
            // A branch that cannot compile matches nothing; the one a value names reports it.
            return false;
          }
        }).length;
        if (rule.kind === 'oneOf' ? passing === 1 : passing >= 1) return true;
        validate.errors = [
          {
            keyword: discriminatorKeyword,
            instancePath: appendPointer(at, rule.propertyName),
            params: {
              propertyName: rule.propertyName,
              allowed: rule.explicit.length > 0 ? rule.explicit : Object.keys(rule.mapping),
              value,
              pointer: `${rule.pointer}/discriminator`,
            },
          },
        ];
        return false;
      };
      validate.errors = undefined as Array<Partial<ErrorObject>> | undefined;
      return validate;
    },
  });
}
