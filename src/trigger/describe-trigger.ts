import type { TriggerResult } from '../report/report.ts';
import type { Finding } from '../validate/finding.ts';
import type { Validator } from '../validate/index.ts';
import type { SentTrigger } from './send-trigger.ts';

/**
 * A trigger as the report shows it: what was sent, what came back, and the findings on its
 * response (checked against the operation's declared responses), or why none came back.
 * @example describeTrigger(sent, receiver.validator).status // 201
 */
export function describeTrigger(
  sent: SentTrigger,
  validator: Pick<Validator, 'checkResponse'>,
): TriggerResult {
  const { trigger } = sent;
  const findings: Finding[] = [];
  if (sent.error !== undefined || sent.status === undefined) {
    findings.push({
      check: 'trigger.failed',
      severity: 'error',
      message: `The trigger request ${trigger.method} ${trigger.url} got no response: ${sent.error ?? 'unknown error'}.`,
      where: '/url',
      spec: trigger.operation.pointer,
    });
  } else {
    findings.push(
      ...validator.checkResponse(trigger.operation, {
        status: sent.status,
        headers: sent.headers,
        body: sent.body,
      }),
    );
  }
  return {
    id: trigger.id,
    ...(trigger.operation.operationId === undefined
      ? {}
      : { operationId: trigger.operation.operationId }),
    method: trigger.method,
    url: trigger.url,
    ...(trigger.body === undefined ? {} : { requestBody: trigger.body }),
    ...(sent.status === undefined ? {} : { status: sent.status }),
    ...(sent.parsedBody === undefined ? {} : { responseBody: sent.parsedBody }),
    durationMs: Math.round((sent.respondedAt - sent.sentAt) * 100) / 100,
    findings,
  };
}
