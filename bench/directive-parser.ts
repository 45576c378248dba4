/**
 * Throughput of the official-letter parser: parses the five seed letters (test/fixtures/letters) over and
 * over for about three seconds on one core. Run: npx tsx bench/directive-parser.ts
 * Since references are read in the whole letter (items, closing, Nơi nhận), not only its opening, a letter
 * costs about a third more: ≈ 4,300 → ≈ 2,700–3,000 letters/s on the 2-core reference machine.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parseDocument } from '../src/features/directives/rules/parse-document.ts';

const GOAL_PER_SECOND = 2000;
const DURATION_MS = 3000;

const folder = new URL('../test/fixtures/letters/', import.meta.url);
const letters = readdirSync(folder)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => readFileSync(new URL(name, folder), 'utf8'));
if (letters.length === 0) throw new Error('no letters in test/fixtures/letters');

// Warm up so that the figure measures compiled code, not the first runs.
for (let i = 0; i < 500; i++) parseDocument(letters[i % letters.length] as string);

let parsed = 0;
let checksum = 0;
const started = process.hrtime.bigint();
const cpuStarted = process.cpuUsage();
const deadline = started + BigInt(DURATION_MS) * 1_000_000n;
while (process.hrtime.bigint() < deadline) {
  for (const letter of letters) checksum += parseDocument(letter).tasks.length;
  parsed += letters.length;
}
const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
const cpu = process.cpuUsage(cpuStarted);
// The figure is per second of this process's CPU time (one core, single thread), so that other work on
// a shared machine does not lower it; the wall-clock rate is printed too.
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const perSecond = parsed / cpuSeconds;
console.log(
  `directive parser: ${Math.round(perSecond)} letters/s (goal ≥ ${GOAL_PER_SECOND}/s, ratio ${(perSecond / GOAL_PER_SECOND).toFixed(2)})`,
);
console.log(
  `  ${parsed} letters in ${cpuSeconds.toFixed(2)} s CPU, ${wallSeconds.toFixed(2)} s wall (${Math.round(parsed / wallSeconds)}/s wall)`,
);
if (checksum === 0) throw new Error('the parser found no tasks');
