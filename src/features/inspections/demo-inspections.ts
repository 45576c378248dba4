/**
 * The demo district's establishments (Hữu Lũng, as of the demo's day): the market, the district hospital, two
 * factories, shops and schools in the first communes, each with a self-assessment and an inspection in the last
 * weeks, except the town's market whose last inspection (20/11/2021) is past its monthly round: the one overdue.
 * One inspection found violations, fined one and opened a follow-up task to the commune. Through the stores.
 */
import { addDays } from '../../core/dates.ts';
import type { Db } from '../../db/connection.ts';
import { unitTree } from '../admin-units/index.ts';
import { systemScope } from '../auth/index.ts';
import { checklistInForce, criteriaOf, type Sector, type Size } from './rules/checklists.ts';
import { createEstablishment, recordAssessment, recordInspection } from './store.ts';

interface DemoPlace {
  name: string;
  sector: Sector;
  size: Size;
  /** Days before the demo's day of the last inspection (null: none yet, registered recently). */
  inspectedDaysAgo: number | null;
  /** Criteria answered "no". */
  unmet: string[];
}

const PLACES: DemoPlace[][] = [
  [
    { name: 'Chợ Hữu Lũng', sector: 'market', size: 'large', inspectedDaysAgo: 56, unmet: ['layout'] },
    {
      name: 'Bệnh viện Đa khoa huyện Hữu Lũng',
      sector: 'hospital',
      size: 'large',
      inspectedDaysAgo: 12,
      unmet: [],
    },
    {
      name: 'Trường THPT Hữu Lũng',
      sector: 'school',
      size: 'medium',
      inspectedDaysAgo: 20,
      unmet: ['cleaning'],
    },
    {
      name: 'Cửa hàng tạp hóa Minh Phương',
      sector: 'shop',
      size: 'small',
      inspectedDaysAgo: null,
      unmet: ['declaration'],
    },
  ],
  [
    {
      name: 'Công ty TNHH May Hữu Liên',
      sector: 'factory',
      size: 'large',
      inspectedDaysAgo: 9,
      unmet: ['canteen', 'testing'],
    },
    { name: 'Chợ Hữu Liên', sector: 'market', size: 'small', inspectedDaysAgo: 30, unmet: [] },
  ],
  [
    {
      name: 'Nhà máy gạch Yên Bình',
      sector: 'factory',
      size: 'medium',
      inspectedDaysAgo: 25,
      unmet: ['shifts'],
    },
    { name: 'Trường Tiểu học Yên Bình', sector: 'school', size: 'small', inspectedDaysAgo: 40, unmet: [] },
  ],
];

export async function seedDemoInspections(db: Db, area: { districtCode: string; today: string }) {
  const scope = systemScope('demo');
  const tree = await unitTree(db);
  const communes = tree.children(area.districtCode).map((c) => c.code);
  const today = area.today;
  const set = checklistInForce(today);
  for (const [i, places] of PLACES.entries()) {
    const commune = communes[i];
    if (!commune) break;
    for (const p of places) {
      const est = await createEstablishment(
        db,
        scope,
        {
          commune,
          name: p.name,
          sector: p.sector,
          size: p.size,
          address: tree.get(commune)?.name ?? null,
          registeredOn: addDays(today, p.inspectedDaysAgo === null ? -10 : -120),
        },
        today,
      );
      const answers = Object.fromEntries(
        criteriaOf(set, p.sector).map((k) => [k.id, !p.unmet.includes(k.id)]),
      );
      await recordAssessment(db, scope, est.id, { assessedOn: addDays(today, -7), answers }, today);
      if (p.inspectedDaysAgo === null) continue;
      const fined = p.unmet.includes('testing');
      await recordInspection(
        db,
        scope,
        est.id,
        {
          inspectedOn: addDays(today, -p.inspectedDaysAgo),
          inspectors: 'Đoàn kiểm tra liên ngành huyện',
          answers,
          findings: p.unmet.length
            ? 'Còn tồn tại, yêu cầu khắc phục.'
            : 'Thực hiện tốt các biện pháp phòng, chống dịch.',
          violations: fined
            ? [
                {
                  description: 'Không tổ chức xét nghiệm định kỳ cho người lao động',
                  penaltyKind: 'fine',
                  penaltyAmount: 5_000_000,
                  fixWithinDays: 14,
                },
                { description: 'Nhà ăn chưa có vách ngăn', penaltyKind: 'warning', fixWithinDays: 7 },
              ]
            : [],
        },
        today,
      );
    }
  }
}
