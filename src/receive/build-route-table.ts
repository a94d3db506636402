import type { Catalogue, Contract } from '../spec/contract.ts';
import { compileTemplateMatcher } from '../spec/runtime-expression/index.ts';
import type { ExpressionSource, TemplateMatcher } from '../spec/runtime-expression/types.ts';
import type { ReceiverRoute } from './types.ts';

/** Where one contract is served, as the router needs it. */
export interface ContractRoute {
  contract: Contract;
  base: ReceiverRoute['base'];
  /** Path after the token that the URL given to the provider ends with: `/cb/createInvoice`, `/webhooks/newPet`. */
  prefix: string;
  /** Callbacks: matches what follows `prefix` (path and query). Absent: only the bare prefix matches. */
  matcher?: TemplateMatcher;
  /** What follows `prefix`, for display: `/invoices/{$request.body#/id}`. */
  pattern: string;
  specificity: number;
}

/** Every contract's route, indexed the ways the router looks them up. */
export interface RouteTable {
  routes: ContractRoute[];
  byContract: Map<string, ContractRoute>;
  /** Callback routes by prefix (`/cb/<key>` or `/fixed/<key>`). */
  callbackGroups: Map<string, ContractRoute[]>;
  /** Webhook routes by exact path (`/webhooks/<name>`). */
  webhookPaths: Map<string, ContractRoute[]>;
}

function slug(text: string): string {
  return text
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');
}

function describeBase(source: ExpressionSource): string {
  switch (source.type) {
    case 'query':
    case 'parameter':
      return source.name;
    case 'header':
      return `header-${source.name}`;
    case 'path':
      return `path-${source.name}`;
    case 'body':
      return `${source.from}-body${source.pointer.replaceAll('/', '-')}`;
    case 'unknown':
      return 'unknown';
    default:
      return source.type;
  }
}

/** The readable name of the operation that triggers a callback, unique across the document. */
function operationKey(contract: Contract): string {
  const trigger = contract.trigger;
  if (trigger === undefined) return slug(contract.id.split('/')[0] ?? contract.id) || 'callback';
  if (trigger.operationId !== undefined && slug(trigger.operationId) !== '') {
    return slug(trigger.operationId);
  }
  return slug(`${trigger.method}-${trigger.path}`) || trigger.method;
}

/** Groups callbacks that necessarily share a base URL: same trigger operation, same base source. */
function groupOf(contract: Contract): { category: 'cb' | 'fixed'; id: string; label: string } {
  const base = contract.expression?.base ?? { kind: 'none' };
  const trigger = contract.trigger?.pointer ?? contract.id;
  switch (base.kind) {
    case 'expression':
      return {
        category: 'cb',
        id: `${trigger} ${JSON.stringify(base.source)}`,
        label: slug(describeBase(base.source)),
      };
    case 'fixed':
      return { category: 'fixed', id: `${trigger} ${base.origin}`, label: slug(base.origin) };
    case 'relative':
      return { category: 'fixed', id: `${trigger} relative`, label: 'relative' };
    default:
      return { category: 'cb', id: `${trigger} none ${contract.id}`, label: slug(contract.name) };
  }
}

/** A webhook name as path segments: Adyen-style names such as `/ACCOUNT_CLOSED` lose the slash. */
function webhookPath(name: string): string {
  return name.replace(/^\/+/, '').split('/').map(encodeURIComponent).join('/');
}

function normalisePrefix(prefix: string): string {
  const trimmed = prefix.trim().replace(/\/+$/, '');
  if (trimmed === '') return '';
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

/**
 * Assigns every contract of a catalogue its receiver path (after the per-receiver token):
 * callbacks under `/cb/<triggerKey>` (base read from an expression) or `/fixed/<triggerKey>`
 * (fixed or relative base), webhooks at `<webhookPrefix>/<name>`.
 * @example buildRouteTable(catalogue, '/webhooks').byContract.get('createInvoice/invoicePaid/post')?.prefix // '/cb/createInvoice'
 */
export function buildRouteTable(catalogue: Catalogue, webhookPrefix: string): RouteTable {
  const table: RouteTable = {
    routes: [],
    byContract: new Map(),
    callbackGroups: new Map(),
    webhookPaths: new Map(),
  };
  const hookPrefix = normalisePrefix(webhookPrefix);

  // Pass 1: which base groups each trigger operation has, so keys only grow a suffix when needed.
  const groupsByOperation = new Map<string, Set<string>>();
  for (const contract of catalogue.contracts) {
    if (contract.kind !== 'callback') continue;
    const group = groupOf(contract);
    const op = `${group.category} ${operationKey(contract)} ${contract.trigger?.pointer ?? ''}`;
    const set = groupsByOperation.get(op) ?? new Set();
    set.add(group.id);
    groupsByOperation.set(op, set);
  }

  const keyOfGroup = new Map<string, string>();
  const usedKeys = new Set<string>();
  function keyFor(contract: Contract): string {
    const group = groupOf(contract);
    const known = keyOfGroup.get(`${group.category} ${group.id}`);
    if (known !== undefined) return known;
    const opKey = operationKey(contract);
    const op = `${group.category} ${opKey} ${contract.trigger?.pointer ?? ''}`;
    const shared = (groupsByOperation.get(op)?.size ?? 1) > 1;
    const wanted = shared && group.label !== '' ? `${opKey}-${group.label}` : opKey;
    let key = wanted;
    for (let n = 2; usedKeys.has(`${group.category}/${key}`); n++) key = `${wanted}-${n}`;
    usedKeys.add(`${group.category}/${key}`);
    keyOfGroup.set(`${group.category} ${group.id}`, key);
    return key;
  }

  for (const contract of catalogue.contracts) {
    let route: ContractRoute;
    if (contract.kind === 'webhook') {
      route = {
        contract,
        base: 'webhook',
        prefix: `${hookPrefix}/${webhookPath(contract.name)}`,
        pattern: '',
        specificity: 0,
      };
      const list = table.webhookPaths.get(route.prefix) ?? [];
      list.push(route);
      table.webhookPaths.set(route.prefix, list);
    } else {
      const group = groupOf(contract);
      const base = contract.expression?.base.kind ?? 'none';
      const prefix = `/${group.category}/${keyFor(contract)}`;
      route = { contract, base, prefix, pattern: '', specificity: 0 };
      if (contract.expression !== undefined && base !== 'none') {
        const matcher = compileTemplateMatcher(contract.expression);
        route.matcher = matcher;
        route.pattern = matcher.pattern;
        route.specificity = matcher.specificity;
      }
      const list = table.callbackGroups.get(prefix) ?? [];
      list.push(route);
      table.callbackGroups.set(prefix, list);
    }
    table.routes.push(route);
    table.byContract.set(contract.id, route);
  }
  return table;
}
