import type { Catalogue } from '../spec/contract.ts';
import { buildAnswer } from './build-answer.ts';
import type { ReceiverAnswer } from './exchange.ts';
import type { ReceiverBehaviour } from './types.ts';

/** Per-contract answers: the declared one, or the scripted one in turn. */
export interface AnswerBook {
  /**
   * The answer for a contract's next request, and how long to hold it back. A request under a
   * trigger (its token in the URL) walks that trigger's own copy of the status sequence.
   */
  next(contractId: string, trigger?: string): { answer: ReceiverAnswer; delayMs: number };
  /** Replaces a contract's (or `*`'s) script and starts its status sequence over. */
  set(contractId: string, behaviour: ReceiverBehaviour): void;
}

/**
 * Keeps the scripted behaviours and their position in each status sequence (per contract and
 * trigger); answers are built once per contract and status (examples and generated bodies do not
 * change) and copied out.
 * @example createAnswerBook(catalogue, { '*': { statuses: [503, 200] } }).next(id).answer.status // 503
 */
export function createAnswerBook(
  catalogue: Catalogue,
  behaviours: Record<string, ReceiverBehaviour> = {},
): AnswerBook {
  const scripts = new Map<string, ReceiverBehaviour>(Object.entries(behaviours));
  const turns = new Map<string, number>();
  const built = new Map<string, ReceiverAnswer>();
  const operations = new Map(catalogue.contracts.map((c) => [c.id, c.operation]));

  function answerFor(contractId: string, status?: number): ReceiverAnswer {
    const key = `${contractId} ${status ?? ''}`;
    let answer = built.get(key);
    if (answer === undefined) {
      const operation = operations.get(contractId);
      answer =
        operation === undefined
          ? { status: status ?? 200, headers: {}, body: '' }
          : buildAnswer(catalogue.document, operation, status);
      built.set(key, answer);
    }
    return { ...answer, headers: { ...answer.headers } };
  }

  return {
    next(contractId, trigger) {
      const owner = scripts.has(contractId) ? contractId : '*';
      const behaviour = scripts.get(owner);
      let status: number | undefined;
      if (behaviour?.statuses !== undefined && behaviour.statuses.length > 0) {
        // `*` counts per contract too: each contract walks its own copy of the sequence. Each
        // trigger does as well, so the retries of concurrent triggers never share one script;
        // requests without a trigger (listen, webhooks) share the contract's.
        const key = `${owner} ${contractId}${trigger === undefined ? '' : `\u0000${trigger}`}`;
        const turn = turns.get(key) ?? 0;
        turns.set(key, turn + 1);
        status = behaviour.statuses[Math.min(turn, behaviour.statuses.length - 1)];
      }
      const answer = answerFor(contractId, status);
      if (behaviour?.drop === true) answer.dropped = true;
      return { answer, delayMs: behaviour?.delayMs ?? 0 };
    },
    set(contractId, behaviour) {
      scripts.set(contractId, behaviour);
      for (const key of turns.keys()) {
        if (key.startsWith(`${contractId} `)) turns.delete(key);
      }
    },
  };
}
