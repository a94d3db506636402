/** Loading OpenAPI documents, the contract catalogue, lint, and runtime expressions. */
export { buildCatalogue } from './build-catalogue.ts';
export { derefLocal } from './deref-local.ts';
export {
  appendPointer,
  escapePointerToken,
  splitPointer,
  unescapePointerToken,
} from './json-pointer.ts';
export { lintCatalogue } from './lint-catalogue.ts';
export { loadDocument } from './load-document.ts';
export type { OpenApiDocument } from './open-api-document.ts';
export { resolvePointer } from './resolve-pointer.ts';
export {
  isJsonParameter,
  type ParameterSerialisation,
  parameterStyle,
  serialiseParameter,
} from './serialise-parameter.ts';
export {
  type CatalogueSummary,
  type ContractSummary,
  describeBase,
  summariseCatalogue,
} from './summarise-catalogue.ts';
