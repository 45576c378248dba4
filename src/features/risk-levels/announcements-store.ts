/**
 * Announced levels: the computed level is a proposal; the unit's committee announces a level (who, decision
 * number and date), with a reason when it differs from the proposal. Rows are only added: the history of both.
 * A new level opens its checklist as tasks for the units that act and withdraws the previous level's open ones,
 * in the announcement's transaction (capacity's `openLevelChecklist`: the unit's response plan, else the measures);
 * an announcement for a week earlier than the unit's latest announced one is recorded and opens nothing.
 */
import { badRequest } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import { writeAudited } from '../audit/index.ts';
import type { Scope } from '../auth/index.ts';
import { openLevelChecklist } from '../capacity/index.ts';
import { announcementHistory, computeAssessments, whyOf } from './assessment-store.ts';
import { weekDays } from './rules/week.ts';
import './tables.ts';

export interface AnnouncementInput {
  unit: string;
  week: string;
  level: number;
  decisionNumber: string;
  decisionDate: string;
  announcedBy: string;
  reason?: string | null;
}

const field = (name: string, vi: string, en: string) =>
  badRequest({ vi: 'Công bố cấp độ chưa đủ thông tin', en: 'The announcement is incomplete' }, [
    { field: name, message: { vi, en } },
  ]);

export async function announceLevel(db: Db, scope: Scope, input: AnnouncementInput) {
  if (!input.decisionNumber?.trim())
    throw field('decisionNumber', 'thiếu số quyết định công bố', 'the decision number is missing');
  if (!input.announcedBy?.trim())
    throw field('announcedBy', 'thiếu người công bố', 'who announced is missing');
  const days = weekDays(input.week);
  if (days && input.decisionDate < days.monday)
    throw field(
      'decisionDate',
      'ngày quyết định trước tuần được đánh giá',
      'the decision is dated before the week',
    );
  const [proposal] = await computeAssessments(db, scope, input.unit, input.week);
  const a = proposal!;
  if (input.level !== a.evaluation.level && !input.reason?.trim())
    throw field(
      'reason',
      `cấp công bố khác cấp đề xuất (${a.evaluation.level}): cần nêu lý do`,
      `the announced level differs from the proposal (${a.evaluation.level}): give the reason`,
    );
  let checklist = { opened: 0, withdrawn: 0 };
  const row = await writeAudited(
    db,
    scope,
    async (trx) => {
      const inserted = await trx
        .insertInto('risk_announcements')
        .values({
          province_code: a.unit.province_code ?? a.unit.code,
          unit_code: a.unit.code,
          week: input.week,
          level: input.level,
          proposed_level: a.evaluation.level,
          rule_set_id: a.set.id,
          rule_set_version: a.set.version,
          proposal: JSON.stringify(whyOf(a, input.week)),
          decision_number: input.decisionNumber.trim(),
          decision_date: input.decisionDate,
          announced_by: input.announcedBy.trim(),
          reason: input.reason?.trim() || null,
          created_by: scope.userId,
          created_at: new Date().toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      // Only the latest announced week drives the checklist: a late announcement for an earlier week is
      // history and leaves the current week's checklist as it is.
      const later = await trx
        .selectFrom('risk_announcements')
        .select('id')
        .where('unit_code', '=', a.unit.code)
        .where('week', '>', input.week)
        .executeTakeFirst();
      if (later) return inserted;
      checklist = await openLevelChecklist(trx, db, scope, {
        unitCode: a.unit.code,
        level: input.level,
        announcementId: Number(inserted.id),
        decisionDate: input.decisionDate,
        decisionNumber: input.decisionNumber.trim(),
      });
      return inserted;
    },
    (r) => ({
      action: 'create',
      entity: 'risk_announcement',
      entityId: Number(r.id),
      unitCode: a.unit.code,
      details: { week: input.week, level: input.level, proposed: a.evaluation.level },
    }),
  );
  const saved = (await announcementHistory(db, a.unit.code, input.week)).find(
    (h) => h.id === Number(row.id),
  )!;
  return { ...saved, checklist };
}
