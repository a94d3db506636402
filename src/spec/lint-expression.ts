import type { Finding } from '../validate/finding.ts';
import type { Contract, TriggerOperation } from './contract.ts';
import { derefLocal } from './deref-local.ts';
import type { JsonObject } from './document.ts';
import { isJsonObject } from './is-json-object.ts';
import { describeSource } from './runtime-expression/index.ts';
import type { ExpressionSource } from './runtime-expression/types.ts';
import { wireMethod } from './wire-method.ts';

/**
 * Lint findings for one callback key: issues found while parsing it (non-standard or malformed
 * expressions), values it reads that the trigger operation does not declare (parameters,
 * headers, a request body or body field), and a base the receiver cannot capture.
 */
export function lintExpression(
  contract: Contract,
  document: JsonObject,
  add: (finding: Finding) => void,
): void {
  const { expression, trigger } = contract;
  if (expression === undefined || trigger === undefined) return;
  const spec = contract.pointer;
  for (const issue of expression.issues) {
    add({
      check: issue.code,
      severity: issue.severity,
      message: issue.message,
      contract: contract.id,
      spec,
    });
  }
  for (const part of expression.parts) {
    if (part.kind !== 'expression') continue;
    const body = undeclaredBodyField(part.source, trigger, document);
    if (body !== undefined) {
      add({ ...body, contract: contract.id, spec, expected: part.raw });
      continue;
    }
    const missing = undeclaredParameter(part.source, trigger);
    if (missing === undefined) continue;
    add({
      check: 'expression.undeclared-parameter',
      severity: 'warning',
      message: `The callback URL reads ${describeSource(part.source)}, but ${describeTrigger(trigger)} declares no ${missing}; a trigger request cannot be built to carry it.`,
      contract: contract.id,
      spec,
      expected: part.raw,
    });
  }
  if (expression.base.kind === 'fixed') {
    add({
      check: 'url.fixed-host',
      severity: 'warning',
      message: `The callback URL has the fixed host ${expression.base.origin}, which a local receiver cannot capture by injecting its own URL; run with --callback-base <receiver URL> (or point that host at the receiver).`,
      contract: contract.id,
      spec,
    });
  } else if (expression.base.kind === 'relative') {
    add({
      check: 'url.no-host',
      severity: 'info',
      message:
        'The callback URL is a path with no host: the provider prepends a base it chooses itself; run with --callback-base <receiver URL>.',
      contract: contract.id,
      spec,
    });
  }
}

/** What the trigger lacks for a source that reads one of its parameters, or `undefined`. */
function undeclaredParameter(
  source: ExpressionSource,
  trigger: TriggerOperation,
): string | undefined {
  const declared = (location: string | undefined, name: string): boolean =>
    trigger.parameters.some(
      (parameter) =>
        (location === undefined || parameter.in === location) &&
        (parameter.in === 'header'
          ? parameter.name.toLowerCase() === name.toLowerCase()
          : parameter.name === name),
    );
  switch (source.type) {
    case 'query':
      // An OAS 3.2 querystring parameter describes the whole query, whatever names it holds.
      return declared('query', source.name) ||
        trigger.parameters.some((parameter) => parameter.in === 'querystring')
        ? undefined
        : `query parameter ${source.name}`;
    case 'path':
      return declared('path', source.name) ? undefined : `path parameter ${source.name}`;
    case 'header':
      if (source.from !== 'request' || declared('header', source.name)) return undefined;
      return `header ${source.name}`;
    case 'parameter':
      return declared(undefined, source.name) ? undefined : `parameter named ${source.name}`;
    default:
      return undefined;
  }
}

/** Composition and open-ended keywords: with any of them, a missing property proves nothing. */
const openKeywords = [
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  'if',
  'additionalProperties',
  'patternProperties',
  'unevaluatedProperties',
  '$ref',
  '$dynamicRef',
];

/**
 * A finding when the expression reads the trigger's request body but the trigger declares none,
 * or reads a top-level field that a closed, plain object schema does not list.
 */
function undeclaredBodyField(
  source: ExpressionSource,
  trigger: TriggerOperation,
  document: JsonObject,
): Omit<Finding, 'contract' | 'spec'> | undefined {
  if (source.type !== 'body' || source.from !== 'request') return undefined;
  const where = describeSource(source);
  if (trigger.requestBody === undefined) {
    return {
      check: 'expression.undeclared-body',
      severity: 'warning',
      message: `The callback URL reads ${where}, but ${describeTrigger(trigger)} declares no requestBody; a trigger request cannot be built to carry it.`,
    };
  }
  const [field] = source.pointer.split('/').slice(1);
  if (field === undefined || field === '') return undefined;
  const name = field.replaceAll('~1', '/').replaceAll('~0', '~');
  for (const media of trigger.requestBody.content) {
    const schema =
      media.schema === undefined ? undefined : derefLocal(document, media.schema.schema);
    if (!isJsonObject(schema) || !isJsonObject(schema.properties)) return undefined;
    if (openKeywords.some((keyword) => keyword in schema)) return undefined;
    if (Object.hasOwn(schema.properties, name)) return undefined;
    // `/webhooks.url` may mean `/webhooks/url`; the dotted-pointer issue already says so.
    if (name.includes('.') && Object.hasOwn(schema.properties, name.split('.')[0] ?? ''))
      return undefined;
  }
  if (trigger.requestBody.content.length === 0) return undefined;
  return {
    check: 'expression.unknown-body-field',
    severity: 'info',
    message: `The callback URL reads ${where}, but the request body schema of ${describeTrigger(trigger)} has no property "${name}".`,
  };
}

function describeTrigger(trigger: TriggerOperation): string {
  const name = trigger.operationId === undefined ? '' : ` (${trigger.operationId})`;
  return `${wireMethod(trigger.method)} ${trigger.path}${name}`;
}
