/**
 * The demo district's capacity through its wave (December 2021 – the demo's day): the district health centre's
 * COVID ward and a treatment facility (beds added as cases rose; occupancy left to the cases' places of care),
 * four mobile medical stations each serving a cluster of communes, every commune station's oxygen (one short of
 * cylinders, so criterion 3 shows "not met" there), and the district's response plan with a scenario per level.
 * Through the stores (audited), deterministic, a few hundred rows.
 */
import { addDays } from '../../core/dates.ts';
import type { Db } from '../../db/connection.ts';
import { hashCode, unitTree } from '../admin-units/index.ts';
import { systemScope } from '../auth/index.ts';
import {
  createFacility,
  createMobileStation,
  enterFacilityDay,
  enterStationDay,
  enterStationOxygen,
} from './capacity-store.ts';
import { saveScenario } from './plans-store.ts';
import type { PlanAction } from './rules/checklist.ts';

const WAVE_START = '2021-12-01';

export async function seedDemoCapacity(db: Db, area: { districtCode: string; today: string }) {
  const scope = systemScope('demo');
  const today = area.today;
  const tree = await unitTree(db);
  const district = tree.get(area.districtCode);
  if (!district) return;
  const communes = tree.children(area.districtCode).filter((c) => c.level === 3);
  const days = [WAVE_START, '2021-12-15', '2022-01-01', '2022-01-10'].filter((d) => d <= today);

  const ward = await createFacility(db, scope, {
    unitCode: district.code,
    name: `Khu điều trị COVID-19, Trung tâm Y tế ${district.name_with_type.replace(/^Huyện /, 'huyện ')}`,
    kind: 'hospital',
  });
  const facility = await createFacility(db, scope, {
    unitCode: district.code,
    name: 'Cơ sở thu dung, điều trị COVID-19 số 1',
    kind: 'treatmentFacility',
  });
  for (const [i, day] of days.entries()) {
    await enterFacilityDay(
      db,
      scope,
      ward.id,
      { day, beds: 30 + 10 * i, icuBeds: 2 + (i >= 2 ? 2 : 0), oxygenCylinders: 20 + 10 * i },
      today,
    );
    await enterFacilityDay(
      db,
      scope,
      facility.id,
      { day, beds: 60 + 30 * i, icuBeds: 0, oxygenCylinders: 15 + 5 * i },
      today,
    );
  }

  // Four mobile stations, each serving a run of neighbouring communes (in the GSO order).
  const groups = 4;
  const size = Math.ceil(communes.length / groups);
  for (let g = 0; g < groups; g++) {
    const served = communes.slice(g * size, (g + 1) * size);
    if (served.length === 0) continue;
    const home = served[0]!;
    const station = await createMobileStation(
      db,
      scope,
      {
        communeCode: home.code,
        name: `Trạm y tế lưu động số ${g + 1} (${home.name_with_type})`,
        openedOn: addDays(WAVE_START, 7 * g),
        areaCommunes: served.map((c) => c.code),
      },
      today,
    );
    for (const day of days.filter((d) => d >= addDays(WAVE_START, 7 * g)))
      await enterStationDay(
        db,
        scope,
        station.id,
        { day, doctors: 1 + (g % 2), staff: 6 + (g % 2), oxygenCylinders: day >= '2022-01-01' ? 3 : 2 },
        today,
      );
  }

  // Every commune station's oxygen; one commune's cylinders ran out in January.
  for (const c of communes) {
    const n = 2 + (hashCode(`oxygen:${c.code}`) % 3);
    await enterStationOxygen(
      db,
      scope,
      c.code,
      { day: WAVE_START, oxygenCylinders: n, concentrators: n > 3 ? 1 : 0 },
      today,
    );
    const empty = c.code === communes[communes.length - 1]!.code;
    await enterStationOxygen(
      db,
      scope,
      c.code,
      { day: '2022-01-10', oxygenCylinders: empty ? 0 : n + 1, concentrators: n > 3 ? 1 : 0 },
      today,
    );
  }

  // The district's response plan: a scenario per level (journey 5: the communes' People's Committees act).
  const plan: Record<
    1 | 2 | 3 | 4,
    { beds: number; teams: number; oxygenCylinders: number; actions: PlanAction[] }
  > = {
    1: {
      beds: 90,
      teams: communes.length,
      oxygenCylinders: 60,
      actions: [
        {
          kind: 'act',
          text: 'Duy trì 5K, tiêm chủng mũi nhắc lại, giám sát người về từ vùng dịch',
          assignee: 'communes',
          deadlineDays: 3,
        },
      ],
    },
    2: {
      beds: 120,
      teams: communes.length * 2,
      oxygenCylinders: 80,
      actions: [
        {
          kind: 'close',
          text: 'Dừng hoặc hạn chế karaoke, massage, quán bar, vũ trường',
          assignee: 'announced',
          deadlineDays: 1,
        },
        {
          kind: 'act',
          text: 'Hạn chế sự kiện đông người; tổ chức có điều kiện theo 5K',
          assignee: 'announced',
          deadlineDays: 1,
        },
        {
          kind: 'act',
          text: 'Tổ COVID cộng đồng rà soát F0 điều trị tại nhà, F1 cách ly',
          assignee: 'announced',
          deadlineDays: 2,
        },
      ],
    },
    3: {
      beds: 150,
      teams: communes.length * 3,
      oxygenCylinders: 120,
      actions: [
        {
          kind: 'close',
          text: 'Dừng karaoke, massage, quán bar, vũ trường, dịch vụ cắt tóc, làm đẹp',
          assignee: 'announced',
          deadlineDays: 0,
          urgent: true,
        },
        {
          kind: 'act',
          text: 'Bắt buộc đeo khẩu trang nơi công cộng; hạn chế tụ tập đông người',
          assignee: 'announced',
          deadlineDays: 1,
        },
        {
          kind: 'open',
          text: 'Kích hoạt trạm y tế lưu động, bổ sung bình oxy cho trạm y tế xã',
          assignee: 'announced',
          deadlineDays: 1,
          urgent: true,
        },
        {
          kind: 'act',
          text: 'Xét nghiệm nhanh diện rộng khu vực có ca bệnh',
          assignee: 'announced',
          deadlineDays: 2,
        },
        {
          kind: 'act',
          text: 'Báo cáo kết quả thực hiện về Ban Chỉ đạo huyện',
          assignee: 'announced',
          deadlineDays: 7,
        },
      ],
    },
    4: {
      beds: 200,
      teams: communes.length * 4,
      oxygenCylinders: 160,
      actions: [
        {
          kind: 'close',
          text: 'Tạm dừng nhà hàng, chợ truyền thống (trừ bán hàng thiết yếu), khách sạn, điểm du lịch',
          assignee: 'announced',
          deadlineDays: 0,
          urgent: true,
        },
        {
          kind: 'open',
          text: 'Mở khu cách ly, điều trị tạm thời tại xã',
          assignee: 'announced',
          deadlineDays: 1,
          urgent: true,
        },
        {
          kind: 'act',
          text: 'Thiết lập vùng cách ly hẹp nhất có thể, xét nghiệm toàn bộ người trong vùng',
          assignee: 'announced',
          deadlineDays: 1,
        },
      ],
    },
  };
  for (const level of [1, 2, 3, 4] as const)
    await saveScenario(db, scope, district.code, level, { ...plan[level], note: null });
}
