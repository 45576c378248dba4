/**
 * The demo district's last week of daily reports: every commune signed off and submitted each day before
 * 17:00, except one commune that reported late (after 19:00) and has not sent yesterday's; one commune
 * corrected its tests (a station's batch counted twice); the district rolled up and submitted each day
 * but yesterday. Numbers compiled from the demo's records through the same queries as the pages.
 */
import { addDays } from '../../core/dates.ts';
import type { Db } from '../../db/connection.ts';
import { unitTree } from '../admin-units/index.ts';
import { appendAudit } from '../audit/index.ts';
import { systemScope } from '../auth/index.ts';
import { formFor, rollUpValues } from './rules/forms.ts';
import { compile } from './store.ts';

export async function seedDemoReports(db: Db, area: { districtCode: string; today: string }) {
  const scope = systemScope('demo');
  const tree = await unitTree(db);
  const district = tree.get(area.districtCode)!;
  const communes = tree.children(district.code);
  const late = communes[3]!;
  const corrected = communes[0]!;
  const users = new Map(
    (await db.db.selectFrom('users').select(['id', 'username', 'display_name']).execute()).map((u) => [
      u.username,
      u,
    ]),
  );
  const form = formFor('daily', area.today);
  const rows: Record<string, unknown>[] = [];
  const corrections: { unit: string; day: string; computed: number | null; value: number }[] = [];
  for (let back = 7; back >= 1; back--) {
    const day = addDays(area.today, -back);
    const submittedValues: Record<string, number | null>[] = [];
    for (const [i, c] of communes.entries()) {
      if (c.code === late.code && back === 1) continue;
      const values = await compile(db, scope, form, c, day, area.today);
      const username = `demo.xa.${c.code}`;
      const time = c.code === late.code ? `19:1${back % 10}` : `16:${String(10 + i).padStart(2, '0')}`;
      let final = values;
      if (c.code === corrected.code && back === 2) {
        const value = Math.max(0, (values.testsDone ?? 0) - 12);
        corrections.push({ unit: c.code, day, computed: values.testsDone ?? null, value });
        final = { ...values, testsDone: value };
      }
      submittedValues.push(final);
      rows.push(
        reportRow(c, day, values, {
          userId: users.get(username)?.id ?? null,
          name: users.get(username)?.display_name ?? username,
          username,
          local: `${day}T${time}`,
          late: c.code === late.code,
          texts: {
            situation: `Tình hình dịch trên địa bàn ${c.name_with_type.toLowerCase()} cơ bản được kiểm soát.`,
          },
        }),
      );
    }
    if (back === 1) continue;
    const values = await compile(db, scope, form, district, day, area.today);
    const units = communes.map((c, i) => ({
      code: c.code,
      name: c.name_with_type,
      state: 'submitted',
      submitted: true,
      late: c.code === late.code,
      submittedLocal: null,
      values: submittedValues[i] ?? null,
    }));
    rows.push({
      ...reportRow(district, day, values, {
        userId: users.get('demo.huyen')?.id ?? null,
        name: users.get('demo.huyen')?.display_name ?? 'demo.huyen',
        username: 'demo.huyen',
        local: `${day}T17:45`,
        late: true,
        texts: { situation: 'Các xã đã gửi báo cáo đầy đủ.' },
      }),
      roll_up: JSON.stringify({
        numbers: rollUpValues(form, submittedValues),
        units,
        submitted: communes.map((c) => c.code),
      }),
      // The district's own deadline is its communes' 17:00 too: a product choice until a letter sets it.
      late: 1,
    });
  }
  await db.db.transaction().execute(async (trx) => {
    const ids = new Map<string, number>();
    for (const row of rows) {
      const r = await trx
        .insertInto('reports')
        .values(row as never)
        .returning(['id', 'unit_code', 'period'])
        .executeTakeFirstOrThrow();
      ids.set(`${r.unit_code}|${r.period}`, Number(r.id));
    }
    for (const c of corrections)
      await trx
        .insertInto('report_corrections')
        .values({
          report_id: ids.get(`${c.unit}|${c.day}`)!,
          province_code: district.province_code!,
          field: 'testsDone',
          computed: c.computed,
          value: c.value,
          reason: 'Trạm y tế nhập trùng 12 mẫu test nhanh của đợt xét nghiệm ngày hôm trước.',
          username: `demo.xa.${c.unit}`,
          at: new Date(`${c.day}T15:30:00+07:00`).toISOString(),
        })
        .execute();
    await appendAudit(trx, db, scope, [
      { action: 'create', entity: 'report', unitCode: district.code, details: { demo: rows.length } },
    ]);
  });
}

function reportRow(
  unit: { code: string; level: number; province_code: string | null; district_code: string | null },
  day: string,
  values: Record<string, number | null>,
  o: {
    userId: number | null;
    /** The signer's display name, as a sign-off stores it. */
    name: string;
    username: string;
    local: string;
    late: boolean;
    texts: Record<string, string>;
  },
) {
  // Signed off and sent at the demo's local time (Vietnam, UTC+7), not when the demo was seeded.
  const sent = new Date(`${o.local}:00+07:00`).toISOString();
  return {
    province_code: unit.province_code!,
    district_code: unit.level === 3 ? unit.district_code : unit.code,
    unit_code: unit.code,
    unit_level: unit.level,
    form: 'daily',
    form_version: 1,
    period: day,
    version: 1,
    state: 'submitted',
    computed: JSON.stringify(values),
    texts: JSON.stringify(o.texts),
    roll_up: null,
    number: null,
    created_by: o.username,
    created_at: sent,
    updated_at: sent,
    signed_by: o.userId,
    signed_by_name: o.name,
    signed_at: sent,
    submitted_by_name: o.name,
    submitted_at: sent,
    submitted_local: o.local,
    late: o.late ? 1 : 0,
  };
}
