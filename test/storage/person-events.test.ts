import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foundation } from '../../src/db/migrations/0001-foundation.ts';
import type { Scope } from '../../src/features/auth/rules.ts';
import { directives } from '../../src/features/directives/migrations/0003-directives.ts';
import { importPersons } from '../../src/features/persons/import/import-persons.ts';
import { persons } from '../../src/features/persons/migrations/0002-persons.ts';
import { listReviews, mergeReview, undoBatch, unmerge } from '../../src/features/persons/review-store.ts';
import { updatePerson } from '../../src/features/persons/store.ts';
import { coverage } from '../../src/features/vaccination/coverage-store.ts';
import { recordDose } from '../../src/features/vaccination/doses-store.ts';
import { vaccination } from '../../src/features/vaccination/migrations/0004-vaccination.ts';
import { allMigrations, migrateToLatest } from '../../src/server/migrations.ts';
import { ENGINES, emptyDb, seededDb } from '../support/databases.ts';

/**
 * Person change events: every kind of registry change writes its event in the change's own transaction (and a
 * failed change writes none), and vaccination follows the registry through them alone — no hand-made sync.
 */
const COMMUNE = '06400';
const scope: Scope = { userId: 1, username: 'events', role: 'officer', unitCode: COMMUNE, ip: '127.0.0.1' };
const actor = { userId: null, username: 'test', ip: null };

describe.each(ENGINES)('person events on %s', (engine) => {
  let db: Awaited<ReturnType<typeof seededDb>>;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeadapt-person-events-'));
  const villages: number[] = [];

  beforeAll(async () => {
    db = await seededDb(engine);
    const now = new Date().toISOString();
    for (const name of ['Thôn Bản Khiếc', 'Thôn Làng Ngòn'])
      villages.push(
        (
          await db.db
            .insertInto('villages')
            .values({
              commune_code: COMMUNE,
              province_code: '20',
              name,
              kind: 'thon',
              population: null,
              population_source: 'test',
              created_at: now,
              updated_at: now,
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id,
      );
  });
  afterAll(async () => {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Four adults; the last has the first's name and birth date, no ID: the review queue pairs them. */
  async function importFour(tag: string) {
    const file = path.join(dir, `${tag}.csv`);
    fs.writeFileSync(
      file,
      [
        'Họ và tên;Ngày sinh;Giới tính',
        `Hoàng Văn ${tag};12/03/1970;Nam`,
        `Nông Thị ${tag};05/07/1974;Nữ`,
        `Lý Văn ${tag};20/11/1960;Nam`,
        `Hoàng Văn ${tag};12/03/1970;Nam`,
      ].join('\n'),
    );
    const result = await importPersons(db, {
      path: file,
      fileName: `${tag}.csv`,
      communeCode: COMMUNE,
      mode: 'all-or-nothing',
      actor,
      today: new Date(),
    });
    expect(result).toMatchObject({ committed: true, imported: 4, review: 1 });
    const ids = (
      await db.db
        .selectFrom('persons')
        .select('id')
        .where('import_batch_id', '=', result.batchId!)
        .orderBy('id')
        .execute()
    ).map((p) => p.id);
    return { batchId: result.batchId!, ids: ids as [number, number, number, number] };
  }

  const eventsOf = async (personId: number) =>
    (
      await db.db
        .selectFrom('person_events')
        .select(['kind', 'payload', 'province_code'])
        .where('person_id', '=', personId)
        .orderBy('id')
        .execute()
    ).map((e) => ({ kind: e.kind, ...JSON.parse(e.payload), province: e.province_code }));
  const eventCount = async () =>
    Number(
      (
        await db.db
          .selectFrom('person_events')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const reviewOf = async (personId: number) =>
    (await listReviews(db, scope, COMMUNE)).find((r) => r.person_id === personId)!;

  /** Makes every audit append fail: the change's transaction then rolls back after its event was written. */
  async function failingAudit(on: boolean) {
    if (engine === 'sqlite') {
      if (on)
        await sql`create trigger fail_audit before insert on audit_log begin select raise(abort, 'injected'); end`.execute(
          db.db,
        );
      else await sql`drop trigger fail_audit`.execute(db.db);
      return;
    }
    if (on) {
      await sql`create or replace function fail_audit() returns trigger language plpgsql as $$
        begin raise exception 'injected'; end $$`.execute(db.db);
      await sql`create trigger fail_audit before insert on audit_log for each row execute function fail_audit()`.execute(
        db.db,
      );
    } else await sql`drop trigger fail_audit on audit_log`.execute(db.db);
  }

  it('writes each kind of change with its event, and a change that rolls back leaves no event', async () => {
    const { batchId, ids } = await importFour('Sự');
    const [a, b, c, d] = ids;
    for (const id of ids)
      expect(await eventsOf(id)).toEqual([{ kind: 'created', source: 'import', batchId, province: '20' }]);

    await updatePerson(db, scope, a, { villageId: villages[0] });
    await updatePerson(db, scope, b, { status: 'deceased', statusDate: '2022-02-01' });
    await updatePerson(db, scope, c, { status: 'moved' });
    await updatePerson(db, scope, c, { status: 'temporarilyAway' });
    await updatePerson(db, scope, c, { phone: '0912345678' }); // not something other features follow: no event
    expect((await eventsOf(a)).slice(1)).toEqual([
      { kind: 'moved', village: { from: null, to: villages[0] }, province: '20' },
    ]);
    expect((await eventsOf(b)).slice(1)).toEqual([
      { kind: 'died', status: { from: 'resident', to: 'deceased' }, province: '20' },
    ]);
    expect((await eventsOf(c)).slice(1)).toEqual([
      { kind: 'moved', status: { from: 'resident', to: 'moved' }, province: '20' },
      { kind: 'updated', status: { from: 'moved', to: 'temporarilyAway' }, province: '20' },
    ]);

    const review = await reviewOf(d);
    await mergeReview(db, scope, review.id);
    await unmerge(db, scope, review.id);
    expect((await eventsOf(d)).slice(1)).toEqual([
      { kind: 'merged', into: a, review: review.id, province: '20' },
      { kind: 'merged', into: a, review: review.id, undone: true, province: '20' },
    ]);
    expect((await eventsOf(a)).at(-1)).toEqual({ kind: 'updated', restored: true, province: '20' });

    // Rolled back together: the change and its event.
    await failingAudit(true);
    const before = await eventCount();
    try {
      await expect(updatePerson(db, scope, a, { villageId: villages[1] })).rejects.toThrow(/injected/);
      await expect(updatePerson(db, scope, a, { status: 'deceased' })).rejects.toThrow(/injected/);
      await expect(mergeReview(db, scope, review.id)).rejects.toThrow(/injected/);
      await expect(undoBatch(db, scope, batchId)).rejects.toThrow(/injected/);
      await expect(importFour('Hỏng')).rejects.toThrow(/injected/);
    } finally {
      await failingAudit(false);
    }
    expect(await eventCount()).toBe(before);
    const kept = await db.db
      .selectFrom('persons')
      .select(['village_id', 'status', 'merged_into'])
      .where('id', 'in', [a, d])
      .orderBy('id')
      .execute();
    expect(kept).toEqual([
      { village_id: villages[0], status: 'resident', merged_into: null },
      { village_id: null, status: 'resident', merged_into: null },
    ]);

    await undoBatch(db, scope, batchId);
    for (const id of ids)
      expect((await eventsOf(id)).at(-1)).toEqual({ kind: 'deleted', batchId, province: '20' });
  });

  it('coverage follows a person moved, died, merged and deleted, with no hand-made sync', async () => {
    const { batchId, ids } = await importFour('Tình');
    const [a, b, , d] = ids;
    const statusOf = (id: number) =>
      db.db
        .selectFrom('vaccination_status')
        .select(['village_id', 'counted', 'coverage', 'doses'])
        .where('person_id', '=', id)
        .executeTakeFirst();
    /** The commune's counted residents by class, as the coverage view reads them (its read catches up first). */
    const counted = async () => {
      await coverage(db, scope, COMMUNE);
      const rows = await db.db
        .selectFrom('coverage_counters')
        .select(['coverage', 'count'])
        .where('unit_code', '=', COMMUNE)
        .where('count', '!=', 0)
        .execute();
      const out: Record<string, number> = {};
      for (const r of rows) out[r.coverage] = (out[r.coverage] ?? 0) + Number(r.count);
      return out;
    };
    // The import's events reach vaccination at its next read.
    expect(await counted()).toEqual({ notVaccinated: 4 });
    await recordDose(db, scope, d, { vaccine: 'pfizer', date: '2021-10-01' });
    expect(await counted()).toEqual({ notVaccinated: 3, partial: 1 });

    // Moved and died: handled as soon as the change commits.
    await updatePerson(db, scope, a, { villageId: villages[1] });
    expect(await statusOf(a)).toMatchObject({ village_id: villages[1], counted: 1 });
    await updatePerson(db, scope, b, { status: 'deceased' });
    expect(await statusOf(b)).toMatchObject({ counted: 0 });
    expect(await counted()).toEqual({ notVaccinated: 2, partial: 1 });

    // Merged: the duplicate's dose is the kept person's; undone, it is the duplicate's again.
    const review = await reviewOf(d);
    await mergeReview(db, scope, review.id);
    expect(await statusOf(d)).toMatchObject({ counted: 0 });
    expect(await statusOf(a)).toMatchObject({ counted: 1, coverage: 'partial', doses: 1 });
    expect(await counted()).toEqual({ notVaccinated: 1, partial: 1 });
    await unmerge(db, scope, review.id);
    expect(await statusOf(a)).toMatchObject({ coverage: 'notVaccinated', doses: 0 });
    expect(await counted()).toEqual({ notVaccinated: 2, partial: 1 });

    // Deleted: the undone import's persons leave the counters.
    await undoBatch(db, scope, batchId);
    expect(await counted()).toEqual({});
    for (const id of ids) expect(await statusOf(id)).toBeUndefined();
    const pending = await db.db
      .selectFrom('person_events')
      .select('id')
      .where('handled_at', 'is', null)
      .execute();
    expect(pending).toEqual([]);
  });
});

describe.each(ENGINES)('migration 0006 on %s', (engine) => {
  it('drops the triggers and their queue; what was still queued becomes events', async () => {
    const db = await emptyDb(engine);
    try {
      const upTo0004 = {
        '0001-foundation': foundation(engine),
        '0002-persons': persons(engine),
        '0003-directives': directives(engine),
        '0004-vaccination': vaccination(engine),
      };
      const { error } = await new Migrator({
        db: db.db,
        provider: { getMigrations: async () => upTo0004 },
      }).migrateToLatest();
      expect(error).toBeUndefined();
      await sql`insert into vaccination_changes (person_id) values (7), (7), (9)`.execute(db.db);
      // Every migration after 0004, in name order.
      expect(await migrateToLatest(db)).toEqual(
        Object.keys(allMigrations())
          .sort()
          .filter((name) => name > '0004-vaccination'),
      );
      const events = await db.db
        .selectFrom('person_events')
        .select(['kind', 'person_id', 'handled_at'])
        .orderBy('person_id')
        .execute();
      expect(events).toEqual([
        { kind: 'deleted', person_id: 7, handled_at: null },
        { kind: 'deleted', person_id: 9, handled_at: null },
      ]);
      const triggers =
        engine === 'sqlite'
          ? await sql`select name from sqlite_master where type = 'trigger'`.execute(db.db)
          : await sql`select tgname from pg_trigger where not tgisinternal`.execute(db.db);
      expect(triggers.rows).toEqual([]);
      const queue =
        engine === 'sqlite'
          ? await sql`select name from sqlite_master where name = 'vaccination_changes'`.execute(db.db)
          : await sql`select to_regclass('vaccination_changes') as name`.execute(db.db);
      expect(queue.rows.filter((r) => (r as { name: unknown }).name)).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
