/**
 * The demo district's Tết 2022 (Tết Nhâm Dần: 01/02/2022): people working in the industrial provinces and the
 * big cities come home from 10/01 to 10/02, peaking in the last week before Tết; about one in ten declares on
 * the public form, the rest at the commune or a checkpoint. Most are the district's own residents (linked by
 * CCCD), a few are visitors. Two checkpoints on the national road with three days of shifts and a third
 * closed since, each by a signed decision; Tết events in a few communes, requested, approved or refused by
 * signed decisions. Deterministic; arrivals in bulk, one transaction.
 */

import type { Insertable } from 'kysely';
import { addDays, daysBetween } from '../../core/dates.ts';
import { foldDiacritics } from '../../core/text.ts';
import { insertRows } from '../../db/bulk-insert.ts';
import type { Db } from '../../db/connection.ts';
import { hashCode, unitTree } from '../admin-units/index.ts';
import { writeAudited } from '../audit/index.ts';
import { systemScope } from '../auth/index.ts';
import { mulberry32, personCards, personFactsOfCommune } from '../persons/index.ts';
import { communeLevelsOnDay } from '../risk-levels/index.ts';
import { closeCheckpoint, openCheckpoint, recordShift } from './checkpoints-store.ts';
import { decideGathering, requestGathering } from './gatherings-store.ts';
import { arrivalPlan, type OriginLevel, type VaccinationState } from './rules/arrival-rules.ts';
import type { ArrivalTable } from './tables.ts';

/** Where Lạng Sơn's workers come home from, with a share of the arrivals (a plausible mix, generated). */
const ORIGINS: [province: string, share: number][] = [
  ['27', 0.22], // Bắc Ninh: Yên Phong, Quế Võ industrial parks
  ['01', 0.25], // Hà Nội
  ['24', 0.15], // Bắc Giang: Quang Châu, Vân Trung
  ['31', 0.07], // Hải Phòng
  ['19', 0.06], // Thái Nguyên
  ['22', 0.05], // Quảng Ninh
  ['79', 0.08], // TP. Hồ Chí Minh
  ['74', 0.07], // Bình Dương
  ['75', 0.05], // Đồng Nai
];
const ARRIVALS_PER_COMMUNE = 80;
const FIRST = '2022-01-10';
const LAST = '2022-02-10';
const FAMILY = ['Nguyễn', 'Hoàng', 'Lương', 'Vi', 'Hoàng Thị', 'Nông', 'Lăng', 'Triệu', 'Chu', 'Lý'];
const GIVEN = ['Văn Thắng', 'Thị Hoa', 'Văn Hùng', 'Thị Lan', 'Đức Anh', 'Thị Thu', 'Minh Tuấn', 'Thị Hằng'];

const CHAIRS = ['Hoàng Văn Thành', 'Lương Thị Hạnh', 'Vi Văn Dũng', 'Nông Đức Minh', 'Lăng Văn Quý'];

/** Who signs a commune's decision: its chairman or vice-chair (the same people every time), e.g. "Chủ tịch UBND xã Hòa Lạc". */
function signer(commune: { code: string; name_with_type: string }, role: 'Chủ tịch' | 'Phó Chủ tịch') {
  const unit = commune.name_with_type.replace(/^Xã|^Thị trấn/, (w) => w.toLocaleLowerCase('vi'));
  const k = Math.abs(hashCode(commune.code)) + (role === 'Chủ tịch' ? 0 : 1);
  return { signerName: CHAIRS[k % CHAIRS.length]!, signerTitle: `${role} UBND ${unit}` };
}

/** A day between FIRST and LAST, weighted towards the week before Tết (25–31/01). */
function arrivalDay(u: number, v: number) {
  if (u < 0.55) return addDays('2022-01-25', Math.floor(v * 7));
  return addDays(FIRST, Math.floor(v * (daysBetween(FIRST, LAST) + 1)));
}

export async function seedDemoMovement(db: Db, area: { districtCode: string; today: string }) {
  const scope = systemScope('demo');
  const tree = await unitTree(db);
  const rand = mulberry32(hashCode(`movement:${area.districtCode}`));
  // Two districts per origin province, three communes each.
  const origins: { code: string; share: number }[] = [];
  for (const [province, share] of ORIGINS) {
    const districts = tree.children(province);
    for (let d = 0; d < 2 && districts.length; d++) {
      const district = districts[Math.floor(rand() * districts.length)]!;
      const communes = tree.children(district.code);
      for (let c = 0; c < 3 && communes.length; c++)
        origins.push({ code: communes[Math.floor(rand() * communes.length)]!.code, share: share / 6 });
    }
  }
  const pickOrigin = (u: number) => {
    let acc = 0;
    for (const o of origins) {
      acc += o.share;
      if (acc >= u) return o.code;
    }
    return origins.at(-1)!.code;
  };
  const levels = new Map<string, Map<string, { level: number; week: string }>>();
  const levelOf = async (code: string, day: string) => {
    if (!levels.has(day))
      levels.set(
        day,
        await communeLevelsOnDay(
          db,
          origins.map((o) => o.code),
          day,
        ),
      );
    return levels.get(day)!.get(code) ?? null;
  };
  const rows: Insertable<ArrivalTable>[] = [];
  const now = new Date().toISOString();
  for (const commune of tree.children(area.districtCode)) {
    const people = (await personFactsOfCommune(db.db, commune.code)).filter(
      (p) => p.status === 'resident' && p.merged_into === null,
    );
    const chosen = Array.from({ length: Math.min(ARRIVALS_PER_COMMUNE, people.length) }, () =>
      Number(people[Math.floor(rand() * people.length)]!.id),
    );
    const cards = await personCards(db.db, chosen);
    for (let i = 0; i < ARRIVALS_PER_COMMUNE; i++) {
      const card = rand() < 0.9 ? cards.get(chosen[i] ?? -1) : undefined;
      const fullName =
        card?.fullName ??
        `${FAMILY[Math.floor(rand() * FAMILY.length)]} ${GIVEN[Math.floor(rand() * GIVEN.length)]}`;
      const originCode = pickOrigin(rand());
      const origin = tree.get(originCode)!;
      const arrivalDate = arrivalDay(rand(), rand());
      const u = rand();
      const vaccination: VaccinationState =
        u < 0.82 ? 'full' : u < 0.92 ? 'partial' : u < 0.97 ? 'recovered' : 'none';
      const tested = rand() < 0.3;
      const testDate = addDays(arrivalDate, -1 - Math.floor(rand() * 2));
      const level = await levelOf(originCode, arrivalDate < area.today ? arrivalDate : area.today);
      const plan = arrivalPlan({
        arrivalDate,
        originLevel: (level?.level ?? null) as OriginLevel | null,
        vaccination,
        negativeTestOn: tested && testDate <= area.today ? testDate : null,
      })!;
      rows.push({
        province_code: commune.province_code!,
        district_code: commune.district_code!,
        commune_code: commune.code,
        village_id: card?.villageId ?? null,
        address: card ? null : 'Ở nhà người thân',
        person_id: card?.id ?? null,
        full_name: fullName,
        name_folded: foldDiacritics(fullName),
        national_id: card?.nationalId ?? null,
        phone: card?.phone ?? null,
        birth_year: card?.birthYear ?? null,
        origin_code: originCode,
        origin_province_code: origin.province_code!,
        origin_district_code: origin.district_code!,
        origin_level: level?.level ?? null,
        origin_level_week: level?.week ?? null,
        arrival_date: arrivalDate,
        vaccination,
        test_kind: tested && testDate <= area.today ? 'rapidAntigen' : null,
        test_date: tested && testDate <= area.today ? testDate : null,
        test_result: tested && testDate <= area.today ? 'negative' : null,
        channel: rand() < 0.1 ? 'public' : 'staff',
        rule_set_id: plan.ruleSet.id,
        obligations: JSON.stringify(plan.obligations),
        due_by: plan.dueBy,
        provisional: plan.provisional ? 1 : 0,
        created_by: null,
        created_at: now,
      });
    }
  }
  await writeAudited(db, scope, (trx) => insertRows(db, trx, 'arrivals', rows), {
    action: 'create',
    entity: 'arrival',
    unitCode: area.districtCode,
    details: { demo: true, rows: rows.length },
  });

  // Checkpoints on the national road (QL1A crosses the district), each opened by its commune's decision signed
  // by the chairman; a third, on the provincial road, opened before Christmas and closed since by the vice-chair.
  const communes = tree.children(area.districtCode);
  const at = [communes[0]!, communes[Math.floor(communes.length / 2)]!];
  for (const [k, commune] of at.entries()) {
    const cp = await openCheckpoint(
      db,
      scope,
      {
        communeCode: commune.code,
        name: `Chốt kiểm soát dịch số ${k + 1} – Quốc lộ 1A`,
        place: `Quốc lộ 1A, ${commune.name_with_type}`,
        decisionNumber: `${112 + 7 * k}/QĐ-UBND`,
        decisionDate: addDays(area.today, -10),
        ...signer(commune, 'Chủ tịch'),
      },
      area.today,
    );
    for (let d = 3; d >= 1; d--)
      for (const shift of ['morning', 'afternoon', 'night'] as const) {
        const countIn = 120 + Math.floor(rand() * 180) + (shift === 'night' ? -80 : 0);
        await recordShift(db, scope, cp.id, {
          day: addDays(area.today, -d),
          shift,
          staff: ['Công an xã', 'Trạm Y tế', 'Dân quân tự vệ'].map(
            (f, i) => `${f}: ${FAMILY[(i + d) % FAMILY.length]} ${GIVEN[(i + k) % GIVEN.length]}`,
          ),
          countIn,
          countOut: countIn - 20 + Math.floor(rand() * 40),
          turnedBack: Math.floor(rand() * 3),
          sentToTesting: Math.floor(rand() * 6),
          notes: null,
        });
      }
  }

  const third = communes[communes.length - 1]!;
  const provincial = await openCheckpoint(
    db,
    scope,
    {
      communeCode: third.code,
      name: 'Chốt kiểm soát dịch – Tỉnh lộ 242',
      place: `Ngã ba Tỉnh lộ 242, ${third.name_with_type}`,
      decisionNumber: '98/QĐ-UBND',
      decisionDate: addDays(area.today, -27),
      ...signer(third, 'Chủ tịch'),
    },
    area.today,
  );
  await closeCheckpoint(
    db,
    scope,
    provincial.id,
    {
      decisionNumber: '07/QĐ-UBND',
      decisionDate: addDays(area.today, -4),
      ...signer(third, 'Phó Chủ tịch'),
    },
    area.today,
  );

  // Tết events: a spring festival approved, a large outdoor fair refused, two awaiting the committee.
  const events = [
    {
      name: 'Hội xuân truyền thống',
      kind: 'festival',
      venue: 'outdoor',
      participants: 150,
      covered: true,
      date: '2022-02-05',
      decide: 'approve',
    },
    {
      name: 'Chợ hoa Xuân Nhâm Dần',
      kind: 'fair',
      venue: 'outdoor',
      participants: 900,
      covered: false,
      date: '2022-01-28',
      decide: 'refuse',
    },
    {
      name: 'Lễ mừng thọ đầu xuân',
      kind: 'religious',
      venue: 'indoor',
      participants: 60,
      covered: true,
      date: '2022-02-03',
      decide: null,
    },
    {
      name: 'Giải bóng chuyền mừng Xuân',
      kind: 'sport',
      venue: 'outdoor',
      participants: 120,
      covered: true,
      date: '2022-02-06',
      decide: null,
    },
  ] as const;
  for (const [i, e] of events.entries()) {
    const commune = communes[(i * 5) % communes.length]!;
    const g = await requestGathering(
      db,
      scope,
      {
        communeCode: commune.code,
        name: `${e.name} ${commune.name}`,
        kind: e.kind,
        organiser: `UBND ${commune.name_with_type}`,
        place: i === 2 ? 'Nhà văn hóa thôn' : 'Sân vận động xã',
        venue: e.venue,
        date: e.date,
        participants: e.participants,
        allParticipantsCovered: e.covered,
      },
      area.today,
    );
    // An approval by the commune's decision; a refusal by the commune's answer (công văn), both signed.
    if (e.decide)
      await decideGathering(
        db,
        scope,
        g.id,
        {
          decision: e.decide,
          reason:
            e.decide === 'refuse'
              ? 'Quy mô vượt giới hạn ở cấp độ dịch hiện tại; đề nghị chia nhỏ, kiểm tra tiêm chủng người tham gia.'
              : 'Đủ điều kiện; thực hiện 5K, bố trí lối vào kiểm tra thẻ xanh PC-Covid.',
          decisionNumber: e.decide === 'approve' ? '125/QĐ-UBND' : '31/UBND-VP',
          decisionDate: addDays(area.today, e.decide === 'approve' ? -1 : -2),
          ...signer(commune, e.decide === 'approve' ? 'Chủ tịch' : 'Phó Chủ tịch'),
        },
        area.today,
      );
  }
}
