import { type Kysely, sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { Database } from '../../db/schema.ts';
import { noteAuditEvents } from '../../server/request-context.ts';
import { type Actor, type AuditEvent, type ChainProblem, chainHash, chainVerifier } from './rules.ts';

export type { Actor, AuditEvent };

/**
 * Appends events to the chain inside the caller's transaction, so the audit row and the change it records
 * commit together. The head row is locked first: appends are serialised on both engines.
 */
export async function appendAudit(
  trx: Kysely<Database>,
  engine: Db['engine'],
  actor: Actor,
  events: AuditEvent[],
) {
  if (events.length === 0) return;
  noteAuditEvents(events.map((e) => e.action));
  const head =
    engine === 'postgres'
      ? (
          await sql<{
            last_id: number;
            last_hash: string;
          }>`select last_id, last_hash from audit_head where id = 1 for update`.execute(trx)
        ).rows[0]!
      : await trx
          .selectFrom('audit_head')
          .select(['last_id', 'last_hash'])
          .where('id', '=', 1)
          .executeTakeFirstOrThrow();
  let { last_id: id, last_hash: prev } = head;
  const at = new Date().toISOString();
  const rows = events.map((e) => {
    id += 1;
    const fields = {
      id,
      at,
      user_id: actor.userId,
      username: actor.username,
      action: e.action,
      entity: e.entity,
      entity_id: e.entityId == null ? null : String(e.entityId),
      unit_code: e.unitCode ?? null,
      ip: actor.ip,
      details: JSON.stringify(e.details ?? {}),
    };
    const hash = chainHash(prev, fields);
    const row = { ...fields, prev_hash: prev, hash };
    prev = hash;
    return row;
  });
  for (let i = 0; i < rows.length; i += 500)
    await trx
      .insertInto('audit_log')
      .values(rows.slice(i, i + 500))
      .execute();
  if (engine === 'postgres')
    await sql`select setval(pg_get_serial_sequence('audit_log', 'id'), ${id})`.execute(trx);
  await trx.updateTable('audit_head').set({ last_id: id, last_hash: prev }).where('id', '=', 1).execute();
}

/**
 * Makes a change and records its one audit event in the same transaction: the change first, so the event may
 * name what it returned (a new row's id).
 */
export function writeAudited<T>(
  db: Db,
  actor: Actor,
  write: (trx: Kysely<Database>) => Promise<T>,
  event: AuditEvent | ((result: T) => AuditEvent),
): Promise<T> {
  return db.db.transaction().execute(async (trx) => {
    const result = await write(trx);
    await appendAudit(trx, db.engine, actor, [typeof event === 'function' ? event(result) : event]);
    return result;
  });
}

/** Records events in their own transaction (reads of personal data, logins). */
export function recordAudit(db: Db, actor: Actor, events: AuditEvent[]) {
  return db.db.transaction().execute((trx) => appendAudit(trx, db.engine, actor, events));
}

export interface AuditFilter {
  username?: string;
  action?: string;
  entity?: string;
  from?: string;
  to?: string;
  unitCodes?: string[] | null;
  limit: number;
  offset: number;
}

export async function listAudit(db: Db, f: AuditFilter) {
  let q = db.db.selectFrom('audit_log');
  if (f.username) q = q.where('username', '=', f.username);
  if (f.action) q = q.where('action', '=', f.action);
  if (f.entity) q = q.where('entity', '=', f.entity);
  if (f.from) q = q.where('at', '>=', f.from);
  if (f.to) q = q.where('at', '<', f.to);
  if (f.unitCodes) q = q.where('unit_code', 'in', f.unitCodes.length ? f.unitCodes : ['']);
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const entries = await q
    .select(['id', 'at', 'username', 'action', 'entity', 'entity_id', 'unit_code', 'ip', 'details'])
    .orderBy('id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  return { total: Number(total), entries };
}

/** Reads the whole chain in pages and reports every problem found. */
export async function verifyAudit(db: Db): Promise<{ rows: number; problems: ChainProblem[] }> {
  const head = await db.db
    .selectFrom('audit_head')
    .select(['last_id', 'last_hash'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  const verifier = chainVerifier();
  let rows = 0;
  for (let after = -1; ; ) {
    const page = await db.db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '>', after)
      .orderBy('id')
      .limit(5000)
      .execute();
    if (page.length === 0) break;
    for (const row of page) verifier.add(row);
    rows += page.length;
    after = page[page.length - 1]!.id;
  }
  return { rows, problems: verifier.finish(head) };
}
