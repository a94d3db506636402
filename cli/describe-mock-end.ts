import type { EndReason } from './await-end.ts';

/**
 * Why `mock` ended, as its last console line and its summary event say it.
 * @example describeMockEnd({ kind: 'signal', signal: 'SIGINT' }) // 'stopped by SIGINT'
 */
export function describeMockEnd(reason: EndReason): string {
  switch (reason.kind) {
    case 'signal':
      return `stopped by ${reason.signal}`;
    case 'timeout':
      return 'timeout';
    case 'expect':
      return 'expected number of callbacks handled';
  }
}
