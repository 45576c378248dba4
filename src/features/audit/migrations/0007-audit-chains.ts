import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Db, Engine } from '../../../db/connection.ts';
import { auditKey } from '../key-store.ts';
import { chainMac, chainOf } from '../rules.ts';

/**
 * The audit log becomes one keyed chain per province, keyed by (province_code, seq), with one head row per
 * chain. Existing entries are re-chained here, with the key, in their id order, once their old SHA-256 chain
 * has been verified: a log that was already tampered with is refused rather than sealed.
 */
export function auditChains(engine: Engine, handle: Db) {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: a migration runs against the schema as it was, not today's types
    async up(db: Kysely<any>) {
      // SQLite migrations run outside a transaction: this one must not stop half-way.
      // biome-ignore lint/suspicious/noExplicitAny: as above
      const atomically = (work: (trx: Kysely<any>) => Promise<void>) =>
        db.isTransaction ? work(db) : db.transaction().execute(work);
      await atomically(async (trx) => {
        await trx.schema.dropIndex('audit_log_at').execute();
        await trx.schema.dropIndex('audit_log_user').execute();
        await trx.schema.alterTable('audit_log').renameTo('audit_log_legacy').execute();
        const bigint = engine === 'postgres' ? 'bigint' : 'integer';
        await trx.schema
          .createTable('audit_log')
          .addColumn('province_code', 'text', (c) => c.notNull())
          .addColumn('seq', 'integer', (c) => c.notNull())
          .addColumn('id', bigint, (c) => c.notNull())
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('user_id', 'integer')
          .addColumn('username', 'text')
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('entity', 'text', (c) => c.notNull())
          .addColumn('entity_id', 'text')
          .addColumn('unit_code', 'text')
          .addColumn('ip', 'text')
          .addColumn('details', 'text', (c) => c.notNull())
          .addColumn('prev_mac', 'text', (c) => c.notNull())
          .addColumn('mac', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('audit_log_chain_pkey', ['province_code', 'seq'])
          .execute();
        // Not unique alone: a distributed table's unique keys must hold the province (Citus).
        await trx.schema.createIndex('audit_log_id').on('audit_log').column('id').execute();
        await trx.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
        await trx.schema.createIndex('audit_log_user').on('audit_log').column('user_id').execute();
        const oldHead = await trx
          .selectFrom('audit_head')
          .select(['last_id', 'last_hash'])
          .executeTakeFirst();
        await trx.schema.dropTable('audit_head').execute();
        await trx.schema
          .createTable('audit_head')
          .addColumn('province_code', 'text', (c) => c.primaryKey())
          .addColumn('last_seq', 'integer', (c) => c.notNull())
          .addColumn('last_id', bigint, (c) => c.notNull())
          .addColumn('last_mac', 'text', (c) => c.notNull())
          .execute();
        const lastId = await rechain(trx, handle, oldHead ?? { last_id: 0, last_hash: '' });
        if (engine === 'postgres') {
          await sql`create sequence audit_log_ids`.execute(trx);
          if (lastId) await sql`select setval('audit_log_ids', ${lastId})`.execute(trx);
        }
        await trx.schema.dropTable('audit_log_legacy').execute();
      });
    },
  };
}

async function rechain(
  // biome-ignore lint/suspicious/noExplicitAny: as above
  db: Kysely<any>,
  handle: Db,
  oldHead: { last_id: number; last_hash: string },
): Promise<number> {
  const units = new Map<string, string>();
  const heads = new Map<
    string,
    { province_code: string; last_seq: number; last_id: number; last_mac: string }
  >();
  let legacyPrev = '';
  let lastId = 0;
  for (;;) {
    const page = await db
      .selectFrom('audit_log_legacy')
      .selectAll()
      .where('id', '>', lastId)
      .orderBy('id')
      .limit(500) // rows of 14 values: within both engines' limit on parameters
      .execute();
    if (page.length === 0) break;
    if (units.size === 0)
      for (const u of await db.selectFrom('admin_units').select(['code', 'level', 'province_code']).execute())
        units.set(u.code, chainOf(u));
    const key = auditKey(handle);
    const rows = page.map((old) => {
      if (old.prev_hash !== legacyPrev || legacyHash(old.prev_hash, old) !== old.hash)
        throw new Error(
          `The audit log's old hash chain is broken at row ${old.id}: it is not re-sealed. Investigate first.`,
        );
      legacyPrev = old.hash;
      const province = (old.unit_code && units.get(old.unit_code)) || '';
      const head = heads.get(province) ?? { province_code: province, last_seq: 0, last_id: 0, last_mac: '' };
      const fields = {
        province_code: province,
        seq: head.last_seq + 1,
        id: Number(old.id),
        at: old.at,
        user_id: old.user_id,
        username: old.username,
        action: old.action,
        entity: old.entity,
        entity_id: old.entity_id,
        unit_code: old.unit_code,
        ip: old.ip,
        details: old.details,
      };
      const mac = chainMac(key, head.last_mac, fields);
      heads.set(province, {
        province_code: province,
        last_seq: fields.seq,
        last_id: fields.id,
        last_mac: mac,
      });
      return { ...fields, prev_mac: head.last_mac, mac };
    });
    await db.insertInto('audit_log').values(rows).execute();
    lastId = Number(page[page.length - 1]!.id);
  }
  if (Number(oldHead.last_id) !== lastId || oldHead.last_hash !== legacyPrev)
    throw new Error(
      `The audit log's old hash chain lost its tail after row ${lastId}: it is not re-sealed. Investigate first.`,
    );
  if (heads.size)
    await db
      .insertInto('audit_head')
      .values([...heads.values()])
      .execute();
  return lastId;
}

/** The old chain's hash (SHA-256, no key), kept here only to check the rows before re-sealing them. */
// biome-ignore lint/suspicious/noExplicitAny: a row of the old table
function legacyHash(prevHash: string, row: any): string {
  const canonical = JSON.stringify([
    Number(row.id),
    row.at,
    row.user_id,
    row.username,
    row.action,
    row.entity,
    row.entity_id,
    row.unit_code,
    row.ip,
    row.details,
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}
