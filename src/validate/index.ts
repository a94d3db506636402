/** Validation: requests, responses and values against an OpenAPI document, as findings. */
export { createValidator, type Validator } from './create-validator.ts';
export { describeLocation } from './describe-location.ts';
export { type Finding, hasErrors, type Severity } from './finding.ts';
export { isJsonMediaType, type MediaType, matchMediaType, parseMediaType } from './media-type.ts';
