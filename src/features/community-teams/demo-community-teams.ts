/**
 * The demo's community forces: in the district's town (its first commune), one community COVID team per village
 * (leader, three members, phones, the usual duties) and one inter-household group in the first village; in every
 * other commune one team caring for F0 at home (criterion 3 of the risk levels); and the
 * town's request to the district for police support at the market, needed yesterday, still unanswered (overdue).
 */
import { addDays } from '../../core/dates.ts';
import type { Db } from '../../db/connection.ts';
import { hashCode, unitTree } from '../admin-units/index.ts';
import { systemScope } from '../auth/index.ts';
import { mulberry32 } from '../persons/index.ts';
import { createRequest, createTeam } from './store.ts';

const FAMILY = ['Nguyễn', 'Hoàng', 'Lương', 'Nông', 'Vi', 'Lăng', 'Hà', 'Lộc'];
const GIVEN = ['Văn Thắng', 'Thị Hoa', 'Văn Hùng', 'Thị Lan', 'Đức Minh', 'Thị Hằng', 'Văn Tú', 'Thị Thu'];

export async function seedDemoCommunityTeams(db: Db, area: { districtCode: string; today: string }) {
  const scope = systemScope('demo');
  const tree = await unitTree(db);
  const commune = tree.children(area.districtCode)[0]?.code;
  if (!commune) return;
  const rand = mulberry32(hashCode(`teams:${commune}`));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const name = () => `${pick(FAMILY)} ${pick(GIVEN)}`;
  const phone = () => `09${String(Math.floor(rand() * 1e8)).padStart(8, '0')}`;
  const villages = await db.db
    .selectFrom('villages')
    .select(['id', 'name'])
    .where('commune_code', '=', commune)
    .orderBy('name')
    .execute();
  for (const v of villages) {
    const leader = name();
    const leaderPhone = phone();
    await createTeam(db, scope, {
      commune,
      kind: 'communityTeam',
      name: `Tổ Covid cộng đồng ${v.name}`,
      leaderName: leader,
      phone: leaderPhone,
      duties: ['homeCareFollowUp', 'quarantineWatch', 'arrivalsWatch', 'communication'],
      villageIds: [Number(v.id)],
      members: [
        { name: leader, phone: leaderPhone, role: 'Tổ trưởng' },
        { name: name(), phone: phone(), role: 'Y tế thôn' },
        { name: name(), phone: phone(), role: 'Công an viên' },
        { name: name(), phone: phone(), role: 'Đoàn thanh niên' },
      ],
    });
  }
  if (villages[0])
    await createTeam(db, scope, {
      commune,
      kind: 'householdGroup',
      name: `Tổ liên gia số 1 ${villages[0].name}`,
      leaderName: name(),
      phone: phone(),
      duties: ['quarantineWatch', 'communication'],
      villageIds: [Number(villages[0].id)],
      members: [{ name: name(), phone: phone(), role: 'Tổ trưởng' }],
    });
  // Every other commune: one community team caring for its F0 at home (criterion 3's home-care team), in its
  // first village.
  for (const other of tree.children(area.districtCode).filter((c) => c.level === 3 && c.code !== commune)) {
    const village = await db.db
      .selectFrom('villages')
      .select(['id', 'name'])
      .where('commune_code', '=', other.code)
      .orderBy('name')
      .executeTakeFirst();
    if (!village) continue;
    const leader = name();
    await createTeam(db, scope, {
      commune: other.code,
      kind: 'communityTeam',
      name: `Tổ Covid cộng đồng ${village.name}`,
      leaderName: leader,
      phone: phone(),
      duties: ['homeCareFollowUp', 'quarantineWatch'],
      villageIds: [Number(village.id)],
      members: [{ name: leader, role: 'Tổ trưởng' }],
    });
  }
  // Made two days ago for yesterday: the district has not answered, so it shows overdue.
  await createRequest(
    db,
    scope,
    {
      commune,
      kind: 'police',
      details: 'Hỗ trợ 4 cán bộ công an duy trì trật tự, kiểm tra khẩu trang tại chợ phiên cuối tuần.',
      neededBy: addDays(area.today, -1),
    },
    addDays(area.today, -2),
  );
}
