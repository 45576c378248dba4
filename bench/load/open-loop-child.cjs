// The load generator, in a process of its own (bench/load/offer.ts): an open loop, as real users arrive —
// requests are sent at Poisson-distributed times at the offered rate whether or not earlier ones have been
// answered, over at most `connections` keep-alive sockets, and each latency is counted from the time the
// request was due (a request waiting for a free socket is the server's delay too: no coordinated omission).
// autocannon's rate limit sends each connection's quota for the second back to back at the top of the second,
// so its p99 measured how long the server takes to drain a burst of the whole second's requests, not a rush.
// Options come as JSON in argv[2]; the result goes to stdout as one JSON line.
const fs = require('node:fs');
const http = require('node:http');

const o = JSON.parse(process.argv[2]);
const requests = JSON.parse(fs.readFileSync(o.requestsFile, 'utf8'));
const target = new URL(o.base);
const agent = new http.Agent({ keepAlive: true, maxSockets: o.connections });
const TIMEOUT_MS = 10_000;

/** A seeded generator (mulberry32): the same arrival times on every run. */
let seed = 0x5afe;
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const gap = () => (-Math.log(1 - random()) * 1000) / o.rate;

const latencies = [];
/** The slowest answer of each second of the run (by when the request was due): where the tail comes from. */
const worstOfSecond = [];
const counts = { sent: 0, ok: 0, non2xx: 0, errors: 0, timeouts: 0 };
/** Answers other than 2xx by status, to say what went wrong. */
const statuses = {};
let inFlight = 0;
const t0 = performance.now();
const end = o.duration * 1000;
let due = gap();
let next = 0;

function send(at, request) {
  counts.sent += 1;
  inFlight += 1;
  let settled = false;
  const settle = (outcome) => {
    if (settled) return;
    settled = true;
    counts[outcome] += 1;
    inFlight -= 1;
    if (outcome === 'ok' || outcome === 'non2xx') {
      const latency = performance.now() - t0 - at;
      latencies.push(latency);
      const second = Math.floor(at / 1000);
      worstOfSecond[second] = Math.max(worstOfSecond[second] ?? 0, latency);
    }
    if (due >= end && inFlight === 0) report();
  };
  const req = http.request(
    {
      host: target.hostname,
      port: target.port,
      method: request.method ?? 'GET',
      path: request.path,
      headers: request.headers ?? {},
      agent,
      timeout: TIMEOUT_MS,
    },
    (res) => {
      res.resume();
      res.on('end', () => {
        const ok = res.statusCode >= 200 && res.statusCode < 300;
        if (!ok) statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
        settle(ok ? 'ok' : 'non2xx');
      });
      res.on('error', () => settle('errors'));
    },
  );
  req.on('timeout', () => {
    settle('timeouts');
    req.destroy();
  });
  req.on('error', () => settle('errors'));
  req.end(request.body);
}

function tick() {
  const now = performance.now() - t0;
  while (due <= now && due < end) {
    send(due, requests[next++ % requests.length]);
    due += gap();
  }
  if (due < end) setTimeout(tick, Math.min(1, due - now));
  else if (inFlight === 0) report();
}

let reported = false;
function report() {
  if (reported) return;
  reported = true;
  const sorted = Float64Array.from(latencies).sort();
  const at = (q) => (sorted.length ? Math.round(sorted[Math.floor(q * (sorted.length - 1))] * 10) / 10 : 0);
  const slowSeconds = worstOfSecond
    .map((ms, second) => ({ second, ms: Math.round(ms) }))
    .filter((s) => s.ms > 100);
  process.stdout.write(
    `${JSON.stringify({ ...counts, statuses, latency: { p50: at(0.5), p99: at(0.99), max: at(1) }, slowSeconds })}\n`,
  );
  agent.destroy();
}

tick();
