import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setStoredToday, vietnamToday } from '../../src/core/dates.ts';
import { applyDatabaseCalendar, storedAsOf } from '../../src/db/calendar.ts';
import { DEMO_AS_OF } from '../../src/demo/seed.ts';
import {
  createVillage,
  deleteVillage,
  unitView,
  updateVillage,
} from '../../src/features/admin-units/store.ts';
import { verifyAudit } from '../../src/features/audit/store.ts';
import type { Scope } from '../../src/features/auth/rules.ts';
import { createOrganization } from '../../src/features/organizations/store.ts';
import { allMigrations, migrateToLatest } from '../../src/server/migrations.ts';
import { ENGINES, emptyDb, seededDb } from '../support/databases.ts';

const scope = (unitCode: string, role: Scope['role'] = 'officer'): Scope => ({
  userId: 1,
  username: 'demo.huyen',
  role,
  unitCode,
  ip: '127.0.0.1',
});

describe.each(ENGINES)('foundation storage on %s', (engine) => {
  it('migrates an empty database, and a second run changes nothing', async () => {
    const db = await emptyDb(engine);
    try {
      // Every declared migration, in name order, the core's first.
      const applied = await migrateToLatest(db);
      expect(applied).toEqual(Object.keys(allMigrations()).sort());
      expect(applied.slice(0, 4)).toEqual([
        '0001-foundation',
        '0002-persons',
        '0003-directives',
        '0004-vaccination',
      ]);
      expect(applied).toContain('0030-risk-levels');
      expect(await migrateToLatest(db)).toEqual([]);
      const head = await db.db.selectFrom('audit_head').selectAll().execute();
      expect(head).toEqual([]); // a chain's head comes with its first entry
    } finally {
      await db.close();
    }
  });

  describe('with the demo district', () => {
    let db: Awaited<ReturnType<typeof seededDb>>;
    beforeAll(async () => {
      db = await seededDb(engine, { demo: true });
    });
    afterAll(() => db.close());

    it('holds every unit of 2021: 63 provinces, 705 districts, 10,599 communes', async () => {
      const rows = await db.db
        .selectFrom('admin_units')
        .select(['level', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('level')
        .orderBy('level')
        .execute();
      expect(rows.map((r) => [r.level, Number(r.n)])).toEqual([
        [0, 1],
        [1, 63],
        [2, 705],
        [3, 10599],
      ]);
      const huuLung = await db.db
        .selectFrom('admin_units')
        .selectAll()
        .where('code', '=', '186')
        .executeTakeFirstOrThrow();
      expect(huuLung).toMatchObject({
        name_with_type: 'Huyện Hữu Lũng',
        kind: 'huyen',
        province_code: '20',
        population_source: 'generated',
      });
    });

    it('shows a district its 24 communes with their populations adding up to the district', async () => {
      const view = await unitView(db, scope('186'), '186');
      expect(view.children).toHaveLength(24);
      expect(view.children.reduce((s, c) => s + c.population, 0)).toBe(view.unit.population);
      expect(view.organizations.map((o) => o.name)).toContain('Trung tâm Y tế huyện Hữu Lũng');
    });

    it("lives on its own calendar, has a health-centre account, and fills the province's other districts", async () => {
      expect(await storedAsOf(db)).toBe(DEMO_AS_OF);
      try {
        await applyDatabaseCalendar(db);
        expect(vietnamToday()).toBe('2022-01-15');
      } finally {
        setStoredToday(null);
      }
      const ttyt = await db.db
        .selectFrom('users')
        .innerJoin('organizations', 'organizations.id', 'users.organization_id')
        .select(['users.role', 'users.unit_code', 'organizations.name'])
        .where('users.username', '=', 'demo.ttyt')
        .executeTakeFirstOrThrow();
      expect(ttyt).toEqual({ role: 'healthWorker', unit_code: '186', name: 'Trung tâm Y tế huyện Hữu Lũng' });
      // Every district of Lạng Sơn has villages to generate residents in, its figures flagged generated.
      const province = await unitView(db, scope('20', 'leader'), '20');
      expect(province.children).toHaveLength(11);
      expect(province.children.every((d) => d.population > 0 && d.population_source === 'generated')).toBe(
        true,
      );
      expect(province.children.reduce((s, d) => s + d.population, 0)).toBe(province.unit.population);
      const withVillages = await db.db
        .selectFrom('villages')
        .innerJoin('admin_units', 'admin_units.code', 'villages.commune_code')
        .select((eb) => eb.fn.count<number>('admin_units.district_code').distinct().as('n'))
        .where('villages.province_code', '=', '20')
        .executeTakeFirstOrThrow();
      expect(Number(withVillages.n)).toBe(11);
    });

    it('a database that is not a demo follows the clock', async () => {
      const plain = await seededDb(engine);
      try {
        expect(await storedAsOf(plain)).toBeNull();
      } finally {
        await plain.close();
      }
    });

    it('refuses a commune user its neighbour and its own district', async () => {
      await expect(unitView(db, scope('06385'), '06388')).rejects.toMatchObject({ status: 403 });
      await expect(unitView(db, scope('06385'), '186')).rejects.toMatchObject({ status: 403 });
      await expect(unitView(db, scope('06385'), '99999')).rejects.toMatchObject({ status: 404 });
      const own = await unitView(db, scope('06385'), '06385');
      expect(own.villages.length).toBeGreaterThanOrEqual(5);
    });

    it('edits villages within jurisdiction and writes each change to the chained audit log', async () => {
      const village = await createVillage(db, scope('06385'), '06385', {
        name: 'Tổ dân phố 9',
        kind: 'to-dan-pho',
        population: 420,
      });
      await updateVillage(db, scope('186'), village.id, { population: 430 });
      await expect(updateVillage(db, scope('06388'), village.id, { population: 1 })).rejects.toMatchObject({
        status: 404,
      });
      await expect(
        createVillage(db, scope('06385'), '06385', { name: 'Tổ dân phố 9', kind: 'to-dan-pho' }),
      ).rejects.toMatchObject({ status: 409 });
      expect(
        (await unitView(db, scope('06385'), '06385')).villages.find((v) => v.id === village.id)?.population,
      ).toBe(430);
      await expect(
        createVillage(db, scope('186'), '186', { name: 'Thôn X', kind: 'thon' }),
      ).rejects.toMatchObject({ status: 400 });
      await deleteVillage(db, scope('06385'), village.id);
      expect((await unitView(db, scope('06385'), '06385')).villages.map((v) => v.id)).not.toContain(
        village.id,
      );
      await createOrganization(db, scope('06385'), '06385', {
        name: 'Tổ Covid cộng đồng khu 2',
        kind: 'communityTeam',
      });
      const log = await db.db
        .selectFrom('audit_log')
        .select(['action', 'entity', 'entity_id'])
        .where('entity', 'in', ['village', 'organization'])
        .orderBy('id')
        .execute();
      expect(log.map((l) => `${l.action} ${l.entity}`)).toEqual([
        'create village',
        'update village',
        'delete village',
        'create organization',
      ]);
      expect(log[0]!.entity_id).toBe(String(village.id));
      expect((await verifyAudit(db)).problems).toEqual([]);
    });

    it('audit verify finds a row edited, deleted or forged directly in the database', async () => {
      const first = await db.db
        .selectFrom('audit_log')
        .select(['id', 'province_code', 'seq'])
        .orderBy('province_code')
        .orderBy('seq')
        .limit(3)
        .execute();
      const [a, b] = [first[1]!, first[2]!];
      await sql`update audit_log set username = 'someone-else' where id = ${a.id}`.execute(db.db);
      expect((await verifyAudit(db)).problems).toContainEqual(
        expect.objectContaining({ id: a.id, problem: 'changed' }),
      );
      await sql`delete from audit_log where id = ${b.id}`.execute(db.db);
      expect((await verifyAudit(db)).problems).toContainEqual(
        expect.objectContaining({ province: b.province_code, seq: b.seq + 1, problem: 'gap' }),
      );
    });
  });
});
