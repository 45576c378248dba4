import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/databases.ts';
import {
  fuzzParameters,
  fuzzTimeout,
  type JsonSchema,
  misshaped,
  oddValue,
  shaped,
} from '../support/fuzz.ts';
import { call, login, type Running, type Session, startServer } from '../support/http.ts';

/**
 * Every route with a JSON body, as the server documents it (its OpenAPI document is built from the routes' own
 * zod schemas), fed arbitrary JSON, values of its schema and values of its schema with one thing wrong, as a
 * logged-in administrator. Never a 500; a refused write (4xx) leaves every table as it was.
 */
interface BodyRoute {
  method: string;
  path: string;
  schema: JsonSchema;
}

// Real units and rows of the demo database, so that requests get past "not found" too.
const UNIT_CODES = ['20', '186', '06385', 'VN', '01'];
const PARAMS: Record<string, string[]> = { code: UNIT_CODES, id: ['1', '2', '3', '999999'] };
const HINTS = { '^(VN|\\d{2}|\\d{3}|\\d{5})$': UNIT_CODES, '^\\d{5}$': ['06385', '06388'] };
/** A refused login is still recorded: the audit log and the throttle count it. */
const LOGIN_WRITES = new Set(['audit_log', 'audit_head', 'login_throttle']);

describe.each(ENGINES)('JSON bodies of the API on %s', (engine) => {
  let server: Running;
  let admin: Session;
  let routes: BodyRoute[];
  let tables: string[];

  beforeAll(async () => {
    server = await startServer(engine);
    await server.app.jobs.stop(); // background writes would blur the row counts of a request
    admin = await login(server.base, 'demo.quantri');
    const doc = server.app.swagger() as {
      paths: Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { schema: JsonSchema }> } }>
      >;
    };
    routes = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.entries(operations).flatMap(([method, op]) => {
        const schema = op.requestBody?.content['application/json']?.schema;
        return schema ? [{ method: method.toUpperCase(), path, schema }] : [];
      }),
    );
    tables = (await server.app.db.db.introspection.getTables()).map((t) => t.name);
  });
  afterAll(() => server.close());

  const rowCounts = async () => {
    const counts = sql.join(
      tables.map((t) => sql`select ${t} as name, count(*) as n from ${sql.table(t)}`),
      sql` union all `,
    );
    const { rows } = await sql<{ name: string; n: number }>`${counts}`.execute(server.app.db.db);
    return Object.fromEntries(rows.map((r) => [r.name, Number(r.n)]));
  };

  it('finds the routes with a body', () => {
    expect(routes.length).toBeGreaterThanOrEqual(28);
  });

  it('refuses a NUL character, naming the field (found by fuzzing: a 500 on PostgreSQL)', async () => {
    const res = await call(server.base, null, 'POST', '/api/auth/login', {
      username: '\u0000',
      password: 'a',
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields).toEqual([
      { field: 'username', message: 'username: không được chứa ký tự NUL (U+0000).' },
    ]);
    const nested = await call(server.base, admin, 'POST', '/api/vaccination/sessions/1/invitations', {
      personIds: [1],
      note: ['ok', 'a\u0000b'],
    });
    expect((await nested.json()).error.fields[0].field).toBe('note.1');
  });

  it(
    'answers every body without a 500, and a refusal writes nothing',
    async () => {
      const request = fc.constantFrom(...routes).chain((route) =>
        fc.record({
          route: fc.constant(route),
          params: fc.record(
            Object.fromEntries(Object.entries(PARAMS).map(([k, v]) => [k, fc.constantFrom(...v)])),
          ),
          body: fc.oneof(shaped(route.schema, HINTS), misshaped(route.schema, HINTS), oddValue),
        }),
      );
      await fc.assert(
        fc.asyncProperty(request, async ({ route, params, body }) => {
          const url = route.path.replace(/\{(\w+)\}/g, (_, name: string) => params[name]!);
          const before = await rowCounts();
          const res = await call(server.base, admin, route.method, url, body);
          const answer = await res.text();
          expect(res.status, `${route.method} ${url} ${JSON.stringify(body)}: ${answer}`).toBeLessThan(500);
          if (res.status >= 400) {
            const after = await rowCounts();
            for (const table of tables)
              if (!(route.path === '/api/auth/login' && LOGIN_WRITES.has(table)))
                expect(after[table], `${table} after ${route.method} ${url} ${res.status}`).toBe(
                  before[table],
                );
          }
        }),
        fuzzParameters(5),
      );
    },
    fuzzTimeout(),
  );
});
