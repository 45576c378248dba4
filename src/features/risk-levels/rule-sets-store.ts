/**
 * Rule sets: the national ones ship as data (rules/rule-sets.ts); a province's own variants are stored here,
 * every version kept (a computed or announced level names the version it used, so an edit never rewrites the
 * past). Only administrators write them, within their jurisdiction, audited.
 */
import { badRequest, conflict } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import { unitInScope, unitTree } from '../admin-units/index.ts';
import { writeAudited } from '../audit/index.ts';
import type { Scope } from '../auth/index.ts';
import { NATIONAL_RULE_SETS, type RiskRuleSet, ruleSetProblems } from './rules/rule-sets.ts';
import './tables.ts';

/** The national sets and the latest version of each provincial variant. */
export async function allRuleSets(db: Db): Promise<RiskRuleSet[]> {
  const rows = await db.db.selectFrom('risk_rule_sets').selectAll().orderBy('version').execute();
  const latest = new Map<string, RiskRuleSet>();
  for (const r of rows) latest.set(r.id, JSON.parse(r.definition) as RiskRuleSet);
  return [...NATIONAL_RULE_SETS, ...latest.values()];
}

/** The national sets and the variants of the caller's province (every province's for the country). */
export async function visibleRuleSets(db: Db, scope: Scope) {
  const own = scope.unitCode === 'VN' ? null : (await unitTree(db)).get(scope.unitCode);
  const province = own ? (own.province_code ?? own.code) : null;
  return (await allRuleSets(db)).filter(
    (s) => s.provinceCode === null || scope.unitCode === 'VN' || s.provinceCode === province,
  );
}

export async function ruleSetById(db: Db, id: string) {
  return (await allRuleSets(db)).find((s) => s.id === id) ?? null;
}

/** A province's variant (new or a new version of it): refused with the field named when it does not hold. */
export async function saveRuleSet(db: Db, scope: Scope, input: Omit<RiskRuleSet, 'version'>) {
  if (!input.provinceCode)
    throw badRequest(
      { vi: 'Bộ tiêu chí của tỉnh phải có mã tỉnh', en: "A province's rule set needs its province" },
      [{ field: 'provinceCode', message: { vi: 'bắt buộc', en: 'required' } }],
    );
  const own = scope.unitCode === 'VN' ? null : (await unitTree(db)).get(scope.unitCode);
  if (own && own.level !== 1)
    throw badRequest({ vi: 'Bộ tiêu chí do cấp tỉnh ban hành', en: 'Rule sets are set by the province' }, [
      {
        field: 'provinceCode',
        message: { vi: 'cần tài khoản cấp tỉnh', en: 'needs an account of the province' },
      },
    ]);
  const province = await unitInScope(db, scope, input.provinceCode);
  if (province.level !== 1)
    throw badRequest({ vi: 'Mã tỉnh không hợp lệ', en: 'Not a province' }, [
      { field: 'provinceCode', message: { vi: 'không phải mã tỉnh', en: 'not a province code' } },
    ]);
  if (NATIONAL_RULE_SETS.some((s) => s.id === input.id))
    throw conflict({ vi: 'Không sửa bộ tiêu chí quốc gia', en: 'National rule sets are not edited' }, [
      {
        field: 'id',
        message: { vi: 'hãy đặt mã mới cho bộ của tỉnh', en: "give the province's set its own id" },
      },
    ]);
  const previous = await db.db
    .selectFrom('risk_rule_sets')
    .select(['version', 'province_code'])
    .where('id', '=', input.id)
    .orderBy('version', 'desc')
    .executeTakeFirst();
  if (previous && previous.province_code !== input.provinceCode)
    throw conflict({ vi: 'Mã đã dùng cho tỉnh khác', en: 'The id belongs to another province' }, [
      { field: 'id', message: { vi: 'đã dùng', en: 'taken' } },
    ]);
  const set: RiskRuleSet = { ...input, version: (previous?.version ?? 0) + 1 };
  const problems = ruleSetProblems(set);
  if (problems.length)
    throw badRequest({ vi: 'Bộ tiêu chí không hợp lệ', en: 'The rule set does not hold' }, problems);
  await writeAudited(
    db,
    scope,
    (trx) =>
      trx
        .insertInto('risk_rule_sets')
        .values({
          id: set.id,
          version: set.version,
          province_code: province.code,
          definition: JSON.stringify(set),
          created_by: scope.userId,
          created_at: new Date().toISOString(),
        })
        .execute(),
    {
      action: previous ? 'update' : 'create',
      entity: 'risk_rule_set',
      entityId: `${set.id}@${set.version}`,
      unitCode: province.code,
    },
  );
  return set;
}
