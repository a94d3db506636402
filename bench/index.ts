/**
 * `npm run bench`: runs every bench/*.ts except this one, one after the other, each in its own
 * process so one benchmark's garbage and sockets do not skew the next.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const benches = readdirSync(dir)
  .filter((file) => file.endsWith('.ts') && file !== 'index.ts' && !file.endsWith('.test.ts'))
  .sort();
let failed = 0;
for (const file of benches) {
  process.stdout.write(`\n=== bench/${file} ===\n`);
  const result = spawnSync(process.execPath, [`${dir}${file}`], { stdio: 'inherit' });
  if (result.status !== 0) {
    failed += 1;
    process.stdout.write(`bench/${file} failed (exit ${result.status ?? result.signal})\n`);
  }
}
process.exitCode = failed === 0 ? 0 : 1;
