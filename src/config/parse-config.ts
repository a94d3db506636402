import { dirname, resolve } from 'node:path';
import { ConfigError } from '../errors.ts';
import type { ReceiverBehaviour } from '../receive/types.ts';
import { isJsonObject } from '../spec/is-json-object.ts';
import type { CallbackVerifyConfig, ExpectConfig, OperationConfig } from './types.ts';

type Json = Record<string, unknown>;

const topLevelKeys = [
  'provider',
  'headers',
  'timeout',
  'concurrency',
  'callbackBase',
  'respond',
  'tls',
  'ca',
  'operations',
];
const operationKeys = [
  'parameters',
  'body',
  'headers',
  'expect',
  'timeout',
  'respond',
  'skip',
  'repeat',
];

/**
 * Narrows a parsed config file to {@link CallbackVerifyConfig}; every problem names the bad key.
 *
 * @example
 * parseConfig({ timeout: 5, operations: { createInvoice: { body: { id: 'x' } } } }, 'cv.json')
 */
export function parseConfig(value: unknown, source: string): CallbackVerifyConfig {
  const root = readObject(value, '(root)', source);
  rejectUnknownKeys(root, topLevelKeys, '', source);
  const config: CallbackVerifyConfig = {};
  if (root.provider !== undefined) config.provider = readUrl(root.provider, 'provider', source);
  if (root.headers !== undefined) config.headers = readHeaders(root.headers, 'headers', source);
  if (root.timeout !== undefined) config.timeout = readPositive(root.timeout, 'timeout', source);
  if (root.concurrency !== undefined) {
    config.concurrency = readCount(root.concurrency, 'concurrency', source, 1);
  }
  if (root.callbackBase !== undefined) {
    config.callbackBase = readUrl(root.callbackBase, 'callbackBase', source);
  }
  if (root.respond !== undefined) config.respond = readRespond(root.respond, 'respond', source);
  if (root.tls !== undefined) config.tls = readTls(root.tls, 'tls', source);
  if (root.ca !== undefined) {
    if (!Array.isArray(root.ca)) fail('ca', 'must be a list of PEM file paths', root.ca, source);
    config.ca = root.ca.map((path, index) => readPath(path, `ca[${index}]`, source));
  }
  if (root.operations !== undefined) {
    const operations = readObject(root.operations, 'operations', source);
    config.operations = {};
    for (const [key, entry] of Object.entries(operations)) {
      config.operations[key] = readOperation(entry, `operations.${key}`, source);
    }
  }
  return config;
}

function readOperation(value: unknown, at: string, source: string): OperationConfig {
  const object = readObject(value, at, source);
  rejectUnknownKeys(object, operationKeys, `${at}.`, source);
  const operation: OperationConfig = {};
  if (object.parameters !== undefined) {
    operation.parameters = { ...readObject(object.parameters, `${at}.parameters`, source) };
  }
  if ('body' in object) operation.body = object.body;
  if (object.headers !== undefined) {
    operation.headers = readHeaders(object.headers, `${at}.headers`, source);
  }
  if (object.expect !== undefined)
    operation.expect = readExpect(object.expect, `${at}.expect`, source);
  if (object.timeout !== undefined) {
    operation.timeout = readPositive(object.timeout, `${at}.timeout`, source);
  }
  if (object.respond !== undefined) {
    operation.respond = readRespond(object.respond, `${at}.respond`, source);
  }
  if (object.repeat !== undefined)
    operation.repeat = readCount(object.repeat, `${at}.repeat`, source, 1);
  if (object.skip !== undefined) {
    if (typeof object.skip !== 'boolean')
      fail(`${at}.skip`, 'must be true or false', object.skip, source);
    operation.skip = object.skip;
  }
  return operation;
}

/** Certificate and key go together: one without the other is refused like the flags. */
function readTls(value: unknown, at: string, source: string): { cert: string; key: string } {
  const object = readObject(value, at, source);
  rejectUnknownKeys(object, ['cert', 'key'], `${at}.`, source);
  for (const key of ['cert', 'key'] as const) {
    if (object[key] === undefined) {
      throw new ConfigError(
        `${source}: "${at}" needs both "cert" and "key", "${key}" is missing.`,
        {
          hint: 'Give the PEM certificate and its private key, e.g. tls: { cert: cert.pem, key: key.pem }, or drop "tls" to serve plain HTTP.',
        },
      );
    }
  }
  return {
    cert: readPath(object.cert, `${at}.cert`, source),
    key: readPath(object.key, `${at}.key`, source),
  };
}

/** A file path, relative to the config file's folder unless absolute. */
function readPath(value: unknown, at: string, source: string): string {
  if (typeof value !== 'string' || value === '') fail(at, 'must be a file path', value, source);
  return resolve(dirname(source), value);
}

function readExpect(value: unknown, at: string, source: string): ExpectConfig {
  const object = readObject(value, at, source);
  rejectUnknownKeys(object, ['contracts', 'count'], `${at}.`, source);
  const expect: ExpectConfig = {};
  if (object.contracts !== undefined) {
    const list = object.contracts;
    if (!Array.isArray(list) || !list.every((item) => typeof item === 'string')) {
      fail(`${at}.contracts`, 'must be a list of contract ids', list, source);
    }
    expect.contracts = [...list];
  }
  if (object.count !== undefined) expect.count = readCount(object.count, `${at}.count`, source, 0);
  return expect;
}

function readRespond(
  value: unknown,
  at: string,
  source: string,
): Record<string, ReceiverBehaviour> {
  const object = readObject(value, at, source);
  const result: Record<string, ReceiverBehaviour> = {};
  for (const [contract, entry] of Object.entries(object)) {
    result[contract] = readBehaviour(entry, `${at}.${contract}`, source);
  }
  return result;
}

/** A behaviour is an object, or the short form: a list of statuses. */
function readBehaviour(value: unknown, at: string, source: string): ReceiverBehaviour {
  if (Array.isArray(value)) return { statuses: readStatuses(value, at, source) };
  const object = readObject(value, at, source);
  rejectUnknownKeys(object, ['statuses', 'delayMs', 'drop'], `${at}.`, source);
  const behaviour: ReceiverBehaviour = {};
  if (object.statuses !== undefined) {
    if (!Array.isArray(object.statuses)) {
      fail(`${at}.statuses`, 'must be a list of HTTP statuses', object.statuses, source);
    }
    behaviour.statuses = readStatuses(object.statuses, `${at}.statuses`, source);
  }
  if (object.delayMs !== undefined) {
    behaviour.delayMs = readCount(object.delayMs, `${at}.delayMs`, source, 0);
  }
  if (object.drop !== undefined) {
    if (typeof object.drop !== 'boolean')
      fail(`${at}.drop`, 'must be true or false', object.drop, source);
    behaviour.drop = object.drop;
  }
  return behaviour;
}

function readStatuses(list: unknown[], at: string, source: string): number[] {
  return list.map((status, index) => {
    if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599) {
      fail(`${at}[${index}]`, 'must be an HTTP status between 100 and 599', status, source);
    }
    return status;
  });
}

function readHeaders(value: unknown, at: string, source: string): Record<string, string> {
  const object = readObject(value, at, source);
  const headers: Record<string, string> = {};
  for (const [name, header] of Object.entries(object)) {
    if (typeof header === 'number' || typeof header === 'boolean') headers[name] = String(header);
    else if (typeof header === 'string') headers[name] = header;
    else fail(`${at}.${name}`, 'must be a string', header, source);
  }
  return headers;
}

function readUrl(value: unknown, at: string, source: string): string {
  if (typeof value !== 'string' || !URL.canParse(value) || !/^https?:/i.test(value)) {
    fail(at, 'must be an http(s) URL', value, source);
  }
  return value;
}

function readPositive(value: unknown, at: string, source: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    fail(at, 'must be a positive number of seconds', value, source);
  }
  return value;
}

function readCount(value: unknown, at: string, source: string, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    fail(at, `must be a whole number of at least ${min}`, value, source);
  }
  return value;
}

function readObject(value: unknown, at: string, source: string): Json {
  if (!isJsonObject(value)) fail(at, 'must be an object', value, source);
  return value;
}

function rejectUnknownKeys(object: Json, known: string[], prefix: string, source: string): void {
  for (const key of Object.keys(object)) {
    if (!known.includes(key)) {
      throw new ConfigError(`${source}: unknown key "${prefix}${key}".`, {
        hint: `Known keys here: ${known.join(', ')}.`,
      });
    }
  }
}

function fail(at: string, what: string, value: unknown, source: string): never {
  throw new ConfigError(
    `${source}: "${at}" ${what}, got ${JSON.stringify(value) ?? 'undefined'}.`,
    {
      hint: 'Fix the config file; docs/manual/run.md shows its shape.',
    },
  );
}
