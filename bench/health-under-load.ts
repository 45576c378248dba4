/**
 * Issue 13 contract, checked from outside: `GET /api/health` answers in < 100 ms at p99 while a 200,000-row
 * persons import and a province export run. Starts a real server (SQLite, demo province) in its own process,
 * uploads a generated list, starts the import and the province's .xlsx export, and asks /api/health one
 * request after another until both are done, and reads the server's own event-loop delay (loop-monitor.ts).
 * It also prints how busy the server's main thread was during the load (event-loop utilisation): the import,
 * the export and the registry's follow-up (vaccination statuses) run in worker threads, so it stays low.
 * BENCH_CPU_PROF=DIR writes the server's CPU profiles (main thread and workers) there.
 * BENCH_ROWS=50000 for a quicker run. The seeded demo database is made once and copied for each run
 * (BENCH_SEED, default a folder in the temp directory).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { DEMO_PASSWORD } from '../src/demo/seed.ts';
import { residentLines } from '../test/support/residents-csv.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 200_000);
const PORT = 3900 + Math.floor(Math.random() * 90);
const BASE = `http://127.0.0.1:${PORT}`;
/** Phường Hoàng Văn Thụ (Lạng Sơn city): in the demo province, outside the demo district's residents. */
const COMMUNE = '05971';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeadapt-bench-health-'));
const cli = new URL('../src/cli/main.ts', import.meta.url).pathname;

// 0. The demo province, seeded once (minutes on a loaded machine) and copied.
const seeded = process.env.BENCH_SEED ?? path.join(os.tmpdir(), 'safeadapt-bench-health-seed');
if (!fs.existsSync(path.join(seeded, 'safeadapt.db'))) {
  console.log(`seeding the demo province into ${seeded}…`);
  execFileSync(process.execPath, ['--import', 'tsx', cli, 'seed', '--demo'], {
    env: { ...process.env, SAFEADAPT_DATA_DIR: seeded },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
fs.cpSync(seeded, dir, { recursive: true });

// 1. The list: generated residents of the commune, as a commune would type it (CSV).
const lines = residentLines(COMMUNE, ROWS, new Date(), { phone: true });
const file = path.join(dir, 'persons.csv');
fs.writeFileSync(file, `\uFEFF${lines.join('\n')}\n`);

// 2. The server, in its own process (the demo province: ≈ 120,000 residents to export).
const server: ChildProcess = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    '--import',
    new URL('./loop-monitor.ts', import.meta.url).pathname,
    ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF] : []),
    cli,
    'serve',
    '--demo',
  ],
  {
    env: {
      ...process.env,
      SAFEADAPT_DATA_DIR: dir,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      SAFEADAPT_LOG: '0',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  },
);
const stop = () => server.kill('SIGTERM');
process.once('exit', stop);
for (let t0 = Date.now(); ; ) {
  if (
    await fetch(`${BASE}/api/health`).then(
      (r) => r.ok,
      () => false,
    )
  )
    break;
  if (Date.now() - t0 > 300_000) throw new Error('the server did not start in 5 minutes');
  await new Promise((r) => setTimeout(r, 500));
}

const login = await fetch(`${BASE}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'demo.quantri', password: DEMO_PASSWORD }),
});
const cookies = login.headers.getSetCookie().map((c) => c.split(';')[0]!);
const csrf = cookies.find((c) => c.startsWith('csrf_token='))!.slice('csrf_token='.length);
const headers = { cookie: cookies.join('; '), 'x-csrf-token': csrf };
const upload = (await (
  await fetch(`${BASE}/api/persons/uploads`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'text/csv', 'x-file-name': 'persons.csv' },
    body: fs.readFileSync(file),
  })
).json()) as { uploadId: string };

/**
 * The import answers when it is done: fetch gives up after 300 s without the answer's headers (undici's
 * default), which a 200,000-row import on a loaded machine passes. node:http waits.
 */
function postJson(url: string, body: unknown): Promise<Response> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: 'POST', headers: { ...headers, 'content-type': 'application/json' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve(new Response(Buffer.concat(chunks), { status: res.statusCode })));
        res.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(JSON.stringify(body));
  });
}

// 3. The load: the import and the export together; /api/health asked one request after another meanwhile.
const timed = async (what: string, run: () => Promise<Response>) => {
  const t0 = performance.now();
  const res = await run();
  const size = (await res.arrayBuffer()).byteLength;
  const s = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(`${what}: ${res.status} in ${s} s (${(size / 1048576).toFixed(1)} MB)`);
};
let busy = true;
const loadStart = Date.now();
const load = Promise.all([
  timed(`import of ${ROWS.toLocaleString('en')} rows`, () =>
    postJson(`${BASE}/api/persons/imports`, {
      uploadId: upload.uploadId,
      commune: COMMUNE,
      mode: 'valid-rows',
    }),
  ),
  timed('province export (.xlsx)', () =>
    fetch(`${BASE}/api/persons/export?unit=20&format=xlsx`, { headers }),
  ),
]).finally(() => {
  busy = false;
});
let loadEnd = 0;
void load.finally(() => {
  loadEnd = Date.now();
});
const latencies: number[] = [];
while (busy) {
  const t0 = performance.now();
  const res = await fetch(`${BASE}/api/health`);
  await res.arrayBuffer();
  latencies.push(performance.now() - t0);
  await new Promise((r) => setTimeout(r, 5));
}
await load;
await new Promise((resolve) => {
  server.once('exit', resolve);
  stop();
});

latencies.sort((a, b) => a - b);
const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
const ms = (n: number) => `${n.toFixed(1)} ms`;
console.log(
  `/api/health under load: ${latencies.length} requests, p50 ${ms(at(0.5))}, p99 ${ms(at(0.99))}, max ${ms(at(1))} (goal: p99 < 100 ms)`,
);
const loop = JSON.parse(fs.readFileSync(path.join(dir, 'loop.json'), 'utf8'));
const during = (loop.utilisation as { at: number; elu: number }[]).filter(
  (u) => u.at > loadStart && u.at <= loadEnd,
);
const busyShare = during.reduce((sum, u) => sum + u.elu, 0) / Math.max(1, during.length);
console.log(
  `server main thread busy ${(100 * busyShare).toFixed(1)} % of the load's ${during.length} s (event-loop utilisation)`,
);
console.log(
  `server event loop: delay p50 ${ms(loop.p50)}, p99 ${ms(loop.p99)}, max ${ms(loop.max)}; ${loop.stalls} stalls > 50 ms, worst ${JSON.stringify(loop.worst.slice(0, 5))}`,
);
fs.rmSync(dir, { recursive: true, force: true });
