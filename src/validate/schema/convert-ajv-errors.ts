import type { ErrorObject, ValidateFunction } from 'ajv';
import { isJsonObject } from '../../spec/is-json-object.ts';
import { appendPointer } from '../../spec/json-pointer.ts';
import { describeLocation } from '../describe-location.ts';
import type { Finding } from '../finding.ts';
import { describeActual, formatValue, summariseActual } from '../format-value.ts';
import { discriminatorKeyword, type SchemaView } from './build-schema-view.ts';
import { toFragment, toViewPointer } from './to-view-pointer.ts';

/** Where the validated value sits and which check id its findings get. */
export interface ConversionContext {
  /** JSON pointer of the validated value in the request, e.g. `/body`. */
  where: string;
  check: string;
  view: SchemaView;
  validatorFor(fragment: string): ValidateFunction | undefined;
  /** Pointer of the schema being checked, in the document. */
  root?: string;
}

const composite = new Set(['oneOf', 'anyOf']);

/**
 * Ajv errors → findings. Composite failures (`oneOf` / `anyOf`) are reduced to one line plus the
 * errors of the closest branch, instead of every branch's errors.
 */
export function convertAjvErrors(
  errors: readonly ErrorObject[],
  context: ConversionContext,
): Finding[] {
  const noise = new Set<string>();
  const expansions = new Map<ErrorObject, Finding[]>();
  for (const error of errors) {
    if (!composite.has(error.keyword) || !Array.isArray(error.schema)) continue;
    const branches = error.schema.map((branch) => runBranch(branch, error, context));
    for (const branch of branches) for (const item of branch.errors) noise.add(keyOf(item));
    expansions.set(error, expandComposite(error, branches, context));
  }
  const findings: Finding[] = [];
  for (const error of errors) {
    if (noise.has(keyOf(error)) && !expansions.has(error)) continue;
    const expansion = expansions.get(error);
    if (expansion !== undefined) findings.push(...expansion);
    else findings.push(...convertOne(error, context));
  }
  return dedupe(findings);
}

interface BranchRun {
  index: number;
  errors: ErrorObject[];
}

function runBranch(branch: unknown, parent: ErrorObject, context: ConversionContext): BranchRun {
  const index = Array.isArray(parent.schema) ? parent.schema.indexOf(branch) : -1;
  const validate = branchValidator(branch, parent, index, context);
  if (validate === undefined || validate(parent.data)) return { index, errors: [] };
  const errors = (validate.errors ?? []).map((error) => ({
    ...error,
    instancePath: `${parent.instancePath}${error.instancePath}`,
  }));
  return { index, errors };
}

/** A branch is compiled where it sits in the view: under its parent's `oneOf` / `anyOf`. */
function branchValidator(
  branch: unknown,
  parent: ErrorObject,
  index: number,
  context: ConversionContext,
): ValidateFunction | undefined {
  let fragment: string | undefined;
  if (isJsonObject(branch) && typeof branch.$ref === 'string' && branch.$ref.startsWith('#')) {
    fragment = branch.$ref;
  } else {
    const holder = parent.parentSchema;
    if (typeof holder !== 'object' || holder === null || index < 0) return undefined;
    const pointer = context.view.pointerOf.get(holder);
    const viewPointer = pointer === undefined ? undefined : toViewPointer(context.view, pointer);
    if (viewPointer === undefined) return undefined;
    fragment = toFragment(appendPointer(viewPointer, parent.keyword, index));
  }
  try {
    return context.validatorFor(fragment);
  } catch {
    // A branch that cannot compile on its own just cannot be the closest one.
    return undefined;
  }
}

function expandComposite(
  error: ErrorObject,
  branches: BranchRun[],
  context: ConversionContext,
): Finding[] {
  const where = `${context.where}${error.instancePath}`;
  const label = describeLocation(where);
  const spec = specPointer(error, context);
  const count = branches.length;
  // An untyped `nullable` became `anyOf: [null, schema]`: only the schema's own errors matter.
  if (isJsonObject(error.parentSchema) && context.view.wrapped.has(error.parentSchema)) {
    const real = branches.find((branch) => branch.index === 1);
    return real === undefined ? [] : convertAjvErrors(real.errors, context);
  }
  const passing = error.params.passingSchemas;
  if (Array.isArray(passing)) {
    return [
      {
        check: context.check,
        severity: 'error',
        message: `${label} matches ${passing.length} of the ${count} schemas in oneOf (${passing.map((i: number) => i + 1).join(' and ')}); it must match exactly one`,
        where,
        spec,
        expected: 'exactly one match',
        actual: summariseActual(error.data),
      },
    ];
  }
  const closest = [...branches]
    .filter((branch) => branch.errors.length > 0)
    .sort((a, b) => score(a, error.instancePath) - score(b, error.instancePath))[0];
  const head: Finding = {
    check: context.check,
    severity: 'error',
    message:
      error.keyword === 'oneOf'
        ? `${label} must match exactly one of the ${count} schemas in oneOf, matched none${closest === undefined ? '' : `; closest is schema ${closest.index + 1}`}`
        : `${label} must match at least one of the ${count} schemas in anyOf${closest === undefined ? '' : `; closest is schema ${closest.index + 1}`}`,
    where,
    spec,
    expected: `one of ${count} schemas`,
    actual: summariseActual(error.data),
  };
  return closest === undefined ? [head] : [head, ...convertAjvErrors(closest.errors, context)];
}

/**
 * Lower is closer. A branch whose type does not even fit the value is the worst fit; otherwise
 * fewer errors, and errors deeper inside the value, mean a better fit.
 */
function score(branch: BranchRun, at: string): number {
  const wrongType = branch.errors.some(
    (error) =>
      error.instancePath === at && (error.keyword === 'type' || error.keyword === 'false schema'),
  );
  const depth = Math.max(...branch.errors.map((error) => error.instancePath.split('/').length));
  return (wrongType ? 1_000_000 : 0) + branch.errors.length * 10 - depth;
}

const identities = new WeakMap<object, number>();
let nextIdentity = 0;

/** Same keyword, same data location, same schema object: the same error, however reached. */
function keyOf(error: ErrorObject): string {
  const parent = error.parentSchema;
  let identity = -1;
  if (typeof parent === 'object' && parent !== null) {
    identity = identities.get(parent) ?? nextIdentity++;
    identities.set(parent, identity);
  }
  return `${error.keyword}|${error.instancePath}|${identity}|${JSON.stringify(error.params)}`;
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = `${finding.where}|${finding.spec}|${finding.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function specPointer(error: ErrorObject, context: ConversionContext): string | undefined {
  if (typeof error.params.pointer === 'string') return error.params.pointer;
  const parent = error.parentSchema;
  if (typeof parent !== 'object' || parent === null) return schemaPathPointer(error, context);
  const base = context.view.pointerOf.get(parent);
  if (base === undefined) return undefined;
  const keyword = error.keyword === discriminatorKeyword ? 'discriminator' : error.keyword;
  return appendPointer(base, keyword);
}

/**
 * A `false` schema has no object to look up, so its place comes from Ajv's schema path: relative
 * to the document for errors inside referenced components, else to the schema being checked.
 */
function schemaPathPointer(error: ErrorObject, context: ConversionContext): string | undefined {
  if (context.root === undefined) return undefined;
  const path = error.schemaPath.replace(/^#/, '').replace(/\/false schema$/, '');
  return /^\/(components|paths|webhooks)\//.test(path) ? path : `${context.root}${path}`;
}

function convertOne(error: ErrorObject, context: ConversionContext): Finding[] {
  if (error.keyword === discriminatorKeyword) {
    const cause: unknown = error.params.cause;
    if (isErrorObject(cause)) {
      return convertAjvErrors([{ ...cause, instancePath: error.instancePath }], context);
    }
  }
  // `if` only says which of `then` / `else` failed; that branch's own errors follow.
  if (error.keyword === 'if') return [];
  const params: Record<string, unknown> = error.params;
  let where = `${context.where}${error.instancePath}`;
  const label = describeLocation(where);
  const data: unknown = error.data;
  let message: string;
  let expected: unknown;
  let actual: unknown = summariseActual(data);
  switch (error.keyword) {
    case 'type': {
      const types = String(params.type).split(',');
      expected = types.join(' or ');
      message = `${label} must be ${expected}, got ${describeActual(data)}`;
      break;
    }
    case 'required': {
      const name = String(params.missingProperty);
      where = appendPointer(where, name);
      expected = name;
      actual = undefined;
      message = `${label} is missing required property ${JSON.stringify(name)}`;
      break;
    }
    case 'enum': {
      const allowed = Array.isArray(params.allowedValues) ? params.allowedValues : [];
      expected = allowed;
      message = `${label} must be one of ${allowed.map(formatValue).join(', ')}, got ${formatValue(data)}`;
      break;
    }
    case 'const':
      expected = params.allowedValue;
      message = `${label} must be ${formatValue(params.allowedValue)}, got ${formatValue(data)}`;
      break;
    case 'format':
      expected = `format ${String(params.format)}`;
      message = `${label} must be a valid ${String(params.format)}, got ${formatValue(data)}`;
      break;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
    case 'formatMinimum':
    case 'formatMaximum':
      expected = `${String(params.comparison)} ${formatValue(params.limit)}`;
      message = `${label} must be ${expected}, got ${formatValue(data)}`;
      break;
    case 'multipleOf':
      expected = `multiple of ${formatValue(params.multipleOf)}`;
      message = `${label} must be a ${expected}, got ${formatValue(data)}`;
      break;
    case 'minLength':
    case 'maxLength': {
      const length = typeof data === 'string' ? [...data].length : 0;
      expected = `${error.keyword === 'minLength' ? 'at least' : 'at most'} ${String(params.limit)} characters`;
      message = `${label} must be ${expected} long, got ${length} (${formatValue(data)})`;
      break;
    }
    case 'pattern':
      expected = `pattern ${String(params.pattern)}`;
      message = `${label} must match pattern ${String(params.pattern)}, got ${formatValue(data)}`;
      break;
    case 'minItems':
    case 'maxItems':
    case 'minProperties':
    case 'maxProperties': {
      const noun = error.keyword.endsWith('Items') ? 'item' : 'propert';
      const size = Array.isArray(data)
        ? data.length
        : isJsonObject(data)
          ? Object.keys(data).length
          : 0;
      const limit = Number(params.limit);
      const plural =
        noun === 'item'
          ? limit === 1
            ? 'item'
            : 'items'
          : limit === 1
            ? 'property'
            : 'properties';
      expected = `${error.keyword.startsWith('min') ? 'at least' : 'at most'} ${limit} ${plural}`;
      actual = size;
      message = `${label} must have ${expected}, got ${size}`;
      break;
    }
    case 'items':
    case 'additionalItems': {
      const size = Array.isArray(data) ? data.length : 0;
      expected = `at most ${String(params.limit)} items`;
      actual = size;
      message = `${label} must have at most ${String(params.limit)} items (those listed in prefixItems), got ${size}`;
      break;
    }
    case 'uniqueItems':
      expected = 'unique items';
      message = `${label} must not contain duplicates (items ${Math.min(Number(params.i), Number(params.j))} and ${Math.max(Number(params.i), Number(params.j))} are equal)`;
      break;
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const name = String(params.additionalProperty ?? params.unevaluatedProperty);
      where = appendPointer(where, name);
      expected = 'no other properties';
      actual = name;
      message = `${label} has unexpected property ${JSON.stringify(name)}`;
      break;
    }
    case 'dependentRequired':
    case 'dependencies':
      expected = String(params.missingProperty);
      actual = undefined;
      message = `${label} must have property ${JSON.stringify(params.missingProperty)} when ${JSON.stringify(params.property)} is present`;
      break;
    case 'not':
      expected = 'not to match the schema in not';
      message = `${label} must not match the schema in "not"`;
      break;
    case 'false schema':
      expected = 'nothing (false schema)';
      message = `${label} is not allowed here`;
      break;
    case discriminatorKeyword: {
      const allowed = Array.isArray(params.allowed) ? params.allowed : [];
      const value = params.value;
      expected = allowed;
      actual = value;
      message =
        value === undefined
          ? `${describeLocation(where.slice(0, where.lastIndexOf('/')))} is missing discriminator property ${JSON.stringify(params.propertyName)} (one of ${allowed.map(formatValue).join(', ')})`
          : `${label} must be one of ${allowed.map(formatValue).join(', ')} (discriminator), got ${formatValue(value)}`;
      break;
    }
    default:
      expected = error.keyword;
      message = `${label} ${error.message ?? `fails ${error.keyword}`}`;
  }
  const finding: Finding = { check: context.check, severity: 'error', message, where };
  const spec = specPointer(error, context);
  if (spec !== undefined) finding.spec = spec;
  finding.expected = expected;
  if (actual !== undefined) finding.actual = actual;
  return [finding];
}

function isErrorObject(value: unknown): value is ErrorObject {
  return (
    isJsonObject(value) &&
    typeof value.keyword === 'string' &&
    typeof value.instancePath === 'string'
  );
}
