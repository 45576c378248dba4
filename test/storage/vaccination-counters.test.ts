import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, weekStart } from '../../src/core/dates.ts';
import { AppError } from '../../src/core/errors.ts';
import type { Database } from '../../src/db/schema.ts';
import type { Scope } from '../../src/features/auth/rules.ts';
import { emitPersonEvents, type PersonEventInput } from '../../src/features/persons/events.ts';
import { allPersonFacts, type PersonFacts } from '../../src/features/persons/index.ts';
import { mulberry32 } from '../../src/features/persons/rules/sampling.ts';
import { insertPersonRows, personRow } from '../../src/features/persons/store.ts';
import { deleteDose, editDose, recordDose } from '../../src/features/vaccination/doses-store.ts';
import { importDoses } from '../../src/features/vaccination/import/import-doses.ts';
import { recordOutcome } from '../../src/features/vaccination/outcomes-store.ts';
import { DOSE_KINDS } from '../../src/features/vaccination/rules/dose-series.ts';
import { VACCINE_IDS } from '../../src/features/vaccination/rules/vaccines.ts';
import { doseFact, statusRow, syncStatuses } from '../../src/features/vaccination/status-store.ts';
import { ENGINES, seededDb } from '../support/databases.ts';

/**
 * The property: whatever happens — doses entered, corrected, deleted and imported, persons registered,
 * moved, dead, merged, unmerged or deleted by other features — the maintained statuses equal a recomputation
 * from the raw rows, and the maintained counters equal a GROUP BY over the statuses.
 */
const TODAY = '2022-01-15';
const OPERATIONS = 2000;
const COMMUNES = ['06385', '06388', '06400'];
const scope: Scope = { userId: 1, username: 'property', role: 'admin', unitCode: '20', ip: '127.0.0.1' };
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Hoàng', 'Nông', 'Lý', 'Vi', 'Hà', 'Lương', 'Đinh'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh'];
const GIVEN = ['An', 'Bình', 'Chi', 'Dũng', 'Hoa', 'Lan', 'Mai', 'Nam', 'Sơn', 'Tú'];

describe.each(ENGINES)('coverage counters on %s', (engine) => {
  let db: Awaited<ReturnType<typeof seededDb>>;
  const rand = mulberry32(20220131);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeadapt-counters-'));
  let named = 0;

  /** A person as the registry's own import would write it: a valid CCCD for most, a unique name. */
  function newPerson() {
    const i = named++;
    const age = 1 + Math.floor(rand() * 90);
    const birthYear = 2022 - age;
    const birthDate = `${birthYear}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
    const female = rand() < 0.5;
    const century = (birthYear >= 2000 ? 2 : 0) + (female ? 1 : 0);
    return {
      fullName: `${FAMILY[i % 10]} ${MIDDLE[Math.floor(i / 10) % 4]} ${GIVEN[Math.floor(i / 40) % 10]} ${GIVEN[Math.floor(i / 400) % 10]}`,
      birthDate,
      birthYear,
      sex: female ? ('female' as const) : ('male' as const),
      nationalId:
        age >= 14 && rand() < 0.8
          ? `020${century}${String(birthYear % 100).padStart(2, '0')}${String(i).padStart(6, '0')}`
          : null,
      phone: null,
      villageId: null,
      address: null,
      householdHead: null,
      relationToHead: null,
      occupation: null,
      priorityGroups: [],
      status: 'resident' as const,
      note: null,
    };
  }

  async function registerPersons(n: number) {
    const commune = pick(COMMUNES);
    const place = { province_code: '20', district_code: '186', commune_code: commune };
    const now = new Date().toISOString();
    await db.db.transaction().execute(async (trx) => {
      const ids = await insertPersonRows(
        db,
        trx,
        Array.from({ length: n }, () => personRow(newPerson(), place, { now })),
      );
      await emitPersonEvents(
        db,
        trx,
        ids.map((personId) => ({ kind: 'created' as const, personId, provinceCode: '20' })),
      );
    });
  }

  /** A registry write as the registry makes it: the change and its events in one transaction. */
  async function registryWrite(work: (trx: Kysely<Database>) => Promise<PersonEventInput[]>) {
    await db.db.transaction().execute(async (trx) => emitPersonEvents(db, trx, await work(trx)));
  }

  const randomDate = () => addDays('2021-03-01', Math.floor(rand() * 330));
  const someId = async (table: 'persons' | 'doses') =>
    (await db.db.selectFrom(table).select('id').orderBy(sql`random()`).limit(1).executeTakeFirst())?.id;
  const tolerate = async (work: Promise<unknown>) => {
    try {
      await work;
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
    }
  };

  async function importSome() {
    const persons = await db.db
      .selectFrom('persons')
      .select(['full_name', 'birth_date', 'national_id', 'commune_code'])
      .orderBy(sql`random()`)
      .limit(20)
      .execute();
    const rows = persons.map((p) => [
      p.full_name,
      p.birth_date,
      rand() < 0.7 ? (p.national_id ?? '') : '',
      p.commune_code,
      pick(VACCINE_IDS),
      randomDate(),
      pick(['1', '2', 'Mũi 3', 'Mũi nhắc lại', '']),
    ]);
    const stranger = newPerson();
    rows.push([
      stranger.fullName,
      stranger.birthDate,
      stranger.nationalId ?? '',
      pick(COMMUNES),
      'pfizer',
      randomDate(),
      '1',
    ]);
    const file = path.join(dir, `doses-${named}.csv`);
    const header = ['Họ và tên', 'Ngày sinh', 'Số CCCD', 'Mã xã', 'Vắc xin', 'Ngày tiêm', 'Mũi tiêm'];
    fs.writeFileSync(file, [header, ...rows].map((r) => r.join(';')).join('\n'));
    await importDoses(db, {
      path: file,
      fileName: 'doses.csv',
      unitCode: '20',
      mode: 'valid-rows',
      scope,
      actor: scope,
      today: TODAY,
    });
  }

  /**
   * Changes the registry makes (status, birth date, merges and their undoing, deletions), each with its event
   * in the same transaction, as the registry's own writes do: vaccination learns of them only by the events.
   */
  async function changePerson() {
    const id = await someId('persons');
    if (!id) return registerPersons(3);
    const event = (
      kind: PersonEventInput['kind'],
      personId: number,
      payload: Record<string, unknown> = {},
    ) => ({
      kind,
      personId,
      provinceCode: '20',
      payload,
    });
    const u = rand();
    if (u < 0.3) {
      const status = pick(['resident', 'temporarilyAway', 'moved', 'deceased']);
      await registryWrite(async (trx) => {
        await trx
          .updateTable('persons')
          .set({ status, status_date: randomDate() })
          .where('id', '=', id)
          .execute();
        return [event(status === 'deceased' ? 'died' : status === 'moved' ? 'moved' : 'updated', id)];
      });
    } else if (u < 0.45) {
      const birth = addDays('1950-01-01', Math.floor(rand() * 25_000));
      await registryWrite(async (trx) => {
        await trx
          .updateTable('persons')
          .set({ birth_date: birth, birth_year: Number(birth.slice(0, 4)), birth_sort: birth })
          .where('id', '=', id)
          .execute();
        return [event('updated', id)];
      });
    } else if (u < 0.65) {
      // As the registry merges: into a record that is not itself merged, of a record nobody was merged into.
      const kept = await db.db
        .selectFrom('persons')
        .select('id')
        .where('merged_into', 'is', null)
        .where('id', '!=', id)
        .orderBy(sql`random()`)
        .limit(1)
        .executeTakeFirst();
      const merged = await db.db
        .selectFrom('persons')
        .select('id')
        .where('merged_into', '=', id)
        .executeTakeFirst();
      if (kept && !merged)
        await registryWrite(async (trx) => {
          const { merged_into } = await trx
            .selectFrom('persons')
            .select('merged_into')
            .where('id', '=', id)
            .executeTakeFirstOrThrow();
          await trx.updateTable('persons').set({ merged_into: kept.id }).where('id', '=', id).execute();
          return [
            event('merged', id, { into: kept.id, ...(merged_into ? { previouslyInto: merged_into } : {}) }),
          ];
        });
    } else if (u < 0.8) {
      await registryWrite(async (trx) => {
        const { merged_into } = await trx
          .selectFrom('persons')
          .select('merged_into')
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        await trx.updateTable('persons').set({ merged_into: null }).where('id', '=', id).execute();
        return merged_into ? [event('merged', id, { into: merged_into, undone: true })] : [];
      });
    } else if (u < 0.9) {
      await registryWrite(async (trx) => {
        const duplicates = await trx
          .selectFrom('persons')
          .select('id')
          .where('merged_into', '=', id)
          .execute();
        const { merged_into } = await trx
          .selectFrom('persons')
          .select('merged_into')
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        await trx.updateTable('persons').set({ merged_into: null }).where('merged_into', '=', id).execute();
        await trx.deleteFrom('persons').where('id', '=', id).execute();
        return [
          ...duplicates.map((d) => event('merged', d.id, { into: id, undone: true })),
          event('deleted', id, merged_into ? { mergedInto: merged_into } : {}),
        ];
      });
    } else await registerPersons(1 + Math.floor(rand() * 3));
  }

  async function operate() {
    const u = rand();
    if (u < 0.45) {
      const id = await someId('persons');
      if (id)
        await tolerate(
          recordDose(
            db,
            scope,
            id,
            {
              vaccine: pick(VACCINE_IDS),
              date: rand() < 0.03 ? addDays(TODAY, 5) : randomDate(),
              kind: rand() < 0.5 ? undefined : pick(DOSE_KINDS),
              doseNumber: rand() < 0.7 ? undefined : 1 + Math.floor(rand() * 3),
            },
            TODAY,
          ),
        );
    } else if (u < 0.6) {
      const id = await someId('doses');
      if (id)
        await tolerate(
          editDose(
            db,
            scope,
            id,
            rand() < 0.5 ? { date: randomDate() } : { vaccine: pick(VACCINE_IDS), kind: pick(DOSE_KINDS) },
            TODAY,
          ),
        );
    } else if (u < 0.72) {
      const id = await someId('doses');
      if (id) await deleteDose(db, scope, id, TODAY);
    } else if (u < 0.76) await importSome();
    else if (u < 0.94) await changePerson();
    else {
      const id = await someId('persons');
      if (id) await tolerate(recordOutcome(db, scope, { personId: id, outcome: 'refused' }, TODAY));
    }
  }

  /** Every status recomputed from the raw persons and doses tables. */
  async function recount() {
    const persons: PersonFacts[] = await allPersonFacts(db.db);
    const owner = new Map(persons.map((p) => [p.id, p.merged_into ?? p.id]));
    const merged = new Set(persons.filter((p) => p.merged_into).map((p) => p.id));
    const doses = new Map<number, ReturnType<typeof doseFact>[]>();
    for (const d of await db.db
      .selectFrom('doses')
      .select(['person_id', 'vaccine', 'kind', 'dose_number', 'date'])
      .execute()) {
      const id = owner.get(d.person_id)!;
      doses.set(id, [...(doses.get(id) ?? []), doseFact(d)]);
    }
    const { updated_at: _, ...row } = statusRow(persons[0]!, [], TODAY, undefined, '');
    const derived = Object.keys(row).filter((k) => !k.startsWith('outcome'));
    const pickDerived = (r: object) => Object.fromEntries(derived.map((k) => [k, r[k as keyof typeof r]]));
    return new Map(
      persons.map((p) => [
        p.id,
        pickDerived(statusRow(p, merged.has(p.id) ? [] : (doses.get(p.id) ?? []), TODAY, undefined, '')),
      ]),
    );
  }

  async function expectConsistent() {
    await syncStatuses(db, TODAY);
    const expected = await recount();
    const stored = await db.db.selectFrom('vaccination_status').selectAll().execute();
    const keys = Object.keys(expected.values().next().value ?? {});
    expect(
      new Map(
        stored.map((s) => [s.person_id, Object.fromEntries(keys.map((k) => [k, s[k as keyof typeof s]]))]),
      ),
    ).toEqual(expected);
    // Counters against a GROUP BY over the statuses, at each level.
    const grouped = new Map<string, number>();
    for (const level of ['commune_code', 'district_code', 'province_code'] as const)
      for (const r of await db.db
        .selectFrom('vaccination_status')
        .select([`${level} as unit`, 'age_band', 'coverage', (eb) => eb.fn.countAll<number>().as('n')])
        .where('counted', '=', 1)
        .groupBy([level, 'age_band', 'coverage'])
        .execute())
        grouped.set(`${r.unit}|${r.age_band}|${r.coverage}`, Number(r.n));
    const counters = new Map(
      (await db.db.selectFrom('coverage_counters').selectAll().where('count', '!=', 0).execute()).map((c) => [
        `${c.unit_code}|${c.age_band}|${c.coverage}`,
        c.count,
      ]),
    );
    expect(counters).toEqual(grouped);
    const weekly = new Map<string, number>();
    for (const s of stored.filter((r) => r.counted))
      for (const [milestone, day] of [
        ['firstDose', s.first_dose_date],
        ['primaryComplete', s.primary_complete_date],
        ['booster', s.booster_date],
      ] as const)
        if (day)
          for (const unit of [s.commune_code, s.district_code, s.province_code]) {
            const key = `${unit}|${milestone}|${weekStart(day)}|${s.age_band}`;
            weekly.set(key, (weekly.get(key) ?? 0) + 1);
          }
    const milestones = new Map(
      (await db.db.selectFrom('milestone_counters').selectAll().where('count', '!=', 0).execute()).map(
        (m) => [`${m.unit_code}|${m.milestone}|${m.week}|${m.age_band}`, m.count],
      ),
    );
    expect(milestones).toEqual(weekly);
    return stored.length;
  }

  beforeAll(async () => {
    db = await seededDb(engine, { demo: true });
    for (let i = 0; i < 6; i++) await registerPersons(25);
  });
  afterAll(async () => {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it(`equal a full recount after ${OPERATIONS} random inserts, edits, deletes, imports and registry changes`, async () => {
    for (let i = 0; i < OPERATIONS; i++) {
      await operate();
      if (i === OPERATIONS / 2) await expectConsistent();
    }
    expect(await expectConsistent()).toBeGreaterThan(100);
    const doses = await db.db
      .selectFrom('doses')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(doses.n)).toBeGreaterThan(400);
  }, 240_000);
});
