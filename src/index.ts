/**
 * callback-verify: contract-test OpenAPI callbacks and webhooks.
 * The public API; re-exports only.
 */
export {
  type CallbackVerifyConfig,
  loadConfig,
  type OperationConfig,
  parseConfig,
  type RunFlags,
  resolveRunOptions,
} from './config/index.ts';
export * from './errors.ts';
export * from './provide/index.ts';
export * from './provide/mock/index.ts';
export type { Exchange, HeaderMap, InboundRequest, ReceiverAnswer } from './receive/exchange.ts';
export {
  buildListenReport,
  createJournal,
  createReceiver,
  type ExtraRouteHandler,
  type Journal,
  type ListenReportInput,
  parseJournalLine,
  type Receiver,
  type ReceiverBehaviour,
  type ReceiverOptions,
  type ReceiverRoute,
  type ReceiverStats,
  reservedPrefix,
  serialiseExchange,
  serveExtraRoute,
} from './receive/index.ts';
export {
  buildLiveRunReport,
  createDashboard,
  createDashboardRoute,
  createMockSource,
  createReceiverSource,
  type Dashboard,
  type DashboardChange,
  type DashboardOptions,
  type DashboardRoute,
  type DashboardSource,
  type LiveRunProgress,
  type MockSource,
  type ReceiverSource,
  type ReceiverSourceOptions,
} from './report/dashboard/index.ts';
export {
  type ConsoleOptions,
  type ReporterName,
  readReportAssets,
  renderConsole,
  renderHtml,
  renderJson,
  renderJunit,
  renderMarkdown,
  summarise,
  writeReports,
} from './report/index.ts';
export type * from './report/report.ts';
export type {
  AdditionalHttpMethod,
  Catalogue,
  Contract,
  ExampleSpec,
  FixedHttpMethod,
  HttpMethod,
  MediaTypeSpec,
  OperationSpec,
  ParameterSpec,
  RequestBodySpec,
  ResponseSpec,
  SchemaSpec,
  TriggerOperation,
} from './spec/contract.ts';
export type { JsonObject, LoadedDocument, OasVersion } from './spec/document.ts';
export {
  buildCatalogue,
  derefLocal,
  lintCatalogue,
  loadDocument,
  resolvePointer,
  summariseCatalogue,
} from './spec/index.ts';
export type { OpenApiDocument } from './spec/open-api-document.ts';
export {
  compileTemplateMatcher,
  describeSource,
  evaluateUrlTemplate,
  injectionPoint,
  parseUrlTemplate,
} from './spec/runtime-expression/index.ts';
export type * from './spec/runtime-expression/types.ts';
export type { CatalogueSummary, ContractSummary } from './spec/summarise-catalogue.ts';
export {
  checkTlsIdentity,
  readCaFiles,
  readTlsIdentity,
  type TlsIdentity,
  trustedCas,
} from './tls/index.ts';
export {
  checkFilters,
  checkProviderReachable,
  type PlannedTrigger,
  type ProviderProcess,
  planTriggers,
  type RunOptions,
  type RunProgressEvent,
  runConformance,
  runReceiverOptions,
  startProvider,
} from './trigger/index.ts';
export { createValidator, type Validator } from './validate/create-validator.ts';
export { type Finding, hasErrors, type Severity } from './validate/finding.ts';
