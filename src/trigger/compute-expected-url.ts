import { describeSource, evaluateUrlTemplate } from '../spec/runtime-expression/index.ts';
import { buildRuntimeContext } from './build-runtime-context.ts';
import type { CorrelationSlot } from './correlation-slot.ts';

/**
 * Sets the URL a slot's callback should call: the planned one, else the callback key evaluated on
 * the real trigger exchange (moved onto `--callback-base` for a fixed host); a key that cannot be
 * evaluated leaves a warning instead.
 * @example computeExpectedUrl(slot); slot.expectedUrl // 'http://127.0.0.1:4010/…/invoices/inv-1'
 */
export function computeExpectedUrl(slot: CorrelationSlot): void {
  if (slot.planned.url !== undefined) {
    slot.expectedUrl = slot.planned.url;
    return;
  }
  const template = slot.planned.template;
  if (template === undefined) return;
  const result = evaluateUrlTemplate(template, buildRuntimeContext(slot.sent));
  if (!result.ok) {
    if (slot.sent.error !== undefined) return;
    slot.findings.push({
      check: 'url.unresolved',
      severity: 'warning',
      contract: slot.planned.contract,
      message: `The expected callback URL could not be computed: ${result.missing.map(describeSource).join(', ')} had no value in the trigger exchange, so the URL was not compared.`,
      expected: template.raw,
    });
    return;
  }
  const fixed = slot.planned.fixedOrigin;
  slot.expectedUrl =
    fixed === undefined
      ? result.value
      : `${fixed.actual}${result.value.startsWith(fixed.written) ? result.value.slice(fixed.written.length) : result.value}`;
}
