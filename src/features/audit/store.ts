import { type Kysely, sql } from 'kysely';
import { groupCommit } from '../../core/group-commit.ts';
import { afterCommit } from '../../db/after-commit.ts';
import type { Db } from '../../db/connection.ts';
import type { Database } from '../../db/schema.ts';
import { noteAuditEvents } from '../../server/request-context.ts';
import { readCheckpoints, writeCheckpoints } from './checkpoint-store.ts';
import { auditKey } from './key-store.ts';
import {
  type Actor,
  type AuditEvent,
  type AuditRow,
  type ChainHead,
  type ChainProblem,
  type CheckpointSummary,
  chainMac,
  chainOf,
  chainVerifier,
  checkpointProblems,
  NATIONAL_CHAIN,
  summarizeCheckpoint,
} from './rules.ts';

export type { Actor, AuditEvent };

/**
 * Appends events to their chains inside the caller's transaction, so the audit entries and the change they
 * record commit together. Only the heads of the chains written are locked (PostgreSQL `FOR UPDATE`; SQLite
 * transactions are serial): provinces never wait on each other. Once committed, the new heads go to the
 * checkpoint file.
 */
export async function appendAudit(trx: Kysely<Database>, db: Db, actor: Actor, events: AuditEvent[]) {
  if (events.length === 0) return;
  noteAuditEvents(events.map((e) => e.action));
  await appendEntries(trx, db, actor, events);
}

/** appendAudit without noting the events in the running request's context (group commits note per caller). */
async function appendEntries(trx: Kysely<Database>, db: Db, actor: Actor, events: AuditEvent[]) {
  const key = auditKey(db);
  const chains = await chainsOf(trx, db, events);
  const at = new Date().toISOString();
  const heads: ChainHead[] = [];
  // Chains in one order: two transactions writing to the same two chains cannot deadlock.
  for (const province of [...new Set(chains)].sort()) {
    const chainEvents = events.filter((_, i) => chains[i] === province);
    const { ids, ...head } = await lockHead(trx, db, province, chainEvents.length);
    const { rows, moved } = chained(key, head, { province, events: chainEvents, ids, at, actor });
    await writeEntries(trx, db, rows, moved);
    heads.push(moved);
  }
  await afterCommit(trx, () => committed(db, heads));
}

/** The entries of one chain's events after its head, each keyed to the one before, and the head they move to. */
function chained(
  key: Buffer,
  head: ChainHead,
  add: { province: string; events: AuditEvent[]; ids: number[]; at: string; actor: Actor },
): { rows: AuditRow[]; moved: ChainHead } {
  let { last_seq: seq, last_mac: prev } = head;
  const rows = add.events.map((e, i): AuditRow => {
    seq += 1;
    const by = e.actor ?? add.actor;
    const fields = {
      province_code: add.province,
      seq,
      id: add.ids[i]!,
      at: add.at,
      user_id: by.userId,
      username: by.username,
      action: e.action,
      entity: e.entity,
      entity_id: e.entityId == null ? null : String(e.entityId),
      unit_code: e.unitCode ?? null,
      ip: by.ip,
      details: JSON.stringify(e.details ?? {}),
    };
    const mac = chainMac(key, prev, fields);
    const row = { ...fields, prev_mac: prev, mac };
    prev = mac;
    return row;
  });
  const last = rows[rows.length - 1]!;
  return {
    rows,
    moved: { province_code: add.province, last_seq: last.seq, last_id: last.id, last_mac: last.mac },
  };
}

/**
 * The heads this process last committed, per database handle: on PostgreSQL a group of reads appends after its
 * chain's known head without a transaction (`appendAfterKnownHead`).
 */
const knownHeads = new WeakMap<Db, Map<string, ChainHead>>();

/** Once committed: the new heads go to the checkpoint file and become the known heads. */
function committed(db: Db, heads: ChainHead[]) {
  writeCheckpoints(db, heads);
  const known = knownHeads.get(db) ?? new Map<string, ChainHead>();
  knownHeads.set(db, known);
  // Commits of two transactions may report in either order: a head never moves back.
  for (const head of heads)
    if ((known.get(head.province_code)?.last_seq ?? -1) < head.last_seq) known.set(head.province_code, head);
}

/**
 * PostgreSQL: appends one chain's events after the head this process last committed, in two round trips
 * (their ids; then the entries, written only if the head is still the one known, and the head's move, in one
 * statement) instead of a transaction's four (BEGIN, the head locked with the ids, the entries and the move,
 * COMMIT). False, with nothing written, when the events span chains, no head is known, or another writer
 * moved the head meanwhile: the caller then appends under the head's lock. A locked writer waits for this
 * statement's move, and this statement, once a locked writer has moved the head, finds it changed.
 */
async function appendAfterKnownHead(db: Db, actor: Actor, events: AuditEvent[]): Promise<boolean> {
  const chains = await chainsOf(db.db, db, events);
  const province = chains[0]!;
  const head = knownHeads.get(db)?.get(province);
  if (!head || chains.some((c) => c !== province)) return false;
  const { rows: taken } = await sql<{ id: string }>`
    select nextval('audit_log_ids') as id from generate_series(1, ${events.length})`.execute(db.db);
  const ids = taken.map((r) => Number(r.id));
  const at = new Date().toISOString();
  const { rows, moved } = chained(auditKey(db), head, { province, events, ids, at, actor });
  const columns = sql.join(Object.keys(rows[0]!).map((c) => sql.ref(c)));
  const forget = () => knownHeads.get(db)?.delete(province);
  // Should the statement fail, the group is written again one by one (group commit): under the lock.
  const written = await sql`
    with moved as (
      update audit_head set last_seq = ${moved.last_seq}, last_id = ${moved.last_id}, last_mac = ${moved.last_mac}
      where province_code = ${province} and last_seq = ${head.last_seq} and last_mac = ${head.last_mac}
      returning 1
    )
    insert into audit_log (${columns})
    select ${columns} from json_populate_recordset(null::audit_log, ${JSON.stringify(rows)})
    where exists (select 1 from moved)`
    .execute(db.db)
    .catch((error) => {
      forget();
      throw error;
    });
  if (Number(written.numAffectedRows ?? 0) !== rows.length) {
    forget();
    return false;
  }
  committed(db, [moved]);
  return true;
}

/** Units never change through the API: each one's chain is looked up once per database handle. */
const chainCache = new WeakMap<Db, Map<string, string>>();

async function chainsOf(trx: Kysely<Database>, db: Db, events: AuditEvent[]): Promise<string[]> {
  const known = chainCache.get(db) ?? new Map<string, string>();
  chainCache.set(db, known);
  const missing = [
    ...new Set(events.flatMap((e) => (e.unitCode && !known.has(e.unitCode) ? [e.unitCode] : []))),
  ];
  if (missing.length) {
    // Through the transaction: on SQLite another query would wait for this transaction's connection.
    const units = await trx
      .selectFrom('admin_units')
      .select(['code', 'level', 'province_code'])
      .where('code', 'in', missing)
      .execute();
    for (const unit of units) known.set(unit.code, chainOf(unit));
  }
  return events.map((e) => (e.unitCode && known.get(e.unitCode)) || NATIONAL_CHAIN);
}

/**
 * Locks the chain's head (creating it for the chain's first entry) and takes ids for `count` entries. On
 * PostgreSQL each statement is a round trip made while the head is locked: the ids come with the head.
 */
async function lockHead(
  trx: Kysely<Database>,
  db: Db,
  province: string,
  count: number,
): Promise<ChainHead & { ids: number[] }> {
  const read = async () => {
    if (db.engine === 'postgres') {
      const { rows } = await sql<ChainHead & { ids: (string | number)[] }>`
        select province_code, last_seq, last_id, last_mac,
          array(select nextval('audit_log_ids') from generate_series(1, ${count})) as ids
        from audit_head where province_code = ${province} for update`.execute(trx);
      return rows[0] && { ...rows[0], ids: rows[0].ids.map(Number) };
    }
    // SQLite: transactions are serial, so the next ids are those after the largest.
    const head = await trx
      .selectFrom('audit_head')
      .selectAll()
      .where('province_code', '=', province)
      .executeTakeFirst();
    if (!head) return undefined;
    const { max } = await trx
      .selectFrom('audit_log')
      .select((eb) => eb.fn.max('id').as('max'))
      .executeTakeFirstOrThrow();
    return { ...head, ids: Array.from({ length: count }, (_, i) => Number(max ?? 0) + i + 1) };
  };
  const head = await read();
  if (head) return head;
  await trx
    .insertInto('audit_head')
    .values({ province_code: province, last_seq: 0, last_id: 0, last_mac: '' })
    .onConflict((c) => c.doNothing())
    .execute();
  return (await read())!;
}

/** Inserts the entries (in batches: a statement's parameters are bounded) and moves the head. */
async function writeEntries(trx: Kysely<Database>, db: Db, rows: AuditRow[], moved: ChainHead) {
  const batches = Array.from({ length: Math.ceil(rows.length / 500) }, (_, i) =>
    rows.slice(i * 500, i * 500 + 500),
  );
  const lastBatch = batches.pop()!;
  for (const batch of batches) await trx.insertInto('audit_log').values(batch).execute();
  // PostgreSQL: one round trip for the last entries and the head, while the head is locked.
  if (db.engine === 'postgres')
    await trx
      .with('added', (q) => q.insertInto('audit_log').values(lastBatch).returning('id'))
      .updateTable('audit_head')
      .set(moved)
      .where('province_code', '=', moved.province_code)
      .execute();
  else {
    await trx.insertInto('audit_log').values(lastBatch).execute();
    await trx.updateTable('audit_head').set(moved).where('province_code', '=', moved.province_code).execute();
  }
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
    await appendAudit(trx, db, actor, [typeof event === 'function' ? event(result) : event]);
    return result;
  });
}

/** A group of recorded events: those bound for the same chains (a province's reads never wait on another's). */
interface RecordGroup {
  db: Db;
}
const recordGroups = new WeakMap<Db, Map<string, RecordGroup>>();

/**
 * Events recorded apart from any change (reads of personal data, logins) commit in groups: concurrent requests'
 * reads of one province share one append, instead of each holding the head through its own commit (20
 * concurrent searches on PostgreSQL waited on each other's commits). On PostgreSQL a group appends after the
 * head this process last wrote when it still holds, else in a transaction under the head's lock. Each entry
 * keeps its actor.
 */
const commitRecords = groupCommit<RecordGroup, { actor: Actor; events: AuditEvent[] }, null>(
  async ({ db }, records) => {
    const events = records.flatMap((r) => r.events.map((e) => ({ ...e, actor: e.actor ?? r.actor })));
    const actor = records[0]!.actor;
    if (!(db.engine === 'postgres' && (await appendAfterKnownHead(db, actor, events))))
      await db.db.transaction().execute((trx) => appendEntries(trx, db, actor, events));
    return records.map(() => null);
  },
);

/** Records events in a transaction of their own, answered once they are committed. */
export async function recordAudit(db: Db, actor: Actor, events: AuditEvent[]) {
  if (events.length === 0) return;
  const chains = [...new Set(await chainsOf(db.db, db, events))].sort().join(' ');
  const groups = recordGroups.get(db) ?? new Map<string, RecordGroup>();
  recordGroups.set(db, groups);
  const group = groups.get(chains) ?? { db };
  groups.set(chains, group);
  await commitRecords(group, { actor, events });
  noteAuditEvents(events.map((e) => e.action));
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

/**
 * Verifies every chain with the key (MACs, links, numbering, heads), then holds each chain's end against the
 * checkpoint file. Reads the log in pages of the primary key (it can be large).
 */
export async function verifyAudit(
  db: Db,
): Promise<{ rows: number; chains: number; problems: ChainProblem[] }> {
  const verifier = chainVerifier(auditKey(db));
  let rows = 0;
  for (let after = { province: '', seq: 0 }; ; ) {
    const page = await db.db
      .selectFrom('audit_log')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb('province_code', '>', after.province),
          eb.and([eb('province_code', '=', after.province), eb('seq', '>', after.seq)]),
        ]),
      )
      .orderBy('province_code')
      .orderBy('seq')
      .limit(5000)
      .execute();
    if (page.length === 0) break;
    for (const row of page) verifier.add(row);
    rows += page.length;
    const last = page[page.length - 1]!;
    after = { province: last.province_code, seq: last.seq };
  }
  const heads = await db.db.selectFrom('audit_head').selectAll().execute();
  const { problems, ends } = verifier.finish(heads);
  const summaries = new Map<string, CheckpointSummary>();
  for await (const c of readCheckpoints(db)) {
    const summary = summaries.get(c.province) ?? { firstMissing: null, latestPresent: null };
    summaries.set(c.province, summary);
    summarizeCheckpoint(summary, c, ends.get(c.province)?.last_seq ?? 0);
  }
  for (const summary of summaries.values()) {
    const present = summary.latestPresent;
    const row = present
      ? await db.db
          .selectFrom('audit_log')
          .select('mac')
          .where('province_code', '=', present.province)
          .where('seq', '=', present.seq)
          .executeTakeFirst()
      : undefined;
    problems.push(...checkpointProblems(summary, row?.mac));
  }
  // A cut tail the checkpoints name by id replaces the same cut seen from the head, which knows no id.
  const named = new Set(
    problems.flatMap((p) => (p.problem === 'truncated' && p.id != null ? [p.province] : [])),
  );
  const distinct = problems.filter(
    (p) => !(p.problem === 'truncated' && p.id == null && named.has(p.province)),
  );
  return { rows, chains: ends.size, problems: distinct };
}

/**
 * How far a province's chain has gone (its last entry's number, 0 before the first): every change in the
 * province appends to it, so a cache of the province's figures is current while this number stays the same.
 */
export async function chainPosition(db: Db, province: string): Promise<number> {
  const head = await db.db
    .selectFrom('audit_head')
    .select('last_seq')
    .where('province_code', '=', province)
    .executeTakeFirst();
  return Number(head?.last_seq ?? 0);
}
