import type { MockProvider } from '../src/provide/mock/index.ts';
import type { EndReason, EndWatch } from './await-end.ts';

/**
 * `--expect n` for `mock`: ends the session once n callbacks were delivered or refused.
 * @example awaitEnd({ watches: [mockExpectWatch(provider, 2)] })
 */
export function mockExpectWatch(
  mock: Pick<MockProvider, 'subscribe'>,
  wanted: number,
): EndWatch<EndReason> {
  return (end) => {
    let done = 0;
    return mock.subscribe((event) => {
      if (event.type === 'request') return;
      done += 1;
      if (done >= wanted) end({ kind: 'expect' });
    });
  };
}
