/**
 * Issue 13 benchmark, "the 17:00 rush": every commune of the demo district (its 24 communes, the demo's
 * accounts; each with its two tasks of seed letter 000) posts progress reports, 1,000 requests per second
 * offered for 60 s (BENCH_SECONDS to shorten, BENCH_RATE to change), on SQLite and on PostgreSQL (a throwaway
 * cluster, or DATABASE_URL; BENCH_ENGINES=sqlite to run one). The no-op route /api/health is offered the same
 * load in the same run. Goal: the reports' achieved rate ≥ 50 % of the no-op's, no errors, p99 ≤ 100 ms.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Engine, openDb } from '../src/db/connection.ts';
import { DEMO_PASSWORD, seedDemo, seedReference } from '../src/demo/seed.ts';
import { buildApp } from '../src/server/app.ts';
import { migrateToLatest } from '../src/server/migrations.ts';
import { startCluster } from '../test/support/postgres-cluster.ts';
import { NO_OP, offer } from './load/offer.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 60);
const rate = Number(process.env.BENCH_RATE ?? 1000);
const engines = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',') as Engine[];
const CONNECTIONS = 100;
const letter = fs.readFileSync(
  new URL('../test/fixtures/letters/000_0cc6a49cf5414292.txt', import.meta.url),
  'utf8',
);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeadapt-rush-'));

interface Session {
  cookie: string;
  csrf: string;
}

async function send(base: string, session: Session | null, method: string, url: string, body?: unknown) {
  const res = await fetch(base + url, {
    method,
    headers: {
      ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return res;
}

async function login(base: string, username: string): Promise<Session> {
  const res = await send(base, null, 'POST', '/api/auth/login', { username, password: DEMO_PASSWORD });
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
  return { cookie: cookies.join('; '), csrf: cookies.find((c) => c.startsWith('csrf_token='))!.slice(11) };
}

/** The district registers seed letter 000; each commune acknowledges its tasks: who reports on what. */
async function reporters(base: string) {
  const district = await login(base, 'demo.huyen');
  const parsed = await (await send(base, district, 'POST', '/api/directives/parse', { text: letter })).json();
  const body = { unitCode: '186', direction: 'outgoing', document: parsed, originalText: letter };
  const { tasks } = (await (await send(base, district, 'POST', '/api/documents', body)).json()) as {
    tasks: { id: number; assignee: { unitCode: string | null } }[];
  };
  const communes = [
    ...new Set(tasks.flatMap((t) => (t.assignee.unitCode?.length === 5 ? [t.assignee.unitCode] : []))),
  ];
  const list = [];
  for (const code of communes) {
    const session = await login(base, `demo.xa.${code}`);
    for (const task of tasks.filter((t) => t.assignee.unitCode === code)) {
      await send(base, session, 'POST', `/api/tasks/${task.id}/actions`, { action: 'acknowledge' });
      list.push({ ...session, taskId: task.id });
    }
  }
  return { communes: communes.length, list };
}

async function rush(engine: Engine, databaseUrl: string | null) {
  const db = openDb({ databaseUrl, sqliteFile: path.join(dir, 'rush.db'), dataDir: dir });
  await migrateToLatest(db);
  await seedReference(db);
  await seedDemo(db);
  const app = await buildApp({ db });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const { communes, list } = await reporters(base);
  const reports = list.map((r) => ({
    method: 'POST',
    path: `/api/tasks/${r.taskId}/reports`,
    headers: { cookie: r.cookie, 'x-csrf-token': r.csrf, 'content-type': 'application/json' },
    body: JSON.stringify({
      text: 'Đã tổ chức xét nghiệm tầm soát tại 5 thôn, cập nhật danh sách F0, F1 và kết quả tiêm chủng trong ngày.',
      percent: 60,
    }),
  }));
  const load = { rate, connections: CONNECTIONS };
  // Each path warmed up (JIT, caches) just before it is measured: after the no-op's minute the pool's idle
  // PostgreSQL connections have closed (idleTimeoutMillis 30 s), and the reports' first second would open them.
  await offer(base, NO_OP, 2, load);
  const noop = await offer(base, NO_OP, seconds, load);
  await offer(base, reports, 2, load);
  const report = await offer(base, reports, seconds, load);
  const share = (report.rate / noop.rate) * 100;
  console.log(
    `engine: ${engine}; ${rate} req/s offered for ${seconds} s, ${CONNECTIONS} connections, ${list.length} tasks of ${communes} communes`,
  );
  console.log(
    `no-op /api/health: ${noop.rate.toFixed(0)} req/s, p99 ${noop.p99} ms, ${noop.detail}, ${noop.cpu.toFixed(2)} ms CPU each`,
  );
  console.log(
    `task reports:      ${report.rate.toFixed(0)} req/s, p99 ${report.p99} ms, ${report.detail}, ${report.cpu.toFixed(2)} ms CPU each`,
  );
  console.log(
    `share: ${share.toFixed(1)} % of the no-op (goal ≥ 50 %); p99 ${report.p99} ms (goal ≤ 100); errors ${report.errors} (goal 0)`,
  );
  await app.close();
  await db.close();
}

/** Runs with a PostgreSQL cluster of its own unless DATABASE_URL names one; removes the temp dir at the end. */
export async function onEngines(
  engineList: Engine[],
  run: (engine: Engine, url: string | null) => Promise<void>,
) {
  try {
    for (const engine of engineList) {
      if (engine === 'sqlite') await run('sqlite', null);
      else if (process.env.DATABASE_URL) await run('postgres', process.env.DATABASE_URL);
      else {
        const cluster = await startCluster();
        try {
          await run('postgres', cluster.url);
        } finally {
          await cluster.stop();
        }
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export const benchDir = dir;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await onEngines(engines, rush);
