/** Doses entered one at a time (at a session or from a vaccination card), edited and deleted; all audited. */
import type { Kysely } from 'kysely';
import { vietnamToday } from '../../core/dates.ts';
import { badRequest, type Message, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import type { Database, DoseTable } from '../../db/schema.ts';
import { recordInScope } from '../admin-units/index.ts';
import { appendAudit } from '../audit/index.ts';
import type { Scope } from '../auth/index.ts';
import { type PersonCard, personInScope } from '../persons/index.ts';
import { checkDose, type PersonForDose } from './rules/check-dose.ts';
import { type DoseFact, type DoseKind, nextDoseOf } from './rules/dose-series.ts';
import type { VaccineId } from './rules/vaccines.ts';
import { doseFact, refreshStatuses, writeTransaction } from './status-store.ts';

export interface DoseInput {
  vaccine: VaccineId;
  date: string;
  kind?: DoseKind;
  doseNumber?: number;
  site?: string | null;
  lot?: string | null;
  sessionId?: number | null;
}

export type DoseResult =
  | { result: 'recorded'; dose: { id: number } & Omit<DoseTable, 'id' | 'generated'>; warnings: Message[] }
  | { result: 'ignored'; reason: Message };

const doseNotFound = () => notFound({ vi: 'Không tìm thấy mũi tiêm.', en: 'Dose not found.' });

function refused(reasons: Message[]) {
  return badRequest(
    reasons[0]!,
    reasons.map((message) => ({ field: 'dose', message })),
  );
}

export const personForDose = (p: {
  birth_date: string | null;
  birth_year: number;
  status: string;
  status_date: string | null;
}): PersonForDose => ({
  birthDate: p.birth_date,
  birthYear: p.birth_year,
  registryStatus: p.status as PersonForDose['registryStatus'],
  statusDate: p.status_date,
});

/** The same from a registry card. */
const cardForDose = (p: PersonCard): PersonForDose => ({
  birthDate: p.birthDate,
  birthYear: p.birthYear,
  registryStatus: p.status as PersonForDose['registryStatus'],
  statusDate: p.statusDate,
});

async function dosesOf(trx: Kysely<Database>, personId: number, except?: number) {
  let q = trx
    .selectFrom('doses')
    .select(['id', 'person_id', 'vaccine', 'kind', 'dose_number', 'date'])
    .where('person_id', '=', personId);
  if (except) q = q.where('id', '!=', except);
  return (await q.execute()).map(doseFact);
}

/** Records a dose for a person of the caller's area: rejected, ignored (already recorded) or recorded. */
export async function recordDose(
  db: Db,
  scope: Scope,
  personId: number,
  input: DoseInput,
  today = vietnamToday(),
): Promise<DoseResult> {
  const person = await personInScope(db, scope, personId);
  if (person.mergedInto)
    throw badRequest({
      vi: `Hồ sơ này đã được gộp vào hồ sơ số ${person.mergedInto}: ghi mũi tiêm vào hồ sơ đó.`,
      en: `This record was merged into record ${person.mergedInto}: record the dose there.`,
    });
  return writeTransaction(
    db,
    async (trx): Promise<DoseResult> => {
      const existing = await dosesOf(trx, personId);
      // Without a number, a dose of the same product on the same day is that dose again.
      const slot =
        existing.find(
          (d) =>
            d.date === input.date && d.vaccine === input.vaccine && (!input.kind || d.kind === input.kind),
        ) ?? nextDoseOf(existing, input.vaccine);
      const dose: DoseFact = {
        vaccine: input.vaccine,
        kind: input.kind ?? slot.kind,
        number: input.doseNumber ?? (input.kind && input.kind !== slot.kind ? 1 : slot.number),
        date: input.date,
      };
      const verdict = checkDose(dose, existing, cardForDose(person), today);
      if (verdict.verdict === 'reject') throw refused(verdict.reasons);
      if (verdict.verdict === 'ignore') return { result: 'ignored', reason: verdict.reason };
      const now = new Date().toISOString();
      const row = {
        person_id: personId,
        province_code: person.provinceCode,
        district_code: person.districtCode,
        commune_code: person.communeCode,
        vaccine: dose.vaccine,
        kind: dose.kind,
        dose_number: dose.number,
        date: dose.date,
        site: input.site ?? null,
        lot: input.lot ?? null,
        session_id: input.sessionId ?? null,
        import_id: null,
        warnings: JSON.stringify(verdict.warnings),
        created_by: scope.userId,
        created_at: now,
        updated_at: now,
      };
      const { id } = await trx.insertInto('doses').values(row).returning('id').executeTakeFirstOrThrow();
      await refreshStatuses(db, trx, [personId], today);
      await appendAudit(trx, db, scope, [
        {
          action: 'create',
          entity: 'dose',
          entityId: id,
          unitCode: person.communeCode,
          details: { personId, vaccine: dose.vaccine, kind: dose.kind, number: dose.number, date: dose.date },
        },
      ]);
      return { result: 'recorded', dose: { id, ...row }, warnings: verdict.warnings };
    },
    [person.communeCode],
  );
}

async function doseInScope(db: Db, scope: Scope, id: number) {
  const dose = await db.db.selectFrom('doses').selectAll().where('id', '=', id).executeTakeFirst();
  if (!dose) throw doseNotFound();
  return recordInScope(db, scope, dose.commune_code, doseNotFound, dose);
}

export type DoseChanges = Partial<Omit<DoseInput, 'sessionId'>>;

/** Corrects a dose (a wrong date, product or number): checked again like a new one, audited before/after. */
export async function editDose(
  db: Db,
  scope: Scope,
  id: number,
  changes: DoseChanges,
  today = vietnamToday(),
) {
  const before = await doseInScope(db, scope, id);
  const person = await personInScope(db, scope, before.person_id);
  return writeTransaction(db, async (trx) => {
    const dose: DoseFact = {
      vaccine: changes.vaccine ?? (before.vaccine as VaccineId),
      kind: changes.kind ?? (before.kind as DoseKind),
      number: changes.doseNumber ?? before.dose_number,
      date: changes.date ?? before.date,
    };
    const verdict = checkDose(dose, await dosesOf(trx, before.person_id, id), cardForDose(person), today);
    if (verdict.verdict === 'reject') throw refused(verdict.reasons);
    if (verdict.verdict === 'ignore') throw refused([verdict.reason]);
    const set = {
      vaccine: dose.vaccine,
      kind: dose.kind,
      dose_number: dose.number,
      date: dose.date,
      ...(changes.site !== undefined ? { site: changes.site } : {}),
      ...(changes.lot !== undefined ? { lot: changes.lot } : {}),
      warnings: JSON.stringify(verdict.warnings),
      updated_at: new Date().toISOString(),
    };
    await trx.updateTable('doses').set(set).where('id', '=', id).execute();
    await refreshStatuses(db, trx, [before.person_id], today);
    const { warnings: _w, updated_at: _u, ...after } = set;
    await appendAudit(trx, db, scope, [
      {
        action: 'update',
        entity: 'dose',
        entityId: id,
        unitCode: before.commune_code,
        details: {
          personId: before.person_id,
          before: Object.fromEntries(Object.keys(after).map((k) => [k, before[k as keyof typeof before]])),
          after,
        },
      },
    ]);
    return { dose: { ...before, ...set }, warnings: verdict.warnings };
  });
}

export async function deleteDose(db: Db, scope: Scope, id: number, today = vietnamToday()) {
  const dose = await doseInScope(db, scope, id);
  await writeTransaction(db, async (trx) => {
    await trx.deleteFrom('doses').where('id', '=', id).execute();
    await refreshStatuses(db, trx, [dose.person_id], today);
    await appendAudit(trx, db, scope, [
      {
        action: 'delete',
        entity: 'dose',
        entityId: id,
        unitCode: dose.commune_code,
        details: {
          personId: dose.person_id,
          vaccine: dose.vaccine,
          kind: dose.kind,
          number: dose.dose_number,
          date: dose.date,
        },
      },
    ]);
  });
}
