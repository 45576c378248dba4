/**
 * Preloaded into the benchmarked server (`node --import`): the event loop's delay as perf_hooks measures it
 * (histogram, 10 ms resolution) and every stall past 50 ms seen by a 10 ms timer, written to
 * $SAFEADAPT_DATA_DIR/loop.json when the server exits. The delay is the server's own view: unlike the
 * clients' latencies it hardly moves when other processes load the machine.
 */
import fs from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay, performance as perf } from 'node:perf_hooks';

const histogram = monitorEventLoopDelay({ resolution: 10 });
histogram.enable();
const stalls: { at: number; ms: number }[] = [];
const t0 = performance.now();
let last = performance.now();
setInterval(() => {
  const now = performance.now();
  if (now - last > 60) stalls.push({ at: Math.round(now - t0), ms: Math.round(now - last - 10) });
  last = now;
}, 10).unref();

// The main thread's utilisation second by second (wall-clock stamped): the bench takes the seconds of its load.
const utilisation: { at: number; elu: number }[] = [];
let mark = perf.eventLoopUtilization();
setInterval(() => {
  const now = perf.eventLoopUtilization();
  utilisation.push({ at: Date.now(), elu: perf.eventLoopUtilization(now, mark).utilization });
  mark = now;
}, 1000).unref();

process.once('exit', () => {
  const ms = (ns: number) => Math.round(ns / 1e5) / 10;
  const report = {
    p50: ms(histogram.percentile(50)),
    p99: ms(histogram.percentile(99)),
    max: ms(histogram.max),
    stalls: stalls.length,
    worst: stalls.sort((a, b) => b.ms - a.ms).slice(0, 10),
    utilisation,
  };
  fs.writeFileSync(path.join(process.env.SAFEADAPT_DATA_DIR!, 'loop.json'), JSON.stringify(report));
});
