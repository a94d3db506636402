export { buildAnswer } from './build-answer.ts';
export { buildListenReport, type ListenReportInput } from './build-listen-report.ts';
export { createJournal, type Journal } from './create-journal.ts';
export { createReceiver } from './create-receiver.ts';
export type { Exchange, HeaderMap, InboundRequest, ReceiverAnswer } from './exchange.ts';
export { parseJournalLine } from './parse-journal-line.ts';
export { serialiseExchange } from './serialise-exchange.ts';
export { reservedPrefix, serveExtraRoute } from './serve-extra-route.ts';
export type * from './types.ts';
