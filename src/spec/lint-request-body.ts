import type { Finding } from '../validate/finding.ts';
import type { Contract } from './contract.ts';
import { mediaTypeIssue } from './media-type-issue.ts';
import { wireMethod } from './wire-method.ts';

/** Methods whose callbacks normally carry a body worth checking. */
const bodyMethods = new Set(['post', 'put', 'patch']);

/**
 * Lint findings for the request body a callback or webhook delivers: none declared where one is
 * expected, no schema under any media type, odd media type keys.
 */
export function lintRequestBody(contract: Contract, add: (finding: Finding) => void): void {
  const { requestBody, pointer } = contract.operation;
  const what = contract.kind === 'callback' ? 'callback' : 'webhook';
  if (requestBody === undefined) {
    if (!bodyMethods.has(contract.method)) return;
    add({
      check: 'body.no-schema',
      severity: 'warning',
      message: `The ${what} ${wireMethod(contract.method)} declares no requestBody, so the payload it delivers cannot be validated or generated.`,
      contract: contract.id,
      spec: pointer,
    });
    return;
  }
  if (
    requestBody.content.every(
      (media) => media.schema === undefined && media.itemSchema === undefined,
    )
  ) {
    add({
      check: 'body.no-schema',
      severity: 'warning',
      message: `The ${what} requestBody has no schema under any media type, so the payload cannot be validated.`,
      contract: contract.id,
      spec: requestBody.pointer,
    });
  }
  for (const media of requestBody.content) {
    const issue = mediaTypeIssue(media.mediaType);
    if (issue === undefined) continue;
    add({ check: 'media-type.unknown', ...issue, contract: contract.id, spec: media.pointer });
  }
}
