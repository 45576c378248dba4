/** A person's vaccination card, and the FHIR R4 export of a unit. Personal data: both reads are audited. */

import { vietnamToday } from '../../core/dates.ts';
import type { Message } from '../../core/errors.ts';
import { badRequest } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import { placeColumn, unitInScope, unitTree } from '../admin-units/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { Scope } from '../auth/index.ts';
import type { PersonStatus } from '../persons/index.ts';
import { mergedRecordsOf, personCards, personInScope } from '../persons/index.ts';
import type { ContactOutcome } from './rules/contact-outcomes.ts';
import { type FhirDoseInput, fhirBundle } from './rules/fhir.ts';
import { personStatus } from './rules/person-status.ts';
import type { VaccineId } from './rules/vaccines.ts';
import { doseFact, syncStatuses } from './status-store.ts';

export async function vaccinationCard(db: Db, scope: Scope, personId: number, today = vietnamToday()) {
  const person = await personInScope(db, scope, personId);
  await syncStatuses(db, today);
  // The doses of records merged into this one are this person's too.
  const ids = [personId, ...(await mergedRecordsOf(db.db, [personId])).map((p) => p.id)];
  const doses = await db.db
    .selectFrom('doses')
    .selectAll()
    .where('person_id', 'in', ids)
    .orderBy('date')
    .orderBy('id')
    .execute();
  const outcomes = await db.db
    .selectFrom('contact_outcomes')
    .select(['id', 'outcome', 'reason', 'until', 'date', 'session_id', 'user_id', 'created_at'])
    .where('person_id', '=', personId)
    .orderBy('id', 'desc')
    .execute();
  const last = outcomes[0];
  const status = personStatus(
    doses.map(doseFact),
    {
      birth: person.birth,
      registryStatus: person.status as PersonStatus,
      outcome: last
        ? { outcome: last.outcome as ContactOutcome, reason: last.reason, until: last.until, date: last.date }
        : null,
    },
    today,
  );
  await recordAudit(db, scope, [
    { action: 'read', entity: 'vaccination_card', entityId: personId, unitCode: person.communeCode },
  ]);
  return {
    person: {
      id: person.id,
      fullName: person.fullName,
      birthDate: person.birthDate,
      birthYear: person.birthYear,
      sex: person.sex,
      nationalId: person.nationalId,
      phone: person.phone,
      communeCode: person.communeCode,
      villageId: person.villageId,
      status: person.status,
      mergedInto: person.mergedInto,
    },
    asOf: today,
    status,
    doses: doses.map((d) => ({
      id: d.id,
      personId: d.person_id,
      vaccine: d.vaccine,
      kind: d.kind,
      doseNumber: d.dose_number,
      date: d.date,
      site: d.site,
      lot: d.lot,
      sessionId: d.session_id,
      importId: d.import_id,
      warnings: JSON.parse(d.warnings) as Message[],
    })),
    outcomes,
  };
}

/** The most patients one export holds: a district's vaccinated people; a province is exported district by district. */
const FHIR_EXPORT_LIMIT = 150_000;

/** Patients (every vaccinated resident of the unit) and their Immunizations, as a FHIR R4 collection Bundle. */
export async function fhirExport(db: Db, scope: Scope, unitCode: string, today = vietnamToday()) {
  const unit = await unitInScope(db, scope, unitCode);
  await syncStatuses(db, today);
  // The vaccinated (a merged record has no doses of its own), then their cards from the registry.
  const column = placeColumn('s', unit.level);
  let q = db.db.selectFrom('vaccination_status as s').select('s.person_id').where('s.doses', '>', 0);
  if (column) q = q.where(column, '=', unit.code);
  const vaccinated = await q
    .orderBy('s.person_id')
    .limit(FHIR_EXPORT_LIMIT + 1)
    .execute();
  if (vaccinated.length > FHIR_EXPORT_LIMIT)
    throw badRequest({
      vi: `Quá nhiều người để xuất một lần (trên ${FHIR_EXPORT_LIMIT.toLocaleString('vi')}): hãy xuất theo huyện hoặc xã.`,
      en: `Too many persons for one export (over ${FHIR_EXPORT_LIMIT.toLocaleString('en')}): export by district or commune.`,
    });
  const cards = await personCards(
    db.db,
    vaccinated.map((v) => v.person_id),
  );
  const persons = vaccinated.flatMap((v) => {
    const card = cards.get(v.person_id);
    return card && !card.mergedInto ? [card] : [];
  });
  const tree = await unitTree(db);
  const name = (code: string) => tree.get(code)?.name_with_type ?? code;
  const doses: FhirDoseInput[] = [];
  for (let i = 0; i < persons.length; i += 500) {
    const ids = persons.slice(i, i + 500).map((p) => p.id);
    for (const d of await db.db
      .selectFrom('doses')
      .select(['id', 'person_id', 'vaccine', 'kind', 'dose_number', 'date', 'lot', 'site'])
      .where('person_id', 'in', ids)
      .orderBy('person_id')
      .orderBy('date')
      .execute())
      doses.push({
        ...doseFact(d),
        id: d.id,
        personId: d.person_id,
        lot: d.lot,
        site: d.site,
        vaccine: d.vaccine as VaccineId,
      });
  }
  await recordAudit(db, scope, [
    {
      action: 'read',
      entity: 'fhir_export',
      unitCode: unit.code,
      details: { patients: persons.length, immunizations: doses.length },
    },
  ]);
  return fhirBundle(
    persons.map((p) => ({
      id: p.id,
      fullName: p.fullName,
      birthDate: p.birthDate,
      birthYear: p.birthYear,
      sex: p.sex,
      nationalId: p.nationalId,
      phone: p.phone,
      village: p.villageName,
      commune: name(p.communeCode),
      district: name(p.districtCode),
      province: name(p.provinceCode),
    })),
    doses,
    new Date().toISOString(),
  );
}
