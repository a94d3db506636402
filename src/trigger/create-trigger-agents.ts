import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { trustedCas } from '../tls/trusted-cas.ts';

/** The connection pools a run's triggers share, one per scheme. */
export interface TriggerAgents {
  http: HttpAgent;
  https: HttpsAgent;
  /** Closes every pooled connection. */
  destroy(): void;
}

/**
 * Keep-alive connection pools for trigger requests: a run of many triggers reuses its
 * connections to the provider instead of opening one per trigger. Idle connections are closed
 * after 4 s (under the 5 s keep-alive of common servers) and never keep the process alive.
 * `ca`: extra certificate authorities (PEM) the https pool trusts besides the default ones.
 * @example const agents = createTriggerAgents(); await sendTrigger(trigger, { timeoutMs: 10_000, agents }); agents.destroy();
 */
export function createTriggerAgents(ca?: readonly string[]): TriggerAgents {
  const options = { keepAlive: true, timeout: 4_000 };
  const http = new HttpAgent(options);
  const trusted = trustedCas(ca);
  const https = new HttpsAgent(trusted === undefined ? options : { ...options, ca: trusted });
  return {
    http,
    https,
    destroy() {
      http.destroy();
      https.destroy();
    },
  };
}
