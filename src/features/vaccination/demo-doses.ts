/**
 * The demo district's vaccinations, generated to look like late 2021 in a northern rural district: about
 * 90 % of adults with two doses (older people earlier), about 70 % of 12–17-year-olds, boosters starting for
 * some adults in December, a few recorded refusals and deferrals, a session per commune, and seed 004's
 * provincial target. Ages are those of the demo's day (its residents are generated as of it). Deterministic per
 * commune; written in bulk with statuses and counters, one transaction per commune.
 */

import { addDays, addMonths, daysBetween } from '../../core/dates.ts';
import { insertRows } from '../../db/bulk-insert.ts';
import type { Db } from '../../db/connection.ts';
import type { VaccinationStatusTable } from '../../db/schema.ts';
import { hashCode } from '../admin-units/index.ts';
import { acknowledgePersonEvents, mulberry32, personFactsOfCommune } from '../persons/index.ts';
import { bandOn } from './rules/age-groups.ts';
import type { ContactOutcome } from './rules/contact-outcomes.ts';
import type { DoseFact } from './rules/dose-series.ts';
import { VACCINES, type VaccineId } from './rules/vaccines.ts';
import { CounterDeltas, statusRow, writeTransaction } from './status-store.ts';

/** The last day with demo doses: the picture is that of the end of 2021. */
const DEMO_LAST_DAY = '2021-12-31';
const BOOSTERS_FROM = '2021-12-01';

/** Adult products in the proportions of the demo (orders of magnitude, not statistics). */
const ADULT_PRODUCTS: readonly [VaccineId, number][] = [
  ['astrazeneca', 0.4],
  ['sinopharm', 0.3],
  ['pfizer', 0.18],
  ['moderna', 0.1],
  ['sputnikV', 0.02],
];
const BOOSTER_PRODUCTS: readonly VaccineId[] = ['pfizer', 'pfizer', 'moderna', 'astrazeneca'];
/** First doses by today's age band: [first day, days over which they spread, share with two doses, with one]. */
const CAMPAIGN: Record<string, [string, number, number, number]> = {
  '65+': ['2021-06-20', 60, 0.9, 0.05],
  '50-64': ['2021-07-10', 70, 0.91, 0.04],
  '18-49': ['2021-08-01', 100, 0.9, 0.05],
  '12-17': ['2021-10-25', 40, 0.7, 0.1],
};
const LOT_PREFIX: Record<VaccineId, string> = {
  astrazeneca: 'ABV',
  pfizer: 'FK',
  pfizerPaediatric: 'FN',
  moderna: 'MD',
  sinopharm: 'VC',
  sputnikV: 'SP',
  abdala: 'AB',
  hayatVax: 'HV',
  covaxin: 'CX',
};

function pick(rand: () => number): VaccineId {
  let u = rand();
  for (const [id, share] of ADULT_PRODUCTS) {
    if (u < share) return id;
    u -= share;
  }
  return 'astrazeneca';
}

/** The doses one person of this age band (today) gets in the demo, dated up to DEMO_LAST_DAY. */
export function planDemoDoses(band: string, rand: () => number): DoseFact[] {
  const campaign = CAMPAIGN[band];
  if (!campaign) return [];
  const [start, spread, complete, partial] = campaign;
  const u = rand();
  if (u >= complete + partial) return [];
  const vaccine = band === '12-17' ? 'pfizer' : pick(rand);
  const first = addDays(start, Math.floor(rand() * spread));
  const doses: DoseFact[] = [{ vaccine, kind: 'primary', number: 1, date: first }];
  const [from, to] = VACCINES[vaccine].primary.intervals[0]!.recommendedDays;
  const second = addDays(first, from + Math.floor(rand() * (to - from + 14)));
  if (u >= complete || second > DEMO_LAST_DAY) return doses;
  doses.push({ vaccine, kind: 'primary', number: 2, date: second });
  // Boosters (3 months after the series, under the December 2021 rule) started with the oldest adults.
  const eligible = band !== '12-17' && addMonths(second, 3) <= DEMO_LAST_DAY;
  const share = band === '65+' ? 0.45 : band === '50-64' ? 0.35 : 0.2;
  if (eligible && rand() < share) {
    const earliest = [BOOSTERS_FROM, addMonths(second, 3)].sort()[1]!;
    const date = addDays(earliest, Math.floor(rand() * (daysBetween(earliest, DEMO_LAST_DAY) + 1)));
    doses.push({
      vaccine: BOOSTER_PRODUCTS[Math.floor(rand() * BOOSTER_PRODUCTS.length)]!,
      kind: 'booster',
      number: 1,
      date,
    });
  }
  return doses;
}

/** What the community teams recorded for some unvaccinated adults. */
function demoOutcome(rand: () => number): { outcome: ContactOutcome; reason: string | null } | null {
  const u = rand();
  if (u < 0.25) return { outcome: 'refused', reason: null };
  if (u < 0.4)
    return { outcome: 'deferred', reason: rand() < 0.5 ? 'Đang mang thai' : 'Đang điều trị bệnh cấp tính' };
  if (u < 0.45) return { outcome: 'contraindicated', reason: 'Tiền sử phản vệ độ 3' };
  if (u < 0.55) return { outcome: 'moved', reason: 'Đi làm ăn xa (Bắc Ninh)' };
  if (u < 0.6) return { outcome: 'wrongData', reason: 'Sai năm sinh' };
  return null;
}

export async function seedDemoVaccination(
  db: Db,
  communeCodes: string[],
  provinceCode: string,
  today: string,
) {
  const now = new Date().toISOString();
  const deltas = new CounterDeltas();
  await writeTransaction(db, async (trx) => {
    for (const code of communeCodes) {
      const commune = await trx
        .selectFrom('admin_units')
        .select(['name_with_type', 'province_code', 'district_code'])
        .where('code', '=', code)
        .executeTakeFirstOrThrow();
      const persons = await personFactsOfCommune(trx, code);
      const rand = mulberry32(hashCode(`vaccination:${code}`));
      const site = `Trạm Y tế ${commune.name_with_type}`;
      const doses = [];
      const statuses: VaccinationStatusTable[] = [];
      const outcomes = [];
      for (const p of persons) {
        const band = bandOn(p.birth_sort, today).band;
        const planned =
          p.status === 'resident' || p.status === 'temporarilyAway' ? planDemoDoses(band, rand) : [];
        for (const d of planned)
          doses.push({
            person_id: p.id,
            province_code: p.province_code,
            district_code: p.district_code,
            commune_code: p.commune_code,
            vaccine: d.vaccine,
            kind: d.kind,
            dose_number: d.number,
            date: d.date,
            site,
            lot: `${LOT_PREFIX[d.vaccine]}${d.date.slice(5, 7)}${21 + Math.floor(rand() * 9)}`,
            session_id: null,
            import_id: null,
            warnings: '[]',
            generated: 1,
            created_by: null,
            created_at: now,
            updated_at: now,
          });
        const row = statusRow(p, planned, today, undefined, now);
        const outcome =
          planned.length === 0 && band !== '0-4' && band !== '5-11' && row.counted ? demoOutcome(rand) : null;
        if (outcome) {
          const date = addDays(DEMO_LAST_DAY, -Math.floor(rand() * 20));
          Object.assign(row, {
            outcome: outcome.outcome,
            outcome_reason: outcome.reason,
            outcome_until: null,
            outcome_date: date,
          });
          outcomes.push({
            person_id: p.id,
            province_code: p.province_code,
            commune_code: p.commune_code,
            outcome: outcome.outcome,
            reason: outcome.reason,
            until: null,
            date,
            session_id: null,
            user_id: null,
            created_at: now,
          });
        }
        statuses.push(row);
        deltas.add(row, 1);
      }
      await insertRows(db, trx, 'doses', doses);
      await insertRows(db, trx, 'vaccination_status', statuses);
      await insertRows(db, trx, 'contact_outcomes', outcomes);
      await trx
        .insertInto('vaccination_sessions')
        .values({
          province_code: commune.province_code!,
          district_code: commune.district_code!,
          unit_code: code,
          place: site,
          date: '2022-01-08',
          vaccine: 'pfizer',
          doses_available: 200,
          note: 'Buổi tiêm mũi nhắc lại và tiêm vét (dữ liệu mẫu)',
          created_by: null,
          created_at: now,
        })
        .execute();
    }
    await deltas.apply(db, trx);
    // Their statuses are written: the registry's events for these persons (their registration) are handled.
    await acknowledgePersonEvents(trx, { communeCodes });
    await trx
      .insertInto('vaccination_targets')
      .values({
        province_code: provinceCode,
        unit_code: provinceCode,
        title:
          'Hoàn thành tiêm đủ liều cơ bản cho 100% người từ 12 tuổi trở lên và liều nhắc lại cho người từ 18 tuổi trở lên trong tháng 01/2022',
        basis:
          'Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh Lạng Sơn, công văn tháng 01/2022 "V/v tăng cường chỉ đạo công tác phòng, chống dịch COVID-19"',
        deadline: '2022-01-31',
        primary_min_age: 12,
        primary_percent: 100,
        booster_min_age: 18,
        // The letter gives no share for boosters ("liều nhắc lại cho người từ 18 tuổi trở lên"): 100 % is read
        // into it, hence provisional.
        booster_percent: 100,
        provisional: 1,
        created_by: null,
        created_at: now,
      })
      .execute();
  });
}
