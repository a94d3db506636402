import { type ChildProcess, spawn } from 'node:child_process';
import type { Receiver } from '../src/receive/index.ts';
import { contractEnvName } from './contract-env-name.ts';

/**
 * Starts the command after `listen … --` with the receiver URLs in its environment
 * (`CALLBACK_VERIFY_URL` and one variable per contract).
 * @example startListenCommand(['npm', 'test'], receiver, false)
 */
export function startListenCommand(
  command: string[],
  receiver: Receiver,
  json: boolean,
): ChildProcess {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CALLBACK_VERIFY_URL: `${receiver.origin}/${receiver.token}`,
  };
  for (const route of receiver.routes()) env[contractEnvName(route.contract)] = route.url;
  const [file = '', ...args] = command;
  // In --json mode stdout carries events only; the command's output goes to stderr.
  return spawn(file, args, {
    env,
    stdio: ['ignore', json ? process.stderr : 'inherit', 'inherit'],
  });
}
