import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.ts';
import { createVillage } from '../../src/features/admin-units/store.ts';
import { ROLES, type Role, type Scope, systemScope } from '../../src/features/auth/rules.ts';
import { createUser } from '../../src/features/auth/store.ts';
import { createFacility, createMobileStation } from '../../src/features/capacity/capacity-store.ts';
import { createCase } from '../../src/features/cases/cases-store.ts';
import { checkByTeam } from '../../src/features/cases/checks-store.ts';
import { addContact } from '../../src/features/cases/contacts-store.ts';
import { createQuarantineOrder } from '../../src/features/cases/orders-store.ts';
import { createPool, setPoolResult } from '../../src/features/cases/pools-store.ts';
import { createRound } from '../../src/features/cases/rounds-store.ts';
import { addClusterCases, createCluster } from '../../src/features/chains/clusters-store.ts';
import { createZone } from '../../src/features/chains/zones-store.ts';
import { createVenue } from '../../src/features/check-ins/store.ts';
import { createRequest, createTeam } from '../../src/features/community-teams/store.ts';
import { registerDocument } from '../../src/features/directives/documents-store.ts';
import { parseDocument } from '../../src/features/directives/rules/parse-document.ts';
import { createMember, createVisit } from '../../src/features/directives/steering-store.ts';
import { actOnTask, reportProgress } from '../../src/features/directives/tasks-store.ts';
import { createEstablishment, recordInspection } from '../../src/features/inspections/store.ts';
import { openCheckpoint, recordShift } from '../../src/features/movement/checkpoints-store.ts';
import { requestGathering } from '../../src/features/movement/gatherings-store.ts';
import { createOrganization } from '../../src/features/organizations/store.ts';
import { personRow } from '../../src/features/persons/store.ts';
import { openDraft } from '../../src/features/reports/store.ts';
import { saveRuleSet } from '../../src/features/risk-levels/rule-sets-store.ts';
import { RULE_SET_218 } from '../../src/features/risk-levels/rules/rule-sets.ts';
import { can, type Permission } from '../../src/server/features.ts';
import { ENGINES } from '../support/databases.ts';
import { call, login, type Running, type Session, startServer } from '../support/http.ts';
import { personInput } from '../support/persons.ts';

/**
 * Every route the server registered × every role × a target inside and outside the caller's jurisdiction.
 * Routes come from the server itself: a new route without a sample below fails this test until one is added.
 */
const PASSWORD = 'Matrix-password-2021';

interface Caller {
  role: Role;
  unit: string;
  /** A commune inside the caller's area and a unit of the caller's level outside it. */
  insideCommune: string;
  outsideUnit: string;
  outsideCommune: string;
  userId: number;
  session: Session;
}

type Target = 'inside' | 'outside';
type Filler = (caller: Caller, target: Target) => Promise<string>;

describe.each(ENGINES)('authorization matrix on %s', (engine) => {
  let server: Running;
  const callers: Caller[] = [];
  const system: Scope = { userId: 0, username: 'matrix', role: 'admin', unitCode: 'VN', ip: '127.0.0.1' };
  let seq = 0;

  const communeOf = (c: Caller, t: Target) => (t === 'inside' ? c.insideCommune : c.outsideCommune);
  const newPerson = async (commune: string) => {
    const place = await server.app.db.db
      .selectFrom('admin_units')
      .select(['province_code', 'district_code', 'code as commune_code'])
      .where('code', '=', commune)
      .executeTakeFirstOrThrow();
    const person = personRow(
      personInput({ fullName: `Người Thử ${++seq}`, birthDate: '1990-01-01', birthYear: 1990, sex: 'male' }),
      {
        province_code: place.province_code!,
        district_code: place.district_code!,
        commune_code: place.commune_code,
      },
      { now: new Date().toISOString() },
    );
    return (
      await server.app.db.db.insertInto('persons').values(person).returning('id').executeTakeFirstOrThrow()
    ).id;
  };
  const newBatch = async (commune: string) =>
    (
      await server.app.db.db
        .insertInto('import_batches')
        .values({
          kind: 'persons',
          commune_code: commune,
          province_code: commune.slice(0, 2),
          file_name: 'x.csv',
          mode: 'valid-rows',
          rows_read: 0,
          imported: 0,
          rejected: 0,
          review: 0,
          existing: 0,
          status: 'committed',
          errors: '[]',
          created_by: null,
          created_at: new Date().toISOString(),
          undone_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const newReview = async (commune: string) =>
    (
      await server.app.db.db
        .insertInto('duplicate_reviews')
        .values({
          province_code: (
            await server.app.db.db
              .selectFrom('admin_units')
              .select('province_code')
              .where('code', '=', commune)
              .executeTakeFirstOrThrow()
          ).province_code!,
          commune_code: commune,
          person_id: await newPerson(commune),
          candidate_id: await newPerson(commune),
          reason: 'nameAndBirthDate',
          status: 'open',
          snapshot: null,
          decided_by: null,
          decided_at: null,
          created_at: new Date().toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;

  const newCase = async (commune: string) =>
    (
      await createCase(
        server.app.db,
        system,
        {
          personId: await newPerson(commune),
          sampleDate: '2022-01-05',
          testKind: 'pcr',
          placeOfCare: 'home',
        },
        '2022-01-15',
      )
    ).id;

  /** Vaccination: a dose, an import, a target and a session of the target unit, written straight in. */
  let vaccinated = 0;
  /** Persons of the callers' commune, one for each case or contact a sample creates. */
  const casePeople: number[] = [];
  /** Chains: a case and a resident of the callers' commune that every caller may add to its cluster or zone. */
  let chainCaseId = 0;
  let zoneResident = 0;
  /** Routes with two ids (cluster and case, zone and person): the first call makes both, the second answers the other. */
  let pendingSecondId: string | null = null;
  const newCluster = async (commune: string) =>
    createCluster(
      server.app.db,
      system,
      { commune, name: `Ổ dịch thử ${++seq}`, kind: 'market', openedOn: '2022-01-10', caseIds: [] },
      '2022-01-15',
    );
  const newZone = async (commune: string, personIds: number[] = []) =>
    createZone(
      server.app.db,
      system,
      {
        commune,
        name: `Vùng thử ${++seq}`,
        kind: 'household',
        startsOn: '2022-01-10',
        plannedEndOn: '2022-01-24',
        liftingCriteria: '14 ngày không có ca mới',
        personIds,
      },
      '2022-01-15',
    );
  /** Quarantine decisions: a contact (F1) of the commune not yet in a decision, and a decision naming one. */
  const orderContacts: number[] = [];
  const newContact = async (commune: string) =>
    (
      await addContact(
        server.app.db,
        system,
        await newCase(commune),
        { personId: await newPerson(commune), exposureDate: '2022-01-10' },
        '2022-01-15',
      )
    ).id;
  const newOrder = async (commune: string) =>
    createQuarantineOrder(
      server.app.db,
      system,
      {
        unit: commune,
        number: `${++seq}/QĐ-UBND`,
        issuedOn: '2022-01-14',
        signerName: 'Nguyễn Văn An',
        signerTitle: 'Chủ tịch',
        contactIds: [await newContact(commune)],
      },
      '2022-01-15',
    );
  const newCaseImport = async (commune: string) =>
    (
      await server.app.db.db
        .insertInto('case_imports')
        .values({
          province_code: '20',
          commune_code: commune,
          file_name: 'f0.xlsx',
          mode: 'valid-rows',
          status: 'committed',
          rows_read: 0,
          imported: 0,
          rejected: 0,
          matched: 0,
          new_persons: 0,
          created_by: null,
          created_at: new Date().toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  /** Pairs of persons of the callers' commune, one pair for each pooled sample a sample creates. */
  const poolPeople: number[] = [];
  const newPool = async (commune: string) =>
    (
      await createPool(
        server.app.db,
        system,
        {
          commune,
          kind: 'pcr',
          sampleDate: '2022-01-10',
          members: [await newPerson(commune), await newPerson(commune)],
        },
        '2022-01-15',
      )
    ).id;
  const placeOf = async (code: string) => {
    const unit = await server.app.db.db
      .selectFrom('admin_units')
      .select(['province_code', 'district_code'])
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    return { province_code: unit.province_code ?? code, district_code: unit.district_code ?? code };
  };
  /** Support: a claim of a new person of the commune, in the state the action starts from. */
  const supportPeople: number[] = [];
  const newClaim = async (commune: string, status: string) => {
    const now = new Date().toISOString();
    const row = await server.app.db.db
      .insertInto('support_claims')
      .values({
        ...(await placeOf(commune)),
        commune_code: commune,
        person_id: Number(await newPerson(commune)),
        policy: 'tourGuide',
        rule_set_id: 'NQ-68-CP',
        source: 'application',
        period_from: null,
        period_to: null,
        days: 0,
        paid_days: null,
        child_supplement: 0,
        amount: 3_710_000,
        provisional: 1,
        status,
        note: null,
        reason: null,
        created_by: null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return String(row.id);
  };
  const newDose = async (commune: string) => {
    const personId = await newPerson(commune);
    const now = new Date().toISOString();
    return (
      await server.app.db.db
        .insertInto('doses')
        .values({
          person_id: personId,
          ...(await placeOf(commune)),
          commune_code: commune,
          vaccine: 'pfizer',
          kind: 'primary',
          dose_number: 1,
          date: '2021-10-01',
          site: null,
          lot: null,
          session_id: null,
          import_id: null,
          warnings: '[]',
          created_by: null,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  };
  const newDoseImport = async (commune: string) =>
    (
      await server.app.db.db
        .insertInto('dose_imports')
        .values({
          province_code: (await placeOf(commune)).province_code,
          unit_code: commune,
          file_name: 'mui-tiem.csv',
          mode: 'valid-rows',
          status: 'committed',
          rows_read: 0,
          imported: 0,
          ignored: 0,
          rejected: 0,
          matched_persons: 0,
          new_persons: 0,
          warnings: 0,
          report: '[]',
          new_person_ids: '[]',
          created_by: null,
          created_at: new Date().toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const newTarget = async (unit: string) =>
    (
      await server.app.db.db
        .insertInto('vaccination_targets')
        .values({
          province_code: (await placeOf(unit)).province_code,
          unit_code: unit,
          title: `Chỉ tiêu thử ${++seq}`,
          basis: null,
          deadline: '2022-01-31',
          primary_min_age: 12,
          primary_percent: 100,
          booster_min_age: null,
          booster_percent: null,
          provisional: 0,
          created_by: null,
          created_at: new Date().toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const newSession = async (commune: string) =>
    (
      await server.app.db.db
        .insertInto('vaccination_sessions')
        .values({
          ...(await placeOf(commune)),
          unit_code: commune,
          place: 'Trạm Y tế',
          date: '2022-01-08',
          vaccine: 'pfizer',
          doses_available: 100,
          note: null,
          created_by: null,
          created_at: new Date().toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;

  const newEstablishment = async (commune: string) =>
    (
      await createEstablishment(
        server.app.db,
        system,
        { commune, name: `Cơ sở thử ${++seq}`, sector: 'shop', size: 'small', registeredOn: '2022-01-01' },
        '2022-01-15',
      )
    ).id;

  let reportDays = 0;
  const reportDay = () => addDays('2022-01-14', -++reportDays);
  const fillers: Record<string, Filler> = {
    'persons.id': async (c, t) => String(await newPerson(communeOf(c, t))),
    'errors.persons.id': async (c, t) => String(await newBatch(communeOf(c, t))),
    'undo.persons.id': async (c, t) => String(await newBatch(communeOf(c, t))),
    'merge.persons.id': async (c, t) => String(await newReview(communeOf(c, t))),
    'keep.persons.id': async (c, t) => String(await newReview(communeOf(c, t))),
    'unmerge.persons.id': async (c, t) => String(await newReview(communeOf(c, t))),
    code: async (c, t) => (t === 'inside' ? c.unit : c.outsideUnit),
    // A province's own rule set: Lạng Sơn's for every caller inside, Cao Bằng's (19) outside.
    'risk-levels.id': async (_c, t) => {
      const province = t === 'inside' ? '20' : '19';
      const id = `M-${province}`;
      const { version: _, ...set } = RULE_SET_218;
      if (
        !(await server.app.db.db
          .selectFrom('risk_rule_sets')
          .select('id')
          .where('id', '=', id)
          .executeTakeFirst())
      )
        // A province's variants may not overlap: this one ends before the route sample's (below) begins.
        await saveRuleSet(server.app.db, system, {
          ...set,
          id,
          provinceCode: province,
          basedOn: set.id,
          effectiveTo: '2022-02-28',
        });
      return id;
    },
    'villages.code': async (c, t) => (t === 'inside' ? c.insideCommune : c.outsideCommune),
    'villages.id': async (c, t) =>
      String(
        (
          await createVillage(server.app.db, system, t === 'inside' ? c.insideCommune : c.outsideCommune, {
            name: `Thôn thử ${++seq}`,
            kind: 'thon',
          })
        ).id,
      ),
    'organizations.id': async (c, t) =>
      String(
        (
          await createOrganization(
            server.app.db,
            system,
            t === 'inside' ? c.insideCommune : c.outsideCommune,
            { name: `Tổ thử ${++seq}`, kind: 'other' },
          )
        ).id,
      ),
    'cases.id': async (c, t) => String(await newCase(communeOf(c, t))),
    'chains.id': async (c, t) => String(await newCase(communeOf(c, t))),
    'clusters.id': async (c, t) => String((await newCluster(communeOf(c, t))).id),
    ':caseId.clusters.id': async (c, t) => {
      if (pendingSecondId) {
        const id = pendingSecondId;
        pendingSecondId = null;
        return id;
      }
      const commune = communeOf(c, t);
      const cluster = await newCluster(commune);
      const caseId = await newCase(commune);
      await addClusterCases(server.app.db, system, cluster.id, [Number(caseId)], '2022-01-15');
      pendingSecondId = String(caseId);
      return String(cluster.id);
    },
    'containment-zones.id': async (c, t) => String((await newZone(communeOf(c, t))).id),
    ':personId.containment-zones.id': async (c, t) => {
      if (pendingSecondId) {
        const id = pendingSecondId;
        pendingSecondId = null;
        return id;
      }
      const person = Number(await newPerson(communeOf(c, t)));
      pendingSecondId = String(person);
      return String((await newZone(communeOf(c, t), [person])).id);
    },
    'errors.cases.id': async (c, t) => String(await newCaseImport(communeOf(c, t))),
    'quarantine-orders.id': async (c, t) => String((await newOrder(communeOf(c, t))).id),
    'delivery.quarantine-order-lines.id': async (c, t) => {
      const order = await newOrder(communeOf(c, t));
      const line = await server.app.db.db
        .selectFrom('quarantine_order_items')
        .select('id')
        .where('order_id', '=', order.id)
        .executeTakeFirstOrThrow();
      return String(line.id);
    },
    'test-pools.id': async (c, t) => String(await newPool(communeOf(c, t))),
    'retests.id': async (c, t) => {
      const pool = await newPool(communeOf(c, t));
      await setPoolResult(
        server.app.db,
        system,
        pool,
        { result: 'positive', resultOn: '2022-01-11' },
        '2022-01-15',
      );
      const member = await server.app.db.db
        .selectFrom('test_pool_members')
        .select('id')
        .where('pool_id', '=', pool)
        .executeTakeFirstOrThrow();
      return String(member.id);
    },
    'testing-rounds.id': async (c, t) =>
      String(
        (
          await createRound(server.app.db, system, {
            commune: communeOf(c, t),
            name: 'Đợt thử',
            areaKind: 'market',
            expectedPeople: 100,
            startsOn: '2022-01-10',
            endsOn: '2022-01-11',
          })
        ).id,
      ),
    'escalations.id': async (c, t) => {
      const sick = await newCase(communeOf(c, t));
      await checkByTeam(server.app.db, system, sick, { spo2: 90 }, '2022-01-15');
      const row = await server.app.db.db
        .selectFrom('escalations')
        .select('id')
        .where('case_id', '=', sick)
        .executeTakeFirstOrThrow();
      return String(row.id);
    },
    'users.id': async (c, t) =>
      String(
        (
          await createUser(server.app.db, systemScope('test'), {
            username: `target.${++seq}`,
            displayName: 'Người thử',
            password: PASSWORD,
            role: 'officer',
            unitCode: t === 'inside' ? c.insideCommune : c.outsideCommune,
          })
        ).id,
      ),
    'documents.id': async (c, t) => String((await newDocument(c, t)).document.id),
    'tasks.id': async (c, t) => String((await newDocument(c, t)).tasks[0]!.id),
    'review.support.id': async (c, t) => newClaim(communeOf(c, t), 'submitted'),
    'reject.support.id': async (c, t) => newClaim(communeOf(c, t), 'submitted'),
    'approve.support.id': async (c, t) => newClaim(communeOf(c, t), 'reviewed'),
    'refuse.support.id': async (c, t) => newClaim(communeOf(c, t), 'reviewed'),
    'pay.support.id': async (c, t) => newClaim(communeOf(c, t), 'approved'),
    'reports.tasks.id': async (c, t) => String(await acknowledgedTask(c, t)),
    'progress-reports.id': async (c, t) => {
      const id = await acknowledgedTask(c, t);
      const attachment = { name: 'bien-ban.txt', contentBase64: Buffer.from('Biên bản').toString('base64') };
      const { report } = await reportProgress(server.app.db, asUnit(c, t), id, {
        text: 'Đã họp',
        percent: 50,
        attachment,
      });
      return String(report.id);
    },
    'steering-members.id': async (c, t) =>
      String(
        (
          await createMember(server.app.db, system, unitOf(c, t), {
            name: `Thành viên ${++seq}`,
            position: 'Ủy viên',
          })
        ).id,
      ),
    'supervision-visits.id': async (c, t) =>
      String(
        (
          await createVisit(server.app.db, system, unitOf(c, t), {
            date: '2022-01-10',
            areaCode: unitOf(c, t),
            findings: 'Kiểm tra thử',
            tasks: [],
          })
        ).id,
      ),
    'venues.id': async (c, t) =>
      String(
        (
          await createVenue(server.app.db, system, {
            unit: communeOf(c, t),
            name: `Chợ ${++seq}`,
            kind: 'market',
          })
        ).id,
      ),
    'exposures.id': async (c, t) => String(await newCase(communeOf(c, t))),
    'days.treatment-facilities.id': async (c, t) =>
      String(
        (
          await createFacility(server.app.db, system, {
            unitCode: unitOf(c, t),
            name: `Cơ sở ${++seq}`,
            kind: 'hospital',
          })
        ).id,
      ),
    'days.mobile-stations.id': async (c, t) =>
      String(
        (
          await createMobileStation(
            server.app.db,
            system,
            { communeCode: communeOf(c, t), name: `Trạm ${++seq}`, openedOn: '2022-01-01', areaCommunes: [] },
            '2022-01-15',
          )
        ).id,
      ),
    'vaccination.id': async (c, t) => String(await newDose(communeOf(c, t))),
    'establishments.id': async (c, t) => String(await newEstablishment(communeOf(c, t))),
    'inspections.id': async (c, t) =>
      String(
        (
          await recordInspection(
            server.app.db,
            system,
            await newEstablishment(communeOf(c, t)),
            { answers: {}, violations: [{ description: 'Thử', fixWithinDays: 3 }] },
            '2022-01-15',
          )
        ).id,
      ),
    'community-teams.id': async (c, t) => {
      const village = await createVillage(server.app.db, system, communeOf(c, t), {
        name: `Thôn tổ ${++seq}`,
        kind: 'thon',
      });
      const team = await createTeam(server.app.db, system, {
        commune: communeOf(c, t),
        kind: 'communityTeam',
        name: `Tổ thử ${seq}`,
        duties: [],
        villageIds: [Number(village.id)],
        members: [],
      });
      return String(team.id);
    },
    'support-requests.id': async (c, t) =>
      String(
        (
          await createRequest(
            server.app.db,
            system,
            { commune: communeOf(c, t), kind: 'health', details: 'Thử', neededBy: '2022-01-20' },
            '2022-01-15',
          )
        ).id,
      ),
    'card.vaccination.id': async (c, t) => String(await newPerson(communeOf(c, t))),
    'errors.vaccination.id': async (c, t) => String(await newDoseImport(communeOf(c, t))),
    'progress.vaccination.id': async (c, t) => String(await newTarget(unitOf(c, t))),
    'roster.vaccination.id': async (c, t) => String(await newSession(communeOf(c, t))),
    'invitations.vaccination.id': async (c, t) => String(await newSession(communeOf(c, t))),
    'doses.vaccination.id': async (c, t) => String(await newSession(communeOf(c, t))),
    'checkpoints.id': async (c, t) => String((await newCheckpoint(communeOf(c, t))).id),
    'checkpoint-shifts.id': async (c, t) => {
      const cp = await newCheckpoint(communeOf(c, t));
      const shift = { day: '2022-01-10', shift: 'morning' as const, staff: ['Công an xã'] };
      const counts = { countIn: 10, countOut: 9, turnedBack: 0, sentToTesting: 1 };
      return String((await recordShift(server.app.db, system, cp.id, { ...shift, ...counts })).id);
    },
    'gatherings.id': async (c, t) =>
      String((await requestGathering(server.app.db, system, gathering(communeOf(c, t)), '2022-01-15')).id),
    // Reports: a fresh draft of the target unit (each on its own day, so a submitted one never blocks the next).
    'reports.id': async (c, t) =>
      String(
        (
          await openDraft(
            server.app.db,
            { ...system, unitCode: t === 'inside' ? c.unit : c.outsideUnit },
            { form: 'daily', unitCode: t === 'inside' ? c.unit : c.outsideUnit, period: reportDay() },
            '2022-01-15',
          )
        ).id,
      ),
  };
  const signer = { signerName: 'Hoàng Văn Thành', signerTitle: 'Chủ tịch UBND xã' };
  const newCheckpoint = (commune: string) =>
    openCheckpoint(
      server.app.db,
      system,
      {
        communeCode: commune,
        name: `Chốt ${++seq}`,
        place: 'Quốc lộ 1A',
        decisionNumber: '1/QĐ-UBND',
        decisionDate: '2022-01-05',
        ...signer,
      },
      '2022-01-15',
    );
  const gathering = (commune: string) => ({
    communeCode: commune,
    name: `Hội xuân ${++seq}`,
    kind: 'festival' as const,
    organiser: 'UBND xã',
    place: 'Sân vận động',
    venue: 'outdoor' as const,
    date: '2022-02-05',
    participants: 100,
    allParticipantsCovered: true,
  });
  const arrival = (commune: string) => ({
    fullName: 'Lương Văn Tùng',
    originCode: '09205',
    arrivalDate: '2022-01-15',
    vaccination: 'full',
    stay: { communeCode: commune },
  });

  /** Directives: an incoming letter registered in the target unit gives that unit its tasks. */
  const seedLetter = fs.readFileSync('test/fixtures/letters/000_0cc6a49cf5414292.txt', 'utf8');
  const unitOf = (c: Caller, t: Target) => (t === 'inside' ? c.unit : c.outsideUnit);
  const asUnit = (c: Caller, t: Target): Scope => ({ ...system, unitCode: unitOf(c, t) });
  let copies = 0;
  // Each a distinct copy: the same text registered twice in a unit is refused as a duplicate.
  const newDocument = (c: Caller, t: Target) =>
    registerDocument(server.app.db, system, {
      unitCode: unitOf(c, t),
      direction: 'incoming',
      document: { ...parseDocument(seedLetter), body: `${seedLetter}\n(bản ${++copies})` },
      originalFile: { name: 'cong-van.txt', contentBase64: Buffer.from(seedLetter).toString('base64') },
    });
  const acknowledgedTask = async (c: Caller, t: Target) => {
    const id = (await newDocument(c, t)).tasks[0]!.id;
    await actOnTask(server.app.db, asUnit(c, t), id, 'acknowledge', {});
    return id;
  };

  /** A valid body and query for each route, so that "inside" calls reach the store. */
  const samples: Record<string, (c: Caller, t: Target) => { body?: unknown; query?: string }> = {
    'GET /api/health': () => ({}),
    'GET /api/calendar': () => ({}),
    'POST /api/rules/home-care/warnings': () => ({ body: { date: '2022-02-10', ageYears: 40, spo2: 94 } }),
    'POST /api/rules/home-care/eligibility': () => ({
      body: {
        date: '2022-02-10',
        ageYears: 40,
        mildOrNoSymptoms: true,
        respiratoryRate: 18,
        spo2: 98,
        abnormalBreathing: false,
        comorbidity: 'none',
        selfCareOrCaregiver: true,
        hasMeansOfContact: true,
        doses: 2,
        lastDoseOn: '2021-10-01',
      },
    }),
    'POST /api/rules/quarantine': () => ({ body: { exposureDate: '2021-12-20', fullyVaccinatedOn: null } }),
    'POST /api/auth/login': () => ({ body: { username: 'nobody', password: 'wrong' } }),
    'POST /api/auth/logout': () => ({}),
    'GET /api/auth/me': () => ({}),
    'POST /api/auth/password': () => ({
      body: { currentPassword: 'not-the-password-1', newPassword: 'Another-password-2021' },
    }),
    'GET /api/admin-units/:code': () => ({}),
    'GET /api/admin-units': () => ({ query: 'q=xa' }),
    'POST /api/admin-units/:code/villages': () => ({ body: { name: `Thôn mới ${++seq}`, kind: 'thon' } }),
    'PATCH /api/villages/:id': () => ({ body: { population: 500 } }),
    'DELETE /api/villages/:id': () => ({}),
    'POST /api/admin-units/:code/organizations': () => ({
      body: { name: `Cơ quan ${++seq}`, kind: 'other' },
    }),
    'PATCH /api/organizations/:id': () => ({ body: { shortName: 'CQ' } }),
    'DELETE /api/organizations/:id': () => ({}),
    'GET /api/users': (c, t) => ({ query: t === 'outside' ? `unit=${c.outsideUnit}` : '' }),
    'POST /api/users': (c, t) => ({
      body: {
        username: `new.${++seq}`,
        displayName: 'Người mới',
        password: PASSWORD,
        role: 'officer',
        unitCode: t === 'inside' ? c.insideCommune : c.outsideCommune,
      },
    }),
    'PATCH /api/users/:id': () => ({ body: { displayName: 'Đổi tên' } }),
    'GET /api/audit': () => ({}),
    'GET /api/jobs': () => ({}),
    'GET /api/persons': (c, t) => ({ query: t === 'outside' ? `unit=${c.outsideUnit}` : 'q=nguyen' }),
    'GET /api/persons/export': (c, t) => ({
      query: t === 'outside' ? `unit=${c.outsideUnit}` : 'format=csv',
    }),
    'GET /api/persons/:id': () => ({}),
    'PATCH /api/persons/:id': () => ({
      body: { status: 'temporarilyAway', statusDate: '2021-12-20', phone: '+84 912 345 678' },
    }),
    'POST /api/persons/uploads': () => ({ body: { not: 'a file' } }),
    'POST /api/persons/imports': (c, t) => ({
      body: { uploadId: uploadFor(c), commune: communeOf(c, t), mode: 'valid-rows' },
    }),
    'GET /api/persons/imports': (c, t) => ({ query: t === 'outside' ? `unit=${c.outsideUnit}` : '' }),
    'GET /api/persons/imports/:id/errors': () => ({}),
    'POST /api/persons/imports/:id/undo': () => ({}),
    'GET /api/persons/duplicates': (c, t) => ({ query: t === 'outside' ? `unit=${c.outsideUnit}` : '' }),
    'POST /api/persons/duplicates/:id/merge': () => ({}),
    'POST /api/persons/duplicates/:id/keep': () => ({}),
    'POST /api/persons/duplicates/:id/unmerge': () => ({}),
    'POST /api/directives/extract': () => ({ body: { not: 'a file' } }),
    'POST /api/directives/parse': () => ({
      body: { text: fs.readFileSync('test/fixtures/letters/000_0cc6a49cf5414292.txt', 'utf8') },
    }),
    'POST /api/documents/preview': (c) => ({
      body: { unitCode: c.unit, direction: 'outgoing', document: parseDocument(seedLetter) },
    }),
    'POST /api/documents': (c) => ({
      body: { unitCode: c.unit, direction: 'incoming', document: parseDocument(seedLetter) },
    }),
    'GET /api/documents': () => ({}),
    'GET /api/documents/:id': () => ({}),
    'GET /api/documents/:id/cascade': () => ({}),
    'GET /api/documents/:id/original': () => ({}),
    'GET /api/tasks/inbox': () => ({}),
    'GET /api/tasks/awaiting': () => ({}),
    'GET /api/tasks/export.xlsx': () => ({}),
    'GET /api/tasks/:id': () => ({}),
    'POST /api/tasks/:id/actions': () => ({ body: { action: 'acknowledge' } }),
    'POST /api/tasks/:id/reports': () => ({ body: { text: 'Đã triển khai', percent: 50 } }),
    'PATCH /api/tasks/:id': (c) => ({ body: { unitCode: c.insideCommune } }),
    'GET /api/progress-reports/:id/attachment': () => ({}),
    'GET /api/compliance': () => ({}),
    'GET /api/steering-members': () => ({}),
    'POST /api/steering-members': (c) => ({
      body: {
        unitCode: c.unit,
        name: `Thành viên ${++seq}`,
        position: 'Ủy viên',
        assignedAreaCode: c.insideCommune,
      },
    }),
    'PATCH /api/steering-members/:id': () => ({ body: { position: 'Phó Trưởng ban' } }),
    'DELETE /api/steering-members/:id': () => ({}),
    'GET /api/supervision-visits': () => ({}),
    'POST /api/supervision-visits': (c) => ({
      body: {
        unitCode: c.unit,
        date: '2022-01-10',
        areaCode: c.insideCommune,
        findings: 'Chưa cập nhật danh sách F0.',
        tasks: [{ text: 'Cập nhật danh sách F0.', assigneeUnitCode: c.insideCommune }],
      },
    }),
    'PATCH /api/supervision-visits/:id': () => ({ body: { findings: 'Đã bổ sung.' } }),
    'DELETE /api/supervision-visits/:id': () => ({}),
    'GET /api/vaccination/coverage': (c) => ({ query: `unit=${c.unit}` }),
    'GET /api/vaccination/trend': (c) => ({ query: `unit=${c.unit}&ageGroup=18%2B` }),
    'GET /api/vaccination/rules': () => ({}),
    'GET /api/vaccination/targets': (c) => ({ query: `unit=${c.unit}` }),
    'POST /api/vaccination/targets': (c) => ({
      body: {
        unitCode: c.unit,
        title: 'Chỉ tiêu',
        deadline: '2022-01-31',
        primary: { minAge: 12, percent: 100 },
      },
    }),
    'GET /api/vaccination/targets/:id/progress': () => ({}),
    'GET /api/vaccination/worklist': (c) => ({ query: `unit=${c.insideCommune}` }),
    'GET /api/vaccination/worklist.xlsx': (c) => ({ query: `unit=${c.insideCommune}&list=notVaccinated` }),
    'GET /api/vaccination/missed': (c) => ({ query: `unit=${c.unit}` }),
    'GET /api/vaccination/persons/:id/card': () => ({}),
    'POST /api/vaccination/doses': () => ({
      body: { personId: vaccinated, vaccine: 'pfizer', date: '2021-10-01', doseNumber: 1 },
    }),
    'PATCH /api/vaccination/doses/:id': () => ({ body: { lot: 'FK1234' } }),
    'DELETE /api/vaccination/doses/:id': () => ({}),
    'POST /api/vaccination/imports': (c) => ({
      body: { uploadId: uploadFor(c, 'test/fixtures/doses/mui-tiem.csv'), unit: c.unit },
    }),
    'GET /api/vaccination/imports': (c) => ({ query: `unit=${c.unit}` }),
    'GET /api/vaccination/imports/:id/errors': () => ({}),
    'POST /api/vaccination/outcomes': () => ({ body: { personId: vaccinated, outcome: 'refused' } }),
    'GET /api/vaccination/sessions': (c) => ({ query: `unit=${c.unit}` }),
    'POST /api/vaccination/sessions': (c) => ({
      body: {
        unitCode: c.insideCommune,
        place: 'Trạm Y tế',
        date: '2022-01-08',
        vaccine: 'pfizer',
        dosesAvailable: 50,
      },
    }),
    'GET /api/vaccination/sessions/:id/roster': () => ({}),
    'POST /api/vaccination/sessions/:id/invitations': () => ({ body: { personIds: [vaccinated] } }),
    'POST /api/vaccination/sessions/:id/doses': () => ({ body: { doses: [{ personId: vaccinated }] } }),
    'GET /api/vaccination/fhir': (c) => ({ query: `unit=${c.insideCommune}` }),
    'GET /api/risk-levels': (c) => ({ query: `unit=${c.unit}&week=2022-W02` }),
    'GET /api/risk-levels/why': (c) => ({ query: `unit=${c.unit}&week=2022-W02` }),
    'GET /api/risk-levels/replay': (c) => ({
      query: `unit=${c.unit}&week=2022-W02&a=QD-4800-BYT&b=QD-218-BYT`,
    }),
    'GET /api/risk-levels/map': (c) => ({ query: `unit=${c.unit}&week=2022-W02` }),
    'POST /api/risk-levels/recompute': (c) => ({ body: { unit: c.insideCommune, week: '2022-W02' } }),
    'GET /api/risk-levels/announcements': (c) => ({ query: `unit=${c.unit}` }),
    'POST /api/risk-levels/announcements': (c) => ({
      body: {
        unit: c.insideCommune,
        week: '2022-W02',
        level: 2,
        decisionNumber: '1/QĐ-UBND',
        decisionDate: '2022-01-17',
        announcedBy: 'Chủ tịch',
        reason: 'Thử quyền',
      },
    }),
    'GET /api/risk-levels/rule-sets': () => ({}),
    'POST /api/risk-levels/rule-sets': (c) => ({
      body: (({ version: _, ...set }) => ({
        ...set,
        id: `T-${c.unit}`,
        provinceCode: '20',
        basedOn: set.id,
        effectiveFrom: '2022-03-01',
      }))(RULE_SET_218),
    }),
    'POST /api/risk-levels/rule-sets/:id/revisions': () => ({
      body: {
        document: { number: '5/QĐ-UBND', date: '2022-02-01' },
        valuesFrom: '2022-02-02',
        coverage: { threshold: 0.75, provisional: false },
      },
    }),
    'GET /api/support/policies': () => ({}),
    'POST /api/support/claims/preview': (c) => ({ query: `unit=${c.unit}` }),
    'GET /api/support/missed': (c) => ({ query: `unit=${c.unit}` }),
    'GET /api/support/claims': (c) => ({ query: `unit=${c.unit}` }),
    'POST /api/support/claims': () => ({ body: { personId: supportPeople.pop(), policy: 'tourGuide' } }),
    'POST /api/support/claims/from-records': (c) => ({ query: `unit=${c.unit}` }),
    'POST /api/support/claims/:id/review': () => ({ body: {} }),
    'POST /api/support/claims/:id/reject': () => ({ body: { note: 'Không đủ điều kiện' } }),
    'POST /api/support/claims/:id/approve': () => ({ body: {} }),
    'POST /api/support/claims/:id/refuse': () => ({ body: { note: 'Không đủ điều kiện' } }),
    'POST /api/support/claims/:id/pay': () => ({ body: {} }),
    'GET /api/support/payment-list.xlsx': (c) => ({ query: `unit=${c.unit}` }),
    'GET /api/capacity': (c) => ({ query: `unit=${c.insideCommune}&date=2022-01-10` }),
    'GET /api/capacity/history': (c) => ({ query: `unit=${c.insideCommune}&from=2022-01-01&to=2022-01-10` }),
    'POST /api/treatment-facilities': (c) => ({
      body: { unitCode: c.unit, name: 'Khu điều trị', kind: 'treatmentFacility' },
    }),
    'PUT /api/treatment-facilities/:id/days': () => ({
      body: { day: '2022-01-10', beds: 20, occupied: 5, icuBeds: 2, oxygenCylinders: 10 },
    }),
    'POST /api/mobile-stations': (c) => ({
      body: {
        communeCode: c.insideCommune,
        name: 'Trạm lưu động',
        openedOn: '2022-01-05',
        areaCommunes: [c.insideCommune],
      },
    }),
    'PUT /api/mobile-stations/:id/days': () => ({
      body: { day: '2022-01-10', doctors: 1, staff: 6, oxygenCylinders: 2 },
    }),
    'PUT /api/station-oxygen': (c) => ({
      body: { unit: c.insideCommune, day: '2022-01-10', oxygenCylinders: 2, concentrators: 0 },
    }),
    'GET /api/measures': () => ({ query: 'level=3&date=2022-01-10' }),
    'GET /api/response-plans': (c) => ({ query: `unit=${c.unit}` }),
    'PUT /api/response-plans/scenarios': (c) => ({
      body: {
        unit: c.unit,
        level: 3,
        beds: 10,
        teams: 2,
        oxygenCylinders: 5,
        actions: [{ kind: 'act', text: 'Thử quyền', assignee: 'announced', deadlineDays: 1 }],
      },
    }),
    'GET /api/response-plans/checklists': (c) => ({ query: `unit=${c.unit}` }),
    'GET /api/reports/daily': (c) => ({ query: `unit=${c.unit}&date=2022-01-14` }),
    'GET /api/reports/daily.docx': (c) => ({ query: `unit=${c.unit}&date=2022-01-14` }),
    'GET /api/reports/daily.xlsx': (c) => ({ query: `unit=${c.unit}&date=2022-01-14` }),
    'GET /api/reports/view': (c) => ({ query: `form=weekly&unit=${c.unit}&period=2022-01-10` }),
    'GET /api/reports/archive': (c) => ({ query: `unit=${c.unit}` }),
    'GET /api/reports/:id': () => ({}),
    'GET /api/reports/:id/docx': () => ({}),
    'GET /api/reports/:id/xlsx': () => ({}),
    'POST /api/reports/drafts': (c) => ({ body: { form: 'daily', unit: c.unit, period: reportDay() } }),
    'POST /api/reports/:id/texts': () => ({ body: { texts: { situation: 'Thử quyền' } } }),
    'POST /api/reports/:id/corrections': () => ({
      body: { field: 'newCases', value: 1, reason: 'Thử quyền truy cập' },
    }),
    'POST /api/reports/:id/sign': () => ({}),
    'POST /api/reports/:id/submit': () => ({}),
    'POST /api/reports/reminders': (c) => ({ body: { form: 'daily', unit: c.unit, period: '2022-01-13' } }),
    'GET /api/cases/summary': (c) => ({ query: `unit=${c.unit}&date=2022-01-10` }),
    'GET /api/cases': (c) => ({ query: `unit=${c.unit}` }),
    'POST /api/cases': () => ({
      body: { personId: casePeople.pop(), sampleDate: '2022-01-05', testKind: 'pcr', placeOfCare: 'home' },
    }),
    'POST /api/cases/:id/outcome': () => ({ body: { status: 'died', on: '2022-01-12' } }),
    'GET /api/cases/:id/certificate': () => ({}),
    'POST /api/cases/:id/transfers': () => ({ body: { on: '2022-01-07', placeOfCare: 'facility' } }),
    'POST /api/cases/:id/contacts': () => ({
      body: { personId: casePeople.pop(), exposureDate: '2022-01-04' },
    }),
    'POST /api/cases/:id/check-link': () => ({}),
    'POST /api/cases/imports': (c) => ({
      body: { uploadId: uploadFor(c, 'test/fixtures/cases/f0-yen-thinh.csv'), unit: c.insideCommune },
    }),
    'GET /api/cases/imports/:id/errors': () => ({}),
    'GET /api/quarantine-orders/candidates': (c) => ({ query: `unit=${c.insideCommune}` }),
    'POST /api/quarantine-orders': (c) => ({
      body: {
        unit: c.insideCommune,
        number: `${++seq}/QĐ-UBND`,
        issuedOn: '2022-01-15',
        signerName: 'Nguyễn Văn An',
        signerTitle: 'Chủ tịch',
        contactIds: [orderContacts.pop() ?? 0],
      },
    }),
    'GET /api/quarantine-orders': (c) => ({ query: `unit=${c.unit}` }),
    'GET /api/quarantine-orders/:id': () => ({}),
    'PUT /api/quarantine-order-lines/:id/delivery': () => ({
      body: { deliveredBy: 'Tổ COVID thôn', deliveredAt: '2022-01-15T08:00', outcome: 'refused' },
    }),
    'GET /api/check-links/:token': () => ({}),
    'POST /api/check-links/:token/checks': () => ({ body: { spo2: 97 } }),
    'POST /api/cases/:id/checks': () => ({ body: { spo2: 97, temperature: 37.2 } }),
    'GET /api/escalations': (c) => ({ query: `unit=${c.unit}` }),
    'POST /api/escalations/:id/handle': () => ({ body: { note: 'Đã gọi điện' } }),
    'GET /api/cases/missed-checks': (c) => ({ query: `unit=${c.unit}&date=2022-01-15` }),
    'GET /api/cases/chains': (c) => ({ query: `unit=${c.unit}&from=2022-01-01&to=2022-01-15` }),
    'GET /api/chains/cases/:id': () => ({}),
    'PUT /api/chains/cases/:id/source': () => ({ body: { sourceCaseId: null } }),
    'GET /api/clusters': (c) => ({ query: `unit=${c.unit}` }),
    'POST /api/clusters': (c) => ({
      body: { commune: c.insideCommune, name: `Chợ ${++seq}`, kind: 'market', openedOn: '2022-01-10' },
    }),
    'GET /api/clusters/:id': () => ({}),
    'POST /api/clusters/:id/cases': () => ({ body: { caseIds: [chainCaseId] } }),
    'DELETE /api/clusters/:id/cases/:caseId': () => ({}),
    'POST /api/clusters/:id/close': () => ({ body: { closedOn: '2022-01-14' } }),
    'GET /api/containment-zones': (c) => ({ query: `unit=${c.unit}` }),
    'POST /api/containment-zones': (c) => ({
      body: {
        commune: c.insideCommune,
        name: `Hộ ${++seq}`,
        kind: 'household',
        startsOn: '2022-01-12',
        plannedEndOn: '2022-01-26',
        liftingCriteria: '14 ngày không có ca mới',
        personIds: [zoneResident],
      },
    }),
    'GET /api/containment-zones/:id': () => ({}),
    'PATCH /api/containment-zones/:id': () => ({ body: { plannedEndOn: '2022-01-30' } }),
    'POST /api/containment-zones/:id/persons': () => ({ body: { personIds: [zoneResident] } }),
    'DELETE /api/containment-zones/:id/persons/:personId': () => ({}),
    'GET /api/venues': (c) => ({ query: `unit=${c.unit}` }),
    'POST /api/venues': (c) => ({ body: { unit: c.insideCommune, name: `Chợ ${++seq}`, kind: 'market' } }),
    'GET /api/venues/:id/check-ins': () => ({ query: 'day=2022-01-15' }),
    'GET /api/check-in/:token': () => ({}),
    'POST /api/check-in/:token': () => ({
      body: { fullName: 'Khách', phone: '0912345678', birthYear: 1990 },
    }),
    'GET /api/exposures': (c) => ({ query: `unit=${c.unit}` }),
    'GET /api/exposures/cases/:id': () => ({}),
    'POST /api/exposures/cases/:id/contacts': () => ({}),
    'POST /api/arrival-declarations': (c) => ({ body: arrival(c.insideCommune) }),
    'POST /api/arrivals': (c) => ({ body: arrival(c.insideCommune) }),
    'GET /api/arrivals': (c) => ({ query: `unit=${c.unit}&date=2022-01-15` }),
    'GET /api/arrivals/forecast': (c) => ({ query: `unit=${c.unit}&from=2022-01-10` }),
    'GET /api/checkpoints': (c) => ({ query: `unit=${c.unit}` }),
    'POST /api/checkpoints': (c) => ({
      body: {
        communeCode: c.insideCommune,
        name: 'Chốt thử',
        place: 'QL1A',
        decisionNumber: '2/QĐ-UBND',
        decisionDate: '2022-01-06',
        ...signer,
      },
    }),
    'POST /api/checkpoints/:id/close': () => ({
      body: { decisionNumber: '3/QĐ-UBND', decisionDate: '2022-01-14', ...signer },
    }),
    'GET /api/checkpoints/:id/shifts': () => ({}),
    'POST /api/checkpoints/:id/shifts': () => ({
      body: {
        day: '2022-01-11',
        shift: 'night',
        staff: ['Dân quân'],
        countIn: 5,
        countOut: 5,
        turnedBack: 0,
        sentToTesting: 0,
      },
    }),
    'POST /api/checkpoint-shifts/:id/handover': () => ({ body: { to: 'Ca sau' } }),
    'GET /api/gatherings': (c) => ({ query: `unit=${c.unit}&from=2022-01-15` }),
    'GET /api/gatherings/approved': (c) => ({ query: `unit=${c.unit}&week=2022-W05` }),
    'POST /api/gatherings': (c) => ({ body: gathering(c.insideCommune) }),
    'POST /api/gatherings/:id/decision': () => ({
      body: {
        decision: 'refuse',
        reason: 'Thử quyền',
        decisionNumber: '4/UBND-VP',
        decisionDate: '2022-01-14',
        ...signer,
      },
    }),
    'POST /api/tests': (c) => ({
      body: { commune: c.insideCommune, kind: 'rapidAntigen', sampleDate: '2022-01-10', result: 'negative' },
    }),
    'POST /api/test-pools': (c) => ({
      body: {
        commune: c.insideCommune,
        kind: 'pcr',
        sampleDate: '2022-01-10',
        members: [poolPeople.pop(), poolPeople.pop()],
      },
    }),
    'GET /api/test-pools': (c) => ({ query: `unit=${c.unit}` }),
    'POST /api/test-pools/:id/result': () => ({ body: { result: 'positive', resultOn: '2022-01-11' } }),
    'GET /api/retests': (c) => ({ query: `unit=${c.unit}` }),
    'POST /api/retests/:id': () => ({ body: { kind: 'pcr', sampleDate: '2022-01-12', result: 'negative' } }),
    'POST /api/testing-rounds': (c) => ({
      body: {
        commune: c.insideCommune,
        name: 'Đợt chợ',
        areaKind: 'market',
        expectedPeople: 50,
        startsOn: '2022-01-10',
        endsOn: '2022-01-10',
      },
    }),
    'GET /api/testing-rounds': (c) => ({ query: `unit=${c.unit}` }),
    'GET /api/testing-rounds/:id': () => ({}),
    'GET /api/tests/positivity': (c) => ({ query: `unit=${c.unit}&from=2022-01-03&to=2022-01-15` }),
    'GET /api/establishments': (c) => ({ query: `unit=${c.unit}` }),
    'GET /api/establishments/overdue': (c) => ({ query: `unit=${c.unit}` }),
    'POST /api/establishments': (c) => ({
      body: { commune: c.insideCommune, name: 'Cửa hàng thử', sector: 'shop', size: 'small' },
    }),
    'POST /api/establishments/imports': (c) => ({
      body: { uploadId: uploadFor(c, 'test/fixtures/establishments/co-so.csv'), unit: c.unit },
    }),
    'GET /api/establishments/:id': () => ({}),
    'POST /api/establishments/:id/assessments': () => ({ body: { answers: { plan: true } } }),
    'POST /api/establishments/:id/inspections': () => ({
      body: { answers: { plan: true }, violations: [{ description: 'Thử', penaltyKind: 'warning' }] },
    }),
    'GET /api/inspections/:id/tasks': () => ({}),
    'GET /api/community-teams': (c) => ({ query: `unit=${c.unit}` }),
    'POST /api/community-teams': (c) => ({
      body: { commune: c.insideCommune, kind: 'communityTeam', name: 'Tổ thử', villageIds: [] },
    }),
    'PUT /api/community-teams/:id': () => ({
      body: { kind: 'communityTeam', name: 'Tổ thử', villageIds: [] },
    }),
    'GET /api/support-requests': (c) => ({ query: `unit=${c.unit}` }),
    'POST /api/support-requests': (c) => ({
      body: { commune: c.insideCommune, kind: 'health', details: 'Thử', neededBy: '2022-01-20' },
    }),
    'POST /api/support-requests/:id/answer': () => ({ body: { action: 'answer', answer: 'Đồng ý' } }),
    'GET /api/situation-room': (c) => ({ query: `unit=${c.unit}&date=2022-01-10` }),
    'GET /api/situation-room/summary.csv': (c) => ({ query: `unit=${c.unit}&date=2022-01-10` }),
    'GET /api/situation-room/dhis2': (c) => ({ query: `unit=${c.unit}&date=2022-01-10&period=week` }),
    'GET /api/situation-room/measure-report': (c) => ({ query: `unit=${c.unit}&date=2022-01-10` }),
  };

  /** An upload of the CSV fixture owned by the caller, written where the server keeps uploads. */
  const uploadFor = (c: Caller, file = 'test/fixtures/persons/danh-sach.csv') => {
    const id = randomUUID();
    const dir = path.join(os.tmpdir(), 'safeadapt-uploads');
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(file, path.join(dir, `${id}.upload`));
    fs.writeFileSync(
      path.join(dir, `${id}.upload.json`),
      JSON.stringify({ userId: c.userId, fileName: path.basename(file) }),
    );
    return id;
  };

  beforeAll(async () => {
    server = await startServer(engine);
    const db = server.app.db.db;
    vaccinated = await newPerson('06385');
    for (let i = 0; i < 80; i++) casePeople.push(await newPerson('06385'));
    chainCaseId = Number(await newCase('06385'));
    zoneResident = Number(await newPerson('06385'));
    for (let i = 0; i < 60; i++) poolPeople.push(await newPerson('06385'));
    for (let i = 0; i < 20; i++) supportPeople.push(Number(await newPerson('06385')));
    for (let i = 0; i < 20; i++) orderContacts.push(await newContact('06385'));
    const firstCommuneOf = async (district: string) =>
      (
        await db
          .selectFrom('admin_units')
          .select('code')
          .where('district_code', '=', district)
          .orderBy('code')
          .limit(1)
          .executeTakeFirstOrThrow()
      ).code;
    const areas = [
      { unit: '06385', insideCommune: '06385', outsideUnit: '06388', outsideCommune: '06388' },
      {
        unit: '186',
        insideCommune: '06385',
        outsideUnit: '187',
        outsideCommune: await firstCommuneOf('187'),
      },
      { unit: '20', insideCommune: '06385', outsideUnit: '19', outsideCommune: await firstCommuneOf('164') },
    ];
    for (const area of areas)
      for (const role of ROLES) {
        const username = `matrix.${role.toLowerCase()}.${area.unit}`;
        const user = await createUser(server.app.db, systemScope('test'), {
          username,
          displayName: username,
          password: PASSWORD,
          role,
          unitCode: area.unit,
        });
        callers.push({
          role,
          ...area,
          userId: user.id,
          session: await login(server.base, username, PASSWORD),
        });
      }
  }, 120_000);
  afterAll(() => server.close());

  it('knows a sample for every registered API route', () => {
    const routes = server.app.registeredRoutes.filter(
      (r) => !r.url.startsWith('/api/docs') && r.method !== 'HEAD',
    );
    expect(routes.length).toBeGreaterThanOrEqual(18);
    for (const r of routes)
      expect(samples, `add a sample for ${r.method} ${r.url}`).toHaveProperty([`${r.method} ${r.url}`]);
  });

  it('answers 401 to anonymous callers on every non-public route', async () => {
    for (const r of server.app.registeredRoutes.filter(
      (r) => !r.url.startsWith('/api/docs') && r.method !== 'HEAD',
    )) {
      const url = r.url.replace(':code', '06385').replace(':id', '1');
      const res = await call(
        server.base,
        null,
        r.method,
        url,
        samples[`${r.method} ${r.url}`]!(callers[0]!, 'inside').body,
      );
      if (r.access && 'public' in r.access) expect(res.status, `${r.method} ${r.url}`).toBeLessThan(500);
      else expect(res.status, `${r.method} ${r.url}`).toBe(401);
    }
  });

  it('refuses what a role may not do, and anything outside the jurisdiction', async () => {
    const routes = server.app.registeredRoutes.filter(
      (r) => !r.url.startsWith('/api/docs') && r.method !== 'HEAD' && r.access && !('public' in r.access),
    );
    const failures: string[] = [];
    for (const r of routes) {
      const permission = r.access && 'permission' in r.access ? (r.access.permission as Permission) : null;
      for (const caller of callers)
        for (const target of ['inside', 'outside'] as const) {
          if (target === 'outside' && !r.url.includes(':') && r.url !== '/api/users') continue;
          const session =
            r.url === '/api/auth/logout'
              ? await login(server.base, `matrix.${caller.role.toLowerCase()}.${caller.unit}`, PASSWORD)
              : caller.session;
          let url = r.url;
          for (const param of r.url.match(/:\w+/g) ?? []) {
            const key = param === ':code' ? 'code' : `${r.url.split('/')[2]}.id`;
            const filler = fillers[`${r.url.split('/').at(-1)}.${key}`] ?? fillers[key];
            if (!filler) throw new Error(`no filler for ${key} in ${r.url}`);
            url = url.replace(param, await filler(caller, target));
          }
          const sample = samples[`${r.method} ${r.url}`]!(caller, target);
          const res = await call(
            server.base,
            session,
            r.method,
            sample.query ? `${url}?${sample.query}` : url,
            sample.body,
          );
          const allowed = permission === null || can(caller.role, permission);
          const label = `${r.method} ${r.url} as ${caller.role}@${caller.unit} ${target}: ${res.status}`;
          if (!allowed) {
            if (res.status !== 403) failures.push(`${label} (role lacks ${permission}: want 403)`);
          } else if (target === 'outside') {
            if (res.status !== 403 && res.status !== 404) failures.push(`${label} (want 403/404)`);
          } else if (res.status >= 500 || res.status === 401 || res.status === 403 || res.status === 404) {
            failures.push(`${label} (want success) ${await res.text()}`);
          } else if (
            r.method === 'GET' &&
            res.status === 200 &&
            res.headers.get('content-type')?.includes('json')
          ) {
            await expectOnlyOwnData(r.url, caller, await res.json());
          }
        }
    }
    expect(failures).toEqual([]);
  }, 600_000);

  /** Lists answer only rows of the caller's area. */
  async function expectOnlyOwnData(url: string, caller: Caller, body: Record<string, unknown>) {
    const db = server.app.db.db;
    const codes = async (list: string[]) => {
      if (list.length === 0) return;
      const rows = await db
        .selectFrom('admin_units')
        .select(['code', 'province_code', 'district_code'])
        .where('code', 'in', list)
        .execute();
      for (const row of rows)
        expect(
          [row.code, row.province_code, row.district_code],
          `${url} as ${caller.unit} leaked ${row.code}`,
        ).toContain(caller.unit);
    };
    if (url === '/api/users') await codes((body.users as { unitCode: string }[]).map((u) => u.unitCode));
    if (url === '/api/admin-units') await codes((body.units as { code: string }[]).map((u) => u.code));
    if (url === '/api/tasks/inbox')
      await codes((body.tasks as { assignee: { unitCode: string } }[]).map((t) => t.assignee.unitCode));
    if (url === '/api/persons')
      await codes((body.persons as { commune_code: string }[]).map((p) => p.commune_code));
    if (url === '/api/vaccination/coverage')
      await codes((body.units as { code: string }[]).map((u) => u.code));
    if (url === '/api/cases')
      await codes((body.cases as { commune_code: string }[]).map((c) => c.commune_code));
    if (url === '/api/retests')
      await codes((body.retests as { communeCode: string }[]).map((r) => r.communeCode));
    if (url === '/api/test-pools')
      await codes((body.pools as { communeCode: string }[]).map((p) => p.communeCode));
    if (url === '/api/testing-rounds')
      await codes((body.rounds as { communeCode: string }[]).map((r) => r.communeCode));
    if (url === '/api/tests/positivity') await codes((body.units as { code: string }[]).map((u) => u.code));
    if (url === '/api/escalations')
      await codes((body.escalations as { communeCode: string }[]).map((e) => e.communeCode));
    if (url === '/api/cases/missed-checks')
      await codes((body.cases as { communeCode: string }[]).map((e) => e.communeCode));
    if (url === '/api/venues')
      await codes((body.venues as { communeCode: string }[]).map((v) => v.communeCode));
    if (url === '/api/exposures')
      await codes((body.exposures as { communeCode: string }[]).map((e) => e.communeCode));
    if (url === '/api/support/claims')
      await codes((body.claims as { communeCode: string }[]).map((c) => c.communeCode));
    if (url === '/api/arrivals')
      await codes((body.arrivals as { communeCode: string }[]).map((a) => a.communeCode));
    if (url === '/api/gatherings')
      await codes((body.gatherings as { communeCode: string }[]).map((g) => g.communeCode));
    if (url === '/api/cases/summary') await codes((body.units as { code: string }[]).map((u) => u.code));
    if (url === '/api/risk-levels') await codes((body.units as { code: string }[]).map((u) => u.code));
    if (url === '/api/risk-levels/replay') await codes((body.units as { code: string }[]).map((u) => u.code));
    if (url === '/api/establishments' || url === '/api/establishments/overdue')
      await codes((body.establishments as { communeCode: string }[]).map((e) => e.communeCode));
    if (url === '/api/clusters')
      await codes((body.clusters as { communeCode: string }[]).map((e) => e.communeCode));
    if (url === '/api/containment-zones')
      await codes((body.zones as { communeCode: string }[]).map((e) => e.communeCode));
    if (url === '/api/community-teams')
      await codes((body.teams as { communeCode: string }[]).map((e) => e.communeCode));
    if (url === '/api/support-requests')
      await codes((body.requests as { communeCode: string }[]).map((e) => e.communeCode));
    if (url === '/api/audit')
      await codes(
        (body.entries as { unit_code: string | null }[]).flatMap((e) => (e.unit_code ? [e.unit_code] : [])),
      );
  }
});
