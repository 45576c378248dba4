/**
 * Rule sets: the national ones ship as data (rules/rule-sets.ts); a province's own variants are stored here,
 * every version kept (a computed or announced level names the version it used, so an edit never rewrites the
 * past). Only administrators write them, within their jurisdiction, audited.
 */
import { badRequest, conflict, forbidden, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import { unitInScope, unitTree } from '../admin-units/index.ts';
import { writeAudited } from '../audit/index.ts';
import type { Scope } from '../auth/index.ts';
import {
  NATIONAL_RULE_SETS,
  overlapProblems,
  type RevisionInput,
  type RiskRuleSet,
  reviseRuleSet,
  ruleSetProblems,
} from './rules/rule-sets.ts';
import './tables.ts';

/**
 * Every set with all its versions, oldest first: the national ones as shipped (version 1) and their revisions
 * (stored under the national chain, province ''), then the provinces' variants; `latest` the newest of each.
 */
export async function ruleSetCatalog(db: Db) {
  const rows = await db.db.selectFrom('risk_rule_sets').selectAll().orderBy('version').execute();
  const versions = new Map<string, RiskRuleSet[]>(NATIONAL_RULE_SETS.map((s) => [s.id, [s]]));
  for (const r of rows)
    versions.set(r.id, [...(versions.get(r.id) ?? []), JSON.parse(r.definition) as RiskRuleSet]);
  const latest = [...versions.values()].map((v) => v[v.length - 1]!);
  return { latest, versions };
}

/** The national sets and the latest version of each provincial variant. */
export async function allRuleSets(db: Db): Promise<RiskRuleSet[]> {
  return (await ruleSetCatalog(db)).latest;
}

/** The national sets and the variants of the caller's province (every province's for the country). */
export async function visibleRuleSets(db: Db, scope: Scope) {
  const own = scope.unitCode === 'VN' ? null : (await unitTree(db)).get(scope.unitCode);
  const province = own ? (own.province_code ?? own.code) : null;
  return (await allRuleSets(db)).filter(
    (s) => s.provinceCode === null || scope.unitCode === 'VN' || s.provinceCode === province,
  );
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
  const problems = [...ruleSetProblems(set), ...overlapProblems(set, await allRuleSets(db))];
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

/**
 * A new version of a set with the provisional values a document sets (`reviseRuleSet`): a national set by an
 * administrator of the country, a province's variant by one of that province. Past announcements keep the
 * version they were made under, and weeks before `valuesFrom` keep the previous values.
 */
export async function reviseStoredRuleSet(db: Db, scope: Scope, id: string, input: RevisionInput) {
  const { versions } = await ruleSetCatalog(db);
  const list = versions.get(id);
  const current = list?.[list.length - 1];
  if (!current) throw notFound({ vi: 'Không có bộ tiêu chí này', en: 'No such rule set' });
  if (current.provinceCode === null) {
    if (scope.unitCode !== 'VN') throw forbidden();
  } else {
    // A district's or commune's administrator sees its province's variants but does not revise them; another
    // province's variant is not there for it.
    const own = scope.unitCode === 'VN' ? null : (await unitTree(db)).get(scope.unitCode);
    if (own && own.level > 1) {
      if ((own.province_code ?? own.code) !== current.provinceCode)
        throw notFound({ vi: 'Không có bộ tiêu chí này', en: 'No such rule set' });
      throw badRequest({ vi: 'Bộ tiêu chí do cấp tỉnh ban hành', en: 'Rule sets are set by the province' }, [
        { field: 'id', message: { vi: 'cần tài khoản cấp tỉnh', en: 'needs an account of the province' } },
      ]);
    }
    await unitInScope(db, scope, current.provinceCode);
  }
  const { set, problems } = reviseRuleSet(current, input);
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
          province_code: set.provinceCode ?? '',
          definition: JSON.stringify(set),
          created_by: scope.userId,
          created_at: new Date().toISOString(),
        })
        .execute(),
    {
      action: 'update',
      entity: 'risk_rule_set',
      entityId: `${set.id}@${set.version}`,
      unitCode: set.provinceCode ?? 'VN',
      details: { document: input.document.number, valuesFrom: input.valuesFrom },
    },
  );
  return set;
}
