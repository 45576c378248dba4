/**
 * Vaccination deferred after a recovery (rules.md §6, rules/recovery-deferral.ts): written in the caller's
 * transaction (the case's recovery), as a deferral row that names its rule set and as the person's last
 * contact outcome 'deferred' with its end, which is how the worklist shows a person as deferred and "no one
 * missed" counts the reason. Cases call it through this feature's index: vaccination never imports cases.
 */
import type { Kysely } from 'kysely';
import { formatDay } from '../../core/dates.ts';
import type { Db } from '../../db/connection.ts';
import type { Database } from '../../db/schema.ts';
import { appendAudit } from '../audit/index.ts';
import type { Scope } from '../auth/index.ts';
import './deferral-tables.ts';
import { insertOutcomes } from './outcomes-store.ts';
import { recoveryDeferral } from './rules/recovery-deferral.ts';
import { refreshStatuses } from './status-store.ts';

export interface Recovery {
  personId: number;
  provinceCode: string;
  communeCode: string;
  /** The case: a recovery defers once. */
  caseId: number;
  /** The infection's day (the positive sample): doses before it decide the terms. */
  infectedOn: string;
  recoveredOn: string;
}

/** Defers each recovered person's vaccination by the rule in force on the recovery day; answers the deferrals. */
export async function deferVaccination(
  trx: Kysely<Database>,
  db: Db,
  scope: Scope,
  recoveries: readonly Recovery[],
  today: string,
) {
  if (!recoveries.length) return [];
  const ids = [...new Set(recoveries.map((r) => r.personId))];
  const doses = await trx
    .selectFrom('doses')
    .select(['person_id', 'date'])
    .where('person_id', 'in', ids)
    .execute();
  await refreshStatuses(db, trx, ids, today);
  const out = [];
  for (const r of recoveries) {
    const dosesBefore = doses.filter(
      (d) => Number(d.person_id) === r.personId && d.date < r.infectedOn,
    ).length;
    const deferral = recoveryDeferral({ recoveredOn: r.recoveredOn, dosesBefore });
    if (!deferral) continue;
    const row = {
      province_code: r.provinceCode,
      commune_code: r.communeCode,
      person_id: r.personId,
      source_kind: 'recovery',
      source_ref: String(r.caseId),
      from_day: r.recoveredOn,
      until: deferral.until,
      rule_set_id: deferral.ruleSet.id,
      provisional: deferral.provisional ? 1 : 0,
      created_by: scope.userId,
      created_at: new Date().toISOString(),
    };
    await trx
      .insertInto('vaccination_deferrals')
      .values(row)
      .onConflict((oc) =>
        oc
          .columns(['province_code', 'source_kind', 'source_ref'])
          .doUpdateSet({ from_day: row.from_day, until: row.until, rule_set_id: row.rule_set_id }),
      )
      .execute();
    const reason =
      `Khỏi COVID-19 ngày ${formatDay(r.recoveredOn)}: tạm hoãn tiêm ${deferral.months} tháng` +
      (deferral.provisional ? ' (quy định tạm tính)' : '');
    await insertOutcomes(
      trx,
      { id: r.personId, province_code: r.provinceCode, commune_code: r.communeCode },
      { outcome: 'deferred', reason, until: deferral.until, date: r.recoveredOn, sessionId: null },
      scope.userId,
    );
    out.push({ personId: r.personId, caseId: r.caseId, ...deferral });
  }
  if (out.length)
    await appendAudit(
      trx,
      db,
      scope,
      out.map((d) => ({
        action: 'create' as const,
        entity: 'vaccination_deferral',
        entityId: `recovery:${d.caseId}`,
        unitCode: recoveries.find((r) => r.caseId === d.caseId)!.communeCode,
        details: { personId: d.personId, until: d.until, ruleSet: d.ruleSet.id, provisional: d.provisional },
      })),
    );
  return out;
}
