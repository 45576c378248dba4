/**
 * The recovery certificate (giấy xác nhận khỏi bệnh) of a home-treated case, which the commune health station
 * managing the case signs (rules.md §4.5): who, where, from which positive sample to which release day, and
 * under which rule. Reading it is a read of personal data: audited.
 */
import { conflict } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import { recordInScope, unitTree } from '../admin-units/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { Scope } from '../auth/index.ts';
import { personCards } from '../persons/index.ts';
import { caseNotFound } from './cases-store.ts';
import { releasePlan } from './rules/release.ts';

export async function recoveryCertificate(db: Db, scope: Scope, id: number) {
  const found = await db.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
  if (!found) throw caseNotFound();
  const c = await recordInScope(db, scope, found.commune_code, caseNotFound, found);
  if (c.status !== 'recovered' || !c.outcome_on)
    throw conflict({
      vi: 'Chỉ cấp giấy xác nhận khỏi bệnh cho ca đã khỏi bệnh.',
      en: 'A recovery certificate is only given for a recovered case.',
    });
  const [cards, tree] = await Promise.all([personCards(db.db, [Number(c.person_id)]), unitTree(db)]);
  const person = cards.get(Number(c.person_id))!;
  const commune = tree.get(c.commune_code)!;
  const district = commune.district_code ? tree.get(commune.district_code) : undefined;
  const province = commune.province_code ? tree.get(commune.province_code) : undefined;
  await recordAudit(db, scope, [
    {
      action: 'read',
      entity: 'case',
      entityId: Number(c.id),
      unitCode: c.commune_code,
      details: { certificate: true },
    },
  ]);
  const plan = releasePlan({ sampleDate: c.sample_date, primarySeriesComplete: false, negativeTestOn: null });
  return {
    caseId: Number(c.id),
    station: `Trạm Y tế ${commune.name_with_type}`,
    commune: commune.name_with_type,
    district: district?.name_with_type ?? null,
    province: province?.name_with_type ?? null,
    person: {
      fullName: person.fullName,
      birthDate: person.birthDate,
      birthYear: person.birthYear,
      sex: person.sex,
      nationalId: person.nationalId,
      address: [person.villageName, commune.name_with_type, district?.name_with_type]
        .filter(Boolean)
        .join(', '),
    },
    sampleDate: c.sample_date,
    testKind: c.test_kind,
    confirmedOn: c.confirmed_on,
    placeOfCare: c.place_of_care,
    recoveredOn: c.outcome_on,
    ruleSet: plan?.ruleSet ?? null,
  };
}
