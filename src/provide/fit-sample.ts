import type { SchemaSpec } from '../spec/contract.ts';
import type { JsonObject, LoadedDocument } from '../spec/document.ts';
import { derefLocal, resolvePointer } from '../spec/index.ts';
import { isJsonObject } from '../spec/is-json-object.ts';
import { appendPointer, splitPointer } from '../spec/json-pointer.ts';
import type { Finding } from '../validate/finding.ts';
import type { Validator } from '../validate/index.ts';
import { sampleFormat } from './sample-format.ts';
import { samplePattern } from './sample-pattern.ts';
import { sampleSchema } from './sample-schema.ts';

/** Rounds of check-and-repair; each round fixes what the previous one uncovered (a sampled property's own needs). */
const maxRounds = 8;

/**
 * Makes a generated value fit the schema it was generated from. openapi-sampler gets some
 * schemas wrong (an `allOf` member of plain `type: string` overwrites another member's format or
 * enum sample; a recursive property becomes `{}`; `pattern` is ignored; an array's `examples`
 * written as item values are taken for the array), so the value is checked with the project's
 * own validator and each finding repaired where it points: a format sample, the first `enum`
 * value, a string from the `pattern`, a sample of the right type, a missing property, a limit met,
 * an extra property dropped. After a bounded number of rounds the value with the fewest errors
 * is returned: one that still does not fit is flagged by whoever sends it. Deterministic.
 *
 * @example
 * fitSample(document, media.schema, { closed_at: 'string' }, validator)
 * // { closed_at: '2019-08-24T14:15:22Z' }
 */
export function fitSample(
  document: LoadedDocument,
  schema: SchemaSpec,
  value: unknown,
  validator: Pick<Validator, 'checkValue'>,
): unknown {
  return fit({ document, validator, depth: 0 }, schema, value);
}

/**
 * A value generated from a schema (openapi-sampler), made to fit it when the document's validator
 * is given (see {@link fitSample}).
 * @example generateValue(document, media.schema, validator)
 */
export function generateValue(
  document: LoadedDocument,
  schema: SchemaSpec,
  validator?: Pick<Validator, 'checkValue'>,
): unknown {
  const sampled = sampleSchema(document, schema);
  return validator === undefined ? sampled : fitSample(document, schema, sampled, validator);
}

/** What every repair needs: the document, its validator, and how deep in branch fitting it is. */
interface FitContext {
  document: LoadedDocument;
  validator: Pick<Validator, 'checkValue'>;
  /** A `oneOf` / `anyOf` branch is fitted on its own; branches within branches are not. */
  depth: number;
}

function fit(context: FitContext, schema: SchemaSpec, value: unknown): unknown {
  const check = (candidate: unknown): Finding[] =>
    repairable(context.validator.checkValue(schema, candidate, root));
  let current = structuredClone(value);
  let errors = check(current);
  let best = { value: current, errors };
  for (let round = 0; round < maxRounds && errors.length > 0; round++) {
    const next = repairAll(context, structuredClone(current), errors, check);
    if (!next.changed) break;
    current = next.value;
    errors = check(current);
    if (errors.length < best.errors.length) best = { value: current, errors };
  }
  return prune(best.value, best.errors, check);
}

/** At most this many removals are tried on a value that repairs could not make fit. */
const maxPrunes = 16;

/**
 * Last resort for what repairs cannot fix (members of an `allOf` that contradict each other on
 * an optional property, a recursive property the sampler left empty): the failing array item or
 * property is removed when that leaves fewer errors. A required one comes back as a `required`
 * error, so it stays.
 */
function prune(value: unknown, errors: Finding[], check: (value: unknown) => Finding[]): unknown {
  let best = { value, errors };
  let tries = 0;
  for (let index = 0; index < best.errors.length && tries < maxPrunes; index++) {
    const path = valuePath(best.errors[index]?.where ?? root);
    if (path === undefined || path.length === 0) continue;
    tries++;
    const candidate = deleteAt(structuredClone(best.value), path);
    if (candidate === undefined) continue;
    const left = check(candidate);
    if (left.length < best.errors.length) {
      best = { value: candidate, errors: left };
      index = -1;
    }
  }
  return best.value;
}

/** The pointer the value is checked at: a body, as `send` and `mock` check it. */
const root = '/body';

function repairable(findings: Finding[]): Finding[] {
  return findings.filter(
    (finding) =>
      finding.severity === 'error' &&
      finding.where !== undefined &&
      (finding.where === root || finding.where.startsWith(`${root}/`)),
  );
}

/** Deepest findings first: a repair higher up may replace what a deeper one would have fixed. */
function repairAll(
  context: FitContext,
  value: unknown,
  errors: Finding[],
  check: (value: unknown) => Finding[],
): { value: unknown; changed: boolean } {
  const ordered = errors
    .map((finding) => ({ finding, path: valuePath(finding.where ?? root) }))
    .filter((item): item is { finding: Finding; path: string[] } => item.path !== undefined)
    .sort((a, b) => b.path.length - a.path.length);
  let current = value;
  let changed = false;
  const done = new Set<string>();
  for (const { finding, path } of ordered) {
    const key = `${finding.where}|${finding.spec}`;
    if (done.has(key)) continue;
    done.add(key);
    const edit = repairOne(context, finding, path, current, check);
    if (edit === undefined) continue;
    current = edit;
    changed = true;
  }
  return { value: current, changed };
}

function valuePath(where: string): string[] | undefined {
  return splitPointer(where.slice(root.length));
}

/** The value after repairing one finding, or `undefined` when it is not repaired here. */
function repairOne(
  context: FitContext,
  finding: Finding,
  path: string[],
  value: unknown,
  check: (value: unknown) => Finding[],
): unknown {
  const { document } = context;
  const tokens = finding.spec === undefined ? undefined : splitPointer(finding.spec);
  if (tokens === undefined || tokens.length === 0) return undefined;
  const keyword = tokens[tokens.length - 1] ?? '';
  const schemaPointer = appendPointer('', ...tokens.slice(0, -1));
  const schema = derefLocal(document.document, resolvePointer(document.document, schemaPointer));
  if (!isJsonObject(schema)) return undefined;
  const here = getAt(value, path);
  const replace = (next: unknown): unknown =>
    next === undefined || sameJson(next, here.value) ? undefined : setAt(value, path, next);
  switch (keyword) {
    case 'format':
      return typeof schema.format === 'string' ? replace(sampleFormat(schema.format)) : undefined;
    case 'enum':
      return Array.isArray(schema.enum) && schema.enum.length > 0
        ? replace(structuredClone(schema.enum[0]))
        : undefined;
    case 'const':
      return 'const' in schema ? replace(structuredClone(schema.const)) : undefined;
    case 'pattern':
      return typeof schema.pattern === 'string'
        ? replace(samplePattern(schema.pattern))
        : undefined;
    case 'type':
      return replace(sampleOfType(document, schema, schemaPointer));
    case 'required':
    case 'dependentRequired':
    case 'dependencies':
      return addProperty(document, schema, schemaPointer, finding, path, value);
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return deleteAt(value, path);
    case 'minItems':
    case 'maxItems':
      return replace(resize(document, schema, schemaPointer, here.value));
    case 'minLength':
    case 'maxLength':
      return replace(relength(schema, here.value));
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return replace(withinLimit(finding, here.value));
    case 'multipleOf':
      return typeof schema.multipleOf === 'number' && typeof here.value === 'number'
        ? replace(
            Number((Math.ceil(here.value / schema.multipleOf) * schema.multipleOf).toPrecision(12)),
          )
        : undefined;
    case 'uniqueItems':
      return Array.isArray(here.value) ? replace(unique(here.value)) : undefined;
    case 'oneOf':
    case 'anyOf':
      return chooseBranch(context, schema, schemaPointer, keyword, finding, path, value, check);
    case 'discriminator':
      return Array.isArray(finding.expected) && finding.expected.length > 0
        ? replace(finding.expected[0])
        : undefined;
    default:
      return undefined;
  }
}

/**
 * For a value that matches none of the branches (and no branch error says what to fix), or
 * several of a `oneOf`'s: each branch's own sample, fitted to it, in turn; the first that leaves
 * no error at or below the value is kept.
 */
function chooseBranch(
  context: FitContext,
  schema: JsonObject,
  pointer: string,
  keyword: 'oneOf' | 'anyOf',
  finding: Finding,
  path: string[],
  value: unknown,
  check: (value: unknown) => Finding[],
): unknown {
  const branches = schema[keyword];
  const where = finding.where ?? root;
  if (context.depth > 0 || !Array.isArray(branches)) return undefined;
  const inside = (item: Finding): boolean =>
    item.where === where || item.where?.startsWith(`${where}/`) === true;
  // A branch error names what to repair; this is only for when none does.
  const several = finding.expected === 'exactly one match';
  if (!several && check(value).filter(inside).length > 1) return undefined;
  for (const [index, branch] of branches.entries()) {
    const spec = { schema: branch, pointer: appendPointer(pointer, keyword, index) };
    const sampled = trySample(context.document, withoutExamples(branch), spec.pointer);
    if (sampled === undefined) continue;
    const fitted = fit({ ...context, depth: context.depth + 1 }, spec, sampled);
    const candidate = setAt(structuredClone(value), path, fitted);
    if (candidate !== undefined && !check(candidate).some(inside)) return candidate;
  }
  return undefined;
}

function withoutExamples(schema: unknown): unknown {
  if (!isJsonObject(schema)) return schema;
  const { example: _example, examples: _examples, default: _default, ...rest } = schema;
  return rest;
}

/** A sample of the schema without its own `example(s)` / `default`, when those are the wrong type. */
function sampleOfType(document: LoadedDocument, schema: JsonObject, pointer: string): unknown {
  const types = typesOf(schema);
  const sampled = trySample(document, withoutExamples(schema), pointer);
  if (
    sampled !== undefined &&
    (types.length === 0 || types.some((type) => isOfType(sampled, type)))
  ) {
    return sampled;
  }
  const wanted = types.find((type) => type !== 'null') ?? types[0];
  return wanted === undefined ? undefined : emptyOf(wanted);
}

function typesOf(schema: JsonObject): string[] {
  if (typeof schema.type === 'string') return [schema.type];
  if (Array.isArray(schema.type)) return schema.type.filter((type) => typeof type === 'string');
  return [];
}

function isOfType(value: unknown, type: string): boolean {
  switch (type) {
    case 'null':
      return value === null;
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isJsonObject(value);
    default:
      return typeof value === type;
  }
}

function emptyOf(type: string): unknown {
  const empties: Record<string, unknown> = {
    null: null,
    integer: 0,
    number: 0,
    boolean: true,
    string: 'string',
    array: [],
    object: {},
  };
  return empties[type];
}

function trySample(document: LoadedDocument, schema: unknown, pointer: string): unknown {
  try {
    return sampleSchema(document, { schema, pointer });
  } catch {
    // A schema the sampler cannot follow leaves the value as it is.
    return undefined;
  }
}

/** Adds the missing property (the last token of `where` for `required`) with a sample of its schema. */
function addProperty(
  document: LoadedDocument,
  schema: JsonObject,
  pointer: string,
  finding: Finding,
  path: string[],
  value: unknown,
): unknown {
  const required = finding.spec?.endsWith('/required') === true;
  const name = required ? path[path.length - 1] : String(finding.expected);
  const objectPath = required ? path.slice(0, -1) : path;
  if (name === undefined) return undefined;
  const holder = getAt(value, objectPath).value;
  if (!isJsonObject(holder) || name in holder) return undefined;
  const properties = isJsonObject(schema.properties) ? schema.properties : {};
  const declared = properties[name] ?? schema.additionalProperties;
  const sampled =
    declared === undefined || typeof declared === 'boolean'
      ? null
      : trySample(document, declared, `${pointer}/properties`);
  return setAt(value, [...objectPath, name], sampled === undefined ? null : sampled);
}

/** An array grown to `minItems` with samples of its `items`, or cut to `maxItems`. */
function resize(
  document: LoadedDocument,
  schema: JsonObject,
  pointer: string,
  value: unknown,
): unknown {
  if (!Array.isArray(value)) return undefined;
  const max = typeof schema.maxItems === 'number' ? schema.maxItems : Number.POSITIVE_INFINITY;
  if (value.length > max) return value.slice(0, max);
  const min = typeof schema.minItems === 'number' ? schema.minItems : 0;
  const items = [...value];
  const itemSchema = Array.isArray(schema.prefixItems) ? undefined : schema.items;
  while (items.length < min) {
    const prefix = Array.isArray(schema.prefixItems) ? schema.prefixItems[items.length] : undefined;
    const declared = prefix ?? itemSchema;
    const sampled =
      declared === undefined || typeof declared === 'boolean'
        ? (items[0] ?? null)
        : trySample(document, declared, `${pointer}/items`);
    items.push(sampled === undefined ? null : sampled);
  }
  return items;
}

/** A string padded to `minLength` or cut to `maxLength` (in code points, as the validator counts). */
function relength(schema: JsonObject, value: unknown): unknown {
  if (typeof value !== 'string') return undefined;
  const characters = [...value];
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : Number.POSITIVE_INFINITY;
  if (characters.length > max) return characters.slice(0, max).join('');
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const filler = characters.length === 0 ? ['x'] : [...characters];
  while (characters.length < min) characters.push(filler[characters.length % filler.length] ?? 'x');
  return characters.join('');
}

/** The nearest whole number on the right side of the limit the finding states (`>= 1`, `< 10`). */
function withinLimit(finding: Finding, value: unknown): unknown {
  if (typeof value !== 'number' || typeof finding.expected !== 'string') return undefined;
  const match = /^(>=|>|<=|<) (.+)$/.exec(finding.expected);
  const limit = Number(match?.[2]);
  if (match === null || !Number.isFinite(limit)) return undefined;
  switch (match[1]) {
    case '>=':
      return Math.ceil(limit);
    case '>':
      return Math.floor(limit) + 1;
    case '<=':
      return Math.floor(limit);
    default:
      return Math.ceil(limit) - 1;
  }
}

function unique(items: unknown[]): unknown[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = JSON.stringify(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function getAt(value: unknown, path: string[]): { found: boolean; value: unknown } {
  let current = value;
  for (const token of path) {
    if (Array.isArray(current)) current = current[Number(token)];
    else if (isJsonObject(current) && token in current) current = current[token];
    else return { found: false, value: undefined };
  }
  return { found: true, value: current };
}

/** The value with `next` put at `path` (changed in place below the root; the root is replaced). */
function setAt(value: unknown, path: string[], next: unknown): unknown {
  if (path.length === 0) return next;
  const parent = getAt(value, path.slice(0, -1)).value;
  const last = path[path.length - 1] ?? '';
  if (Array.isArray(parent)) parent[Number(last)] = next;
  else if (isJsonObject(parent)) parent[last] = next;
  else return undefined;
  return value;
}

/** The value with what is at `path` removed (an array item spliced out), or `undefined`. */
function deleteAt(value: unknown, path: string[]): unknown {
  const parent = getAt(value, path.slice(0, -1)).value;
  const last = path[path.length - 1];
  if (last === undefined) return undefined;
  if (Array.isArray(parent)) {
    const index = Number(last);
    if (!Number.isInteger(index) || index < 0 || index >= parent.length) return undefined;
    parent.splice(index, 1);
    return value;
  }
  if (!isJsonObject(parent) || !(last in parent)) return undefined;
  delete parent[last];
  return value;
}
