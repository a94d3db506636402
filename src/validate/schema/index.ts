/** The schema engine: OAS dialects over Ajv, compiled once per schema, errors as findings. */
export { buildSchemaView, type Direction, type SchemaView } from './build-schema-view.ts';
export {
  createSchemaEngine,
  type PreparedSchema,
  type SchemaEngine,
} from './create-schema-engine.ts';
