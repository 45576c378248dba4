/** `npm run bench`: runs every benchmark in bench/ one after the other, each in its own process. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const only = process.argv[2];
const files = fs
  .readdirSync(new URL('.', import.meta.url))
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && (!only || f.includes(only)));
for (const file of files.sort()) {
  console.log(`\n== ${file}`);
  execFileSync(process.execPath, ['--import', 'tsx', new URL(file, import.meta.url).pathname], {
    stdio: 'inherit',
  });
}
