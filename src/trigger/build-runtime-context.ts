import type { RuntimeContext } from '../spec/runtime-expression/types.ts';
import type { SentTrigger } from './send-trigger.ts';

/**
 * The values callback expressions read, taken from the trigger request as sent and the
 * response as received.
 *
 * @example
 * evaluateUrlTemplate(contract.expression, buildRuntimeContext(sent))
 */
export function buildRuntimeContext(sent: SentTrigger): RuntimeContext {
  const { trigger } = sent;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(trigger.headers)) headers[name.toLowerCase()] = value;
  return {
    url: trigger.url,
    method: trigger.method,
    ...(sent.status === undefined ? {} : { statusCode: sent.status }),
    request: {
      headers,
      query: { ...trigger.query },
      path: { ...trigger.pathParams },
      ...(trigger.body === undefined ? {} : { body: trigger.body }),
    },
    ...(sent.status === undefined
      ? {}
      : {
          response: {
            headers: sent.headers,
            ...(sent.parsedBody === undefined ? {} : { body: sent.parsedBody }),
          },
        }),
  };
}
