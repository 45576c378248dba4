import { notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import { recordInScope, unitInScope, writeAreaRecord } from '../admin-units/index.ts';
import type { Scope } from '../auth/index.ts';
import { defaultOrganizations, type OrganizationKind } from './rules.ts';

export interface OrganizationInput {
  name: string;
  kind: OrganizationKind;
  shortName?: string | null;
}

const organizationNotFound = () =>
  notFound({ vi: 'Không tìm thấy cơ quan, đơn vị.', en: 'Organization not found.' });

/** Creates the default organizations of the given units that have none yet (demo and `safeadapt seed`). */
export async function seedDefaultOrganizations(db: Db, unitCodes: string[]) {
  const units = await db.db.selectFrom('admin_units').selectAll().where('code', 'in', unitCodes).execute();
  const now = new Date().toISOString();
  await db.db.transaction().execute(async (trx) => {
    for (const unit of units) {
      const has = await trx
        .selectFrom('organizations')
        .select('id')
        .where('unit_code', '=', unit.code)
        .limit(1)
        .executeTakeFirst();
      if (has) continue;
      const rows = defaultOrganizations(unit).map((o) => ({
        ...o,
        unit_code: unit.code,
        province_code: unit.province_code ?? unit.code,
        created_at: now,
        updated_at: now,
      }));
      if (rows.length) await trx.insertInto('organizations').values(rows).execute();
    }
  });
}

/** The unit's organization of a kind (its first), e.g. a district's Trung tâm Y tế. */
export async function organizationOfKind(db: Db, unitCode: string, kind: OrganizationKind) {
  return db.db
    .selectFrom('organizations')
    .select(['id', 'name'])
    .where('unit_code', '=', unitCode)
    .where('kind', '=', kind)
    .orderBy('id')
    .executeTakeFirst();
}

export async function createOrganization(db: Db, scope: Scope, unitCode: string, input: OrganizationInput) {
  const unit = await unitInScope(db, scope, unitCode);
  const now = new Date().toISOString();
  return writeAreaRecord(
    db,
    scope,
    unit.code,
    (trx) =>
      trx
        .insertInto('organizations')
        .values({
          unit_code: unit.code,
          province_code: unit.province_code ?? unit.code,
          kind: input.kind,
          name: input.name,
          short_name: input.shortName ?? null,
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow(),
    (org) => ({ action: 'create', entity: 'organization', entityId: org.id, details: { ...input } }),
  );
}

export async function organizationInScope(db: Db, scope: Scope, id: number) {
  const org = await db.db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!org) throw organizationNotFound();
  return recordInScope(db, scope, org.unit_code, organizationNotFound, org);
}

export async function updateOrganization(
  db: Db,
  scope: Scope,
  id: number,
  input: Partial<OrganizationInput>,
) {
  const before = await organizationInScope(db, scope, id);
  return writeAreaRecord(
    db,
    scope,
    before.unit_code,
    (trx) =>
      trx
        .updateTable('organizations')
        .set({
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.kind !== undefined ? { kind: input.kind } : {}),
          ...(input.shortName !== undefined ? { short_name: input.shortName } : {}),
          updated_at: new Date().toISOString(),
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow(),
    { action: 'update', entity: 'organization', entityId: id, details: { before, after: input } },
  );
}

export async function deleteOrganization(db: Db, scope: Scope, id: number) {
  const before = await organizationInScope(db, scope, id);
  await writeAreaRecord(
    db,
    scope,
    before.unit_code,
    async (trx) => {
      await trx
        .updateTable('users')
        .set({ organization_id: null })
        .where('organization_id', '=', id)
        .execute();
      await trx.deleteFrom('organizations').where('id', '=', id).execute();
    },
    { action: 'delete', entity: 'organization', entityId: id, details: { before } },
  );
}
