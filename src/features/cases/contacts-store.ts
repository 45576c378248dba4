import { badRequest, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import { recordInScope, unitTree } from '../admin-units/index.ts';
import { writeAudited } from '../audit/index.ts';
import type { Scope } from '../auth/index.ts';
import { personInScope } from '../persons/index.ts';
import { primarySeriesCompletedOn } from '../vaccination/index.ts';
import { applyCounts } from './counts-store.ts';
import { lifeDateProblems } from './rules/case-input.ts';
import { contactCounts } from './rules/day-counts.ts';
import { quarantinePlan } from './rules/quarantine.ts';

export interface ContactInput {
  personId: number;
  exposureDate: string;
  setting?: string | null;
}

/**
 * Lists a close contact of a case, with the quarantine the rule set in force on the exposure day gives for
 * the person's vaccination or recovery. The contact is counted in its own commune.
 */
export async function addContact(db: Db, scope: Scope, caseId: number, input: ContactInput, today: string) {
  const source = await db.db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirst();
  if (!source) throw notFound({ vi: 'Không tìm thấy ca bệnh.', en: 'Case not found.' });
  await recordInScope(
    db,
    scope,
    source.commune_code,
    () => notFound({ vi: 'Không tìm thấy ca bệnh.', en: 'Case not found.' }),
    source,
  );
  if (Number(source.person_id) === input.personId) {
    const message = {
      vi: 'Một người không thể là F1 của chính mình.',
      en: 'A person cannot be their own contact.',
    };
    throw badRequest(message, [{ field: 'personId', message }]);
  }
  // The contact may live in another commune of the caller's area: the caller must see that person too.
  const person = await personInScope(db, scope, input.personId);
  const dateProblems = lifeDateProblems('exposureDate', input.exposureDate, {
    today,
    birth: person.birthDate,
  });
  if (dateProblems.length) throw badRequest(dateProblems[0]!.message, dateProblems);
  const recovered = await db.db
    .selectFrom('cases')
    .select('outcome_on')
    .where('person_id', '=', person.id)
    .where('status', '=', 'recovered')
    .where('outcome_on', '<=', input.exposureDate)
    .orderBy('outcome_on', 'desc')
    .executeTakeFirst();
  const vaccinated = (await primarySeriesCompletedOn(db.db, [person.id])).get(person.id) ?? null;
  const plan = quarantinePlan({
    exposureDate: input.exposureDate,
    fullyVaccinatedOn: vaccinated,
    recoveredOn: recovered?.outcome_on ?? null,
  });
  if (!plan) {
    const message = { vi: 'Không có quy định cách ly cho ngày này.', en: 'No quarantine rule for this day.' };
    throw badRequest(message, [{ field: 'exposureDate', message }]);
  }
  const tree = await unitTree(db);
  return writeAudited(
    db,
    scope,
    async (trx) => {
      const row = {
        province_code: person.provinceCode,
        district_code: person.districtCode,
        commune_code: person.communeCode,
        person_id: person.id,
        case_id: caseId,
        exposure_date: input.exposureDate,
        setting: input.setting ?? null,
        listed_on: today,
        rule_set_id: plan.ruleSet.id,
        quarantine_ends_on: plan.quarantineEndsOn,
        monitoring_ends_on: plan.selfMonitoringEndsOn,
        test_dates: JSON.stringify(plan.testDates),
        became_case_id: null,
        created_at: new Date().toISOString(),
      };
      const { id } = await trx.insertInto('contacts').values(row).returning('id').executeTakeFirstOrThrow();
      await applyCounts(trx, tree, contactCounts({ ...row, became_case_on: null }));
      return { id: Number(id), ...row, plan };
    },
    (c) => ({
      action: 'create',
      entity: 'contact',
      entityId: c.id,
      unitCode: c.commune_code,
      details: { caseId },
    }),
  );
}
