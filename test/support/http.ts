import type { FastifyInstance } from 'fastify';
import type { Db, Engine } from '../../src/db/connection.ts';
import { DEMO_PASSWORD } from '../../src/demo/seed.ts';
import { buildApp } from '../../src/server/app.ts';
import { seededDb } from './databases.ts';

export interface Running {
  app: FastifyInstance;
  /** The server's database, for tests that fill it beyond the demo. */
  db: Db;
  base: string;
  close(): Promise<void>;
}

/** The real server over real HTTP on a free loopback port, on a demo database of the engine. */
export async function startServer(engine: Engine): Promise<Running> {
  const db = await seededDb(engine, { demo: true });
  // Every answer is checked against the schema its route declares: a drift fails the request with a 500.
  const app = await buildApp({ db, validateResponses: true });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    app,
    db,
    base,
    async close() {
      await app.close();
      await db.close();
    },
  };
}

export interface Session {
  cookie: string;
  csrf: string;
}

/** The latest audit entry: what the last audited request recorded. */
export async function lastAuditEntry(
  server: Running,
  /** For a streamed answer, whose read the request context records once the handler is done: wait for it. */
  until: (entry: { action: string }) => boolean = () => true,
) {
  for (const started = Date.now(); ; ) {
    const entry = await server.app.db.db
      .selectFrom('audit_log')
      .select(['action', 'entity', 'username', 'details'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    if (until(entry) || Date.now() - started > 5000) return entry;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Logs in over HTTP and returns what a browser would keep: the cookies and the CSRF token. */
export async function login(base: string, username: string, password = DEMO_PASSWORD): Promise<Session> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const csrf = cookies.find((c) => c.startsWith('csrf_token='))!.slice('csrf_token='.length);
  return { cookie: cookies.join('; '), csrf };
}

/** A request as the logged-in browser sends it (JSON body, cookies, CSRF header on writes). */
export function call(base: string, session: Session | null, method: string, url: string, body?: unknown) {
  const headers: Record<string, string> = {};
  if (session) Object.assign(headers, { cookie: session.cookie, 'x-csrf-token': session.csrf });
  if (body !== undefined) headers['content-type'] = 'application/json';
  return fetch(base + url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

/** Residents imported into a commune from CSV lines (the header first), as a commune user uploads them. */
export async function importResidents(base: string, session: Session, commune: string, lines: string[]) {
  const upload = await fetch(`${base}/api/persons/uploads`, {
    method: 'POST',
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrf,
      'content-type': 'application/octet-stream',
      'x-file-name': 'residents.csv',
    },
    body: lines.join('\n'),
  });
  const { uploadId } = (await upload.json()) as { uploadId: string };
  const imported = await call(base, session, 'POST', '/api/persons/imports', {
    uploadId,
    commune,
    mode: 'all-or-nothing',
  });
  return ((await imported.json()) as { imported: number }).imported;
}
