import type { ValidateFunction } from 'ajv';
import type { SchemaSpec } from '../../spec/contract.ts';
import type { LoadedDocument } from '../../spec/document.ts';
import type { Finding } from '../finding.ts';
import {
  buildSchemaView,
  type Direction,
  type SchemaNote,
  type SchemaView,
} from './build-schema-view.ts';
import { collectSchemaNotes, resolveInView } from './collect-schema-notes.ts';
import { convertAjvErrors } from './convert-ajv-errors.ts';
import { type AjvSetup, coreKeywords, createAjv } from './create-ajv.ts';
import { toFragment, toViewPointer } from './to-view-pointer.ts';

/** A schema ready to check values; compiled once, on first use. */
export interface PreparedSchema {
  /** Problems with the schema itself: `schema.compile` (error) or warnings. No `contract` set. */
  findings: Finding[];
  /** False when the schema could not be compiled; `check` then finds nothing. */
  ok: boolean;
  /** Findings for one value; `where` is its JSON pointer in the request, `check` the id to use. */
  check(value: unknown, where: string, check: string): Finding[];
}

/** Compiles and caches the schemas of one document for one direction. */
export interface SchemaEngine {
  prepare(schema: SchemaSpec): PreparedSchema;
  /**
   * Builds the document view and the Ajv instance now instead of on the first `prepare`, and
   * compiles the schemas most of the document references (see {@link sharedTargets}).
   */
  warmUp(): void;
}

/** At most this many shared schemas are compiled by `warmUp`. */
const maxSharedTargets = 8;

/**
 * The `$ref` targets worth compiling before any request: those referenced at least a quarter as
 * often as the most referenced one, most referenced first. On GitHub's webhooks five components
 * (the sender, repository, organisation, installation and enterprise of every event) are
 * referenced 231 to 308 times and the next one 20 times; they make up most of what the first
 * request of nearly any webhook would otherwise compile. A document whose references are spread
 * evenly gets only its few most referenced schemas compiled.
 */
export function sharedTargets(refCounts: ReadonlyMap<string, number>): string[] {
  const most = Math.max(0, ...refCounts.values());
  return [...refCounts]
    .filter(([, count]) => count >= 2 && count * 4 >= most)
    .sort((a, b) => b[1] - a[1])
    .slice(0, maxSharedTargets)
    .map(([ref]) => ref);
}

let documentCounter = 0;

/**
 * The schema engine of one document and direction. The document (as a {@link SchemaView}) is
 * registered once; each schema is compiled as a reference into it, so shared `components`
 * are compiled once and referenced, never copied.
 */
export function createSchemaEngine(loaded: LoadedDocument, direction: Direction): SchemaEngine {
  let state: { view: SchemaView; setup: AjvSetup } | undefined;
  const cache = new Map<string, PreparedSchema>();
  const init = (): { view: SchemaView; setup: AjvSetup } => {
    if (state === undefined) {
      const view = buildSchemaView(loaded.document, loaded.version, direction);
      const setup = createAjv(
        view,
        loaded.version,
        `callback-verify:document-${++documentCounter}`,
      );
      state = { view, setup };
    }
    return state;
  };
  let warmed = false;
  return {
    warmUp() {
      const ready = init();
      if (warmed) return;
      warmed = true;
      // Off the request path: the receiver calls this right after it starts listening. The
      // first request then compiles only what its own schema adds, on a JIT that has seen
      // Ajv's compiler run. Not done on the lazy path: a lone `prepare` needs none of it.
      for (const ref of sharedTargets(ready.view.refCounts)) precompile(ready, ref);
    },
    prepare(schema) {
      const key = schema.pointer;
      let prepared = cache.get(key);
      if (prepared === undefined) {
        prepared = compile(init(), schema, loaded);
        cache.set(key, prepared);
      }
      return prepared;
    },
  };
}

/**
 * Compiles one shared schema ahead of use. A failure is left for the contracts that use the
 * schema to report (Ajv tries again, and fails again, when they compile); what Ajv logs is kept
 * as a note on the schema, so each contract that reaches it hears of it.
 */
function precompile({ view, setup }: { view: SchemaView; setup: AjvSetup }, ref: string): void {
  setup.log.length = 0;
  try {
    setup.validatorFor(ref);
  } catch {
    // Reported by the contracts that use it; see above.
  }
  const node = resolveInView(view, ref);
  const pointer = typeof node === 'object' && node !== null ? view.pointerOf.get(node) : undefined;
  const logged = setup.log.filter((message) => !message.includes('unknown keyword'));
  setup.log.length = 0;
  if (pointer === undefined || node === null || typeof node !== 'object') return;
  const notes = logged.map((message) => ({ check: 'strict', message, pointer }));
  if (notes.length > 0) view.notesOf.set(node, [...(view.notesOf.get(node) ?? []), ...notes]);
}

function compile(
  { view, setup }: { view: SchemaView; setup: AjvSetup },
  schema: SchemaSpec,
  loaded: LoadedDocument,
): PreparedSchema {
  const viewPointer = toViewPointer(view, schema.pointer);
  if (viewPointer === undefined) {
    return failed(
      schema.pointer,
      `the schema at ${schema.pointer || '(root)'} cannot be found in the document`,
    );
  }
  let validate: ValidateFunction | undefined;
  setup.log.length = 0;
  try {
    validate = setup.validatorFor(toFragment(viewPointer));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return failed(schema.pointer, `the schema at ${schema.pointer} cannot be compiled: ${reason}`);
  }
  if (validate === undefined) {
    return failed(schema.pointer, `the schema at ${schema.pointer} cannot be resolved`);
  }
  const isKnown = (keyword: string): boolean =>
    coreKeywords.has(keyword) || setup.ajv.RULES.keywords[keyword] === true;
  const notes = collectSchemaNotes(view, resolveInView(view, toFragment(viewPointer)), isKnown);
  const findings = notes.flatMap((note) => noteToFinding(note, setup, loaded));
  for (const message of setup.log) {
    if (message.includes('unknown keyword')) continue;
    findings.push({
      check: 'schema.strict',
      severity: 'warning',
      message: `The schema at ${schema.pointer} is questionable: ${message.replace(/^strict mode: /, '')}`,
      spec: schema.pointer,
    });
  }
  setup.log.length = 0;
  const checker = validate;
  return {
    findings,
    ok: true,
    check(value, where, check) {
      try {
        if (checker(value)) return [];
        return convertAjvErrors(checker.errors ?? [], {
          where,
          check,
          view,
          validatorFor: setup.validatorFor,
          root: schema.pointer,
        });
      } catch (error) {
        // A discriminator branch is compiled when a value first selects it; if it cannot be,
        // the value goes unchecked and the finding says why, as for the schema itself.
        const reason = error instanceof Error ? error.message : String(error);
        return failed(schema.pointer, `the schema at ${schema.pointer} cannot be used: ${reason}`)
          .findings;
      }
    },
  };
}

function failed(pointer: string, message: string): PreparedSchema {
  const finding: Finding = {
    check: 'schema.compile',
    severity: 'error',
    message: `${message[0]?.toUpperCase() ?? ''}${message.slice(1)}; values are not checked against it.`,
    spec: pointer,
  };
  return { findings: [finding], ok: false, check: () => [] };
}

function noteToFinding(note: SchemaNote, setup: AjvSetup, loaded: LoadedDocument): Finding[] {
  switch (note.check) {
    case 'format':
      if (!setup.unknownFormats.has(note.message)) return [];
      return [
        {
          check: 'schema.unknown-format',
          severity: 'warning',
          message: `Format "${note.message}" is not a known format; values are accepted without checking it.`,
          spec: note.pointer,
          actual: note.message,
        },
      ];
    case 'nullable':
      return [
        {
          check: 'schema.nullable',
          severity: 'warning',
          message: `"nullable" is an OpenAPI 3.0 keyword but this is a ${loaded.version} document; null is accepted as intended (write type: [..., "null"] instead).`,
          spec: note.pointer,
        },
      ];
    case 'strict':
      return [
        {
          check: 'schema.strict',
          severity: 'warning',
          message: `The schema at ${note.pointer} is questionable: ${note.message.replace(/^strict mode: /, '')}`,
          spec: note.pointer,
        },
      ];
    case 'keyword':
      return [
        {
          check: 'schema.unknown-keyword',
          severity: 'warning',
          message: `Keyword "${note.message}" is not part of the ${loaded.version === '3.0' ? 'OpenAPI 3.0' : 'JSON Schema 2020-12'} dialect and is ignored.`,
          spec: note.pointer,
          actual: note.message,
        },
      ];
    default:
      return [];
  }
}
