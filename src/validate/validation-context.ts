import type { SchemaSpec } from '../spec/contract.ts';
import { derefLocal } from '../spec/deref-local.ts';
import type { LoadedDocument } from '../spec/document.ts';
import type { Finding } from './finding.ts';
import type { Direction } from './schema/build-schema-view.ts';
import {
  createSchemaEngine,
  type PreparedSchema,
  type SchemaEngine,
} from './schema/create-schema-engine.ts';

/** What every check needs: the document, its schema engines, and which notes were already given. */
export interface ValidationContext {
  document: LoadedDocument;
  /** Follows local `$ref`s. */
  resolve(value: unknown): unknown;
  /**
   * Findings for a value checked against a schema. Problems of the schema itself come with
   * them: a compile failure every time (the value went unchecked), warnings once per contract.
   */
  checkSchema(
    schema: SchemaSpec,
    value: unknown,
    options: { where: string; check: string; direction: Direction; contract: string | undefined },
  ): Finding[];
  /** Builds the engine of a direction now rather than on first use. */
  warmUp(direction: Direction): void;
}

/** `jsonSchemaDialect` values whose schemas are JSON Schema 2020-12 plus the OAS vocabulary. */
const supportedDialect =
  /^https:\/\/(spec\.openapis\.org\/oas\/3\.\d\/dialect\/|json-schema\.org\/draft\/2020-12\/schema)/;

/** A warning when the document declares a schema dialect the engine does not implement. */
function dialectFinding(document: LoadedDocument): Finding | undefined {
  const dialect = document.document.jsonSchemaDialect;
  if (document.version === '3.0' || typeof dialect !== 'string' || supportedDialect.test(dialect)) {
    return undefined;
  }
  return {
    check: 'schema.dialect',
    severity: 'warning',
    message: `jsonSchemaDialect ${JSON.stringify(dialect)} is not supported; schemas are validated as JSON Schema 2020-12 with the OpenAPI vocabulary.`,
    spec: '/jsonSchemaDialect',
    actual: dialect,
  };
}

/** Creates the shared state of one validator; engines are built on first use. */
export function createValidationContext(document: LoadedDocument): ValidationContext {
  const engines = new Map<Direction, SchemaEngine>();
  /** The contracts told of an unsupported `jsonSchemaDialect` (once each). */
  const dialectTold = new Set<string | undefined>();
  /** The contracts each prepared schema's notes were given to (warnings go once per contract). */
  const notesGiven = new WeakMap<PreparedSchema, Set<string | undefined>>();
  const dialect = dialectFinding(document);
  const engineFor = (direction: Direction): SchemaEngine => {
    let engine = engines.get(direction);
    if (engine === undefined) {
      engine = createSchemaEngine(document, direction);
      engines.set(direction, engine);
    }
    return engine;
  };
  return {
    document,
    resolve: (value) => derefLocal(document.document, value),
    warmUp: (direction) => engineFor(direction).warmUp(),
    checkSchema(schema, value, { where, check, direction, contract }) {
      const prepared = engineFor(direction).prepare(schema);
      const findings = prepared.check(value, where, check);
      if (prepared.findings.length > 0) {
        // A prepared schema stands for one direction and pointer: what is left is the contract.
        let told = notesGiven.get(prepared);
        if (told === undefined) {
          told = new Set();
          notesGiven.set(prepared, told);
        }
        const first = !told.has(contract);
        told.add(contract);
        const notes = prepared.findings.filter((finding) => first || finding.severity === 'error');
        findings.unshift(...notes.map((finding) => ({ ...finding })));
      }
      if (dialect !== undefined && !dialectTold.has(contract)) {
        dialectTold.add(contract);
        findings.unshift({ ...dialect });
      }
      if (contract !== undefined) for (const finding of findings) finding.contract = contract;
      return findings;
    },
  };
}
