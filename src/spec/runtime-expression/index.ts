/** Runtime expressions: parse callback keys, evaluate them, match received URLs, describe sources. */
export { compileTemplateMatcher } from './compile-template-matcher.ts';
export { describeSource } from './describe-source.ts';
export { evaluateUrlTemplate } from './evaluate-url-template.ts';
export { injectionPoint } from './injection-point.ts';
export { parseUrlTemplate } from './parse-url-template.ts';
export type * from './types.ts';
