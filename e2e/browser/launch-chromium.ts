import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/**
 * Debian's Chromium (`/usr/bin/chromium`, or `CHROMIUM_PATH`) driven by playwright-core, with
 * the flags every browser test uses: no sandbox (containers), no GPU, and nothing that talks to
 * the network on its own.
 * @example const browser = await launchChromium();
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/** Where the browser tests look for Chromium: `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/**
 * Why the browser tests cannot run on this machine, or `undefined` when they can. Outside CI a
 * machine without Chromium skips them with this reason (so `npm test` works on a laptop without
 * it); in CI (`CI` set) a missing browser is a failure, never a skip.
 */
export function browserSkipReason(): string | undefined {
  if (process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false') {
    return undefined;
  }
  if (existsSync(chromiumPath())) return undefined;
  return `no Chromium at ${chromiumPath()}: install it (apt-get install chromium) or set CHROMIUM_PATH`;
}
