/**
 * The demo district's QR check-ins: in its first commune, the market, a grocery and the commune office with
 * their posters, residents checking in over the last five mornings, and one of the commune's cases under
 * treatment who was at the market on its sample day — so its exposures are listed for follow-up. Generated,
 * deterministic, through bulk inserts (a few hundred rows).
 */
import { randomBytes } from 'node:crypto';
import { addDays, vietnamDayStart } from '../../core/dates.ts';
import { insertRows } from '../../db/bulk-insert.ts';
import type { Db } from '../../db/connection.ts';
import { hashCode, unitTree } from '../admin-units/index.ts';
import { systemScope } from '../auth/index.ts';
import { caseInScope, treatingCaseOf } from '../cases/index.ts';
import { mulberry32, personCards, personFactsOfCommune } from '../persons/index.ts';
import { recordExposures } from './store.ts';

const DAYS = 5;

export async function seedDemoCheckIns(db: Db, area: { districtCode: string; today: string }) {
  const scope = systemScope('demo');
  const tree = await unitTree(db);
  const commune = tree.children(area.districtCode)[0];
  if (!commune) return;
  const rand = mulberry32(hashCode(`check-ins:${commune.code}`));
  const place = {
    province_code: commune.province_code!,
    district_code: commune.district_code!,
    commune_code: commune.code,
  };
  const now = new Date().toISOString();
  const venues = [
    { name: `Chợ trung tâm ${commune.name}`, kind: 'market', address: 'Đường liên thôn' },
    { name: 'Cửa hàng tạp hóa Minh Hằng', kind: 'shop', address: null },
    { name: `Trụ sở UBND ${commune.name}`, kind: 'office', address: null },
  ];
  const venueIds: number[] = [];
  for (const v of venues) {
    const { id } = await db.db
      .insertInto('venues')
      .values({
        ...place,
        ...v,
        token: randomBytes(16).toString('base64url'),
        active: 1,
        created_by: null,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    venueIds.push(Number(id));
  }
  const residents = (await personFactsOfCommune(db.db, commune.code)).filter(
    (p) => p.status === 'resident' && p.merged_into === null,
  );
  const cards = [...(await personCards(db.db, residents.map((p) => p.id).slice(0, 400))).values()].filter(
    (c) => c.phone,
  );
  const treating = await treatingCaseOf(
    db.db,
    residents.map((p) => p.id),
  );
  // The newest case under treatment whose person gave a phone: its check-in is found by that phone.
  const treatingCards = await personCards(db.db, treating.keys());
  const caseId = [...treating.entries()]
    .filter(([personId]) => treatingCards.get(personId)?.phone)
    .map(([, id]) => id)
    .sort((a, b) => b - a)[0];
  const theCase = caseId ? await caseInScope(db, scope, caseId) : null;
  const caseCard = theCase ? treatingCards.get(Number(theCase.person_id)) : undefined;
  const visitDay = theCase && theCase.sample_date <= area.today ? theCase.sample_date : area.today;
  const firstDay = addDays(area.today, -(DAYS - 1)) < visitDay ? addDays(area.today, -(DAYS - 1)) : visitDay;
  const rows: Parameters<typeof insertRows<'check_ins'>>[3] = [];
  const visit = (
    venueId: number,
    day: string,
    who: { fullName: string; phone: string; birthYear: number; nationalId: string | null },
    minute: number,
  ) =>
    rows.push({
      province_code: place.province_code,
      commune_code: place.commune_code,
      venue_id: venueId,
      full_name: who.fullName,
      phone: who.phone,
      birth_year: who.birthYear,
      national_id: who.nationalId,
      day,
      at: new Date(Date.parse(vietnamDayStart(day)) + (6 * 60 + minute) * 60_000).toISOString(),
      address_hash: null,
    });
  for (let day = firstDay; day <= area.today; day = addDays(day, 1))
    for (const [v, venueId] of venueIds.entries()) {
      const count = v === 0 ? 8 + Math.floor(rand() * 6) : 2 + Math.floor(rand() * 3);
      for (let k = 0; k < count && cards.length; k++) {
        const c = cards[Math.floor(rand() * cards.length)]!;
        if (c.id === caseCard?.id) continue;
        visit(venueId, day, { ...c, phone: c.phone!, nationalId: c.nationalId }, Math.floor(rand() * 300));
      }
    }
  if (caseCard)
    visit(
      venueIds[0]!,
      visitDay,
      { ...caseCard, phone: caseCard.phone!, nationalId: caseCard.nationalId },
      90,
    );
  await db.db.transaction().execute((trx) => insertRows(db, trx, 'check_ins', rows));
  if (theCase)
    await recordExposures(db, scope, {
      ...theCase,
      id: Number(theCase.id),
      person_id: Number(theCase.person_id),
    });
}
